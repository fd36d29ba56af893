import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { emailChanges, outbox, userSessions, users } from '@/db/schema';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { confirmEmailChangeAction, requestEmailChangeAction } from './actions';
import { confirmEmailChange, expiredLinkMessage, hashToken, requestEmailChange } from './email-change';
import { hashPassword } from './password';
import { startSession } from './sessions';
import { rateLimitsOn, rateLimitsOff } from '@/test/rate-limits';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('@/lib/auth/config', () => ({ oauthProviders: { github: false, google: false }, signIn: async () => {}, signOut: async () => {}, auth: async () => null }));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
const navigation = vi.hoisted(() => ({ redirects: [] as string[] }));
vi.mock('next/navigation', () => ({ redirect: (url: string) => void navigation.redirects.push(url) }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'hearth.example', 'x-forwarded-proto': 'https' }) }));

const password = 'correct horse battery';
let passwordHash: string;

async function person(handle: string) {
  passwordHash ??= await hashPassword(password);
  const [u] = await db.insert(users).values({ name: handle, email: `${handle}@example.org`, handle, passwordHash }).returning();
  const sessionId = await startSession(db, u.id, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0');
  return { id: u.id, handle, name: handle, image: null, email: u.email, sessionId };
}

const mailTo = (address: string) => db.select().from(outbox).where(eq(outbox.toAddress, address));
const tokenIn = (body: string) => body.match(/confirm-email\?token=([\w-]+)/)?.[1];

afterEach(() => {
  rateLimitsOff();
});

describe('changing the email address', () => {
  it('needs the current password and a different address, and changes nothing until the link is opened', async () => {
    const maya = await person('maya_mail');
    actAs(maya);
    await expectRefused(() => call(requestEmailChangeAction, { newEmail: 'maya.new@example.org', currentPassword: 'not my password' }), { error: 'Please fix the highlighted fields.', caller: maya });
    await expectRefused(() => call(requestEmailChangeAction, { newEmail: 'MAYA_MAIL@example.org', currentPassword: password }), { error: 'Please fix the highlighted fields.', caller: maya });
    actAs(null);
    await expectRefused(() => call(requestEmailChangeAction, { newEmail: 'maya.new@example.org', currentPassword: password }), { error: 'Your session has ended — please sign in again.', others: [maya.id] });
    actAs(maya);
    const wrong = await call(requestEmailChangeAction, { newEmail: 'maya.new@example.org', currentPassword: 'not my password' });
    expect(wrong.fieldErrors?.currentPassword).toBe('That is not your current password.');
    const same = await call(requestEmailChangeAction, { newEmail: 'MAYA_MAIL@example.org', currentPassword: password });
    expect(same.fieldErrors?.newEmail).toBe('That is already your email address.');
    const invalid = await call(requestEmailChangeAction, { newEmail: 'not an address', currentPassword: password });
    expect(invalid.fieldErrors?.newEmail).toMatch(/valid email/);

    const sent = await expectAllowed(() => call(requestEmailChangeAction, { newEmail: 'Maya.New@Example.org', currentPassword: password }), { changes: [emailChanges, outbox] });
    expect(sent.success).toBe('We sent a link to maya.new@example.org. Open it within 24 hours to confirm; until then your address stays maya_mail@example.org.');
    const [user] = await db.select().from(users).where(eq(users.id, maya.id));
    expect(user.email).toBe('maya_mail@example.org');
    const [mail] = await mailTo('maya.new@example.org');
    expect(mail.subject).toBe('Confirm your new email for Hearth');
    const token = tokenIn(mail.body)!;
    expect(mail.body).toContain(`https://hearth.example/settings/account/confirm-email?token=${token}`);
    // Only the token's hash is stored.
    const [row] = await db.select().from(emailChanges).where(eq(emailChanges.userId, maya.id));
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(24 * 3_600_000);
  });

  it('confirms once, for the person who asked: the address changes, other devices are signed out, the old address is told', async () => {
    const sam = await person('sam_mail');
    const otherDevice = await startSession(db, sam.id, 'Mozilla/5.0 (Android 14) Chrome/128.0 Mobile');
    const intruder = await person('intruder_mail');
    const { token } = await requestEmailChange(db, sam, 'sam.new@example.org', 'http://localhost:3000');

    actAs(intruder);
    await expectRefused(() => call(confirmEmailChangeAction, { token: token! }), { error: /for another account/, others: [sam.id] });
    actAs(null);
    await expectRefused(() => call(confirmEmailChangeAction, { token: token! }), { error: 'Your session has ended — please sign in again.', others: [sam.id, intruder.id] });

    actAs(sam);
    const done = await expectAllowed(() => call(confirmEmailChangeAction, { token: token! }), { changes: [users, emailChanges, userSessions, outbox] });
    expect(done.error).toBeUndefined();
    expect(navigation.redirects.at(-1)).toBe('/settings/account?email=changed');
    const [user] = await db.select().from(users).where(eq(users.id, sam.id));
    expect(user.email).toBe('sam.new@example.org');
    expect(user.emailVerified).toBeInstanceOf(Date);
    const sessions = (await db.select().from(userSessions).where(eq(userSessions.userId, sam.id))).map((s) => s.id);
    expect(sessions).toEqual([sam.sessionId]); // this browser stays, the other one is gone
    expect(sessions).not.toContain(otherDevice);
    const [notice] = await mailTo('sam_mail@example.org');
    expect(notice.subject).toBe('Your Hearth email address was changed');
    expect(notice.body).toContain('s***@example.org');
    // Single use.
    await expectRefused(() => call(confirmEmailChangeAction, { token: token! }), { error: expiredLinkMessage, others: [intruder.id] });
  });

  it('refuses an expired link and one replaced by a newer request', async () => {
    const ana = await person('ana_mail');
    const first = await requestEmailChange(db, ana, 'ana.one@example.org', 'http://localhost:3000');
    const second = await requestEmailChange(db, ana, 'ana.two@example.org', 'http://localhost:3000');
    expect(await confirmEmailChange(db, ana, first.token!)).toEqual({ ok: false, message: expiredLinkMessage });
    const later = new Date(Date.now() + 25 * 3_600_000);
    expect(await confirmEmailChange(db, ana, second.token!, later)).toEqual({ ok: false, message: expiredLinkMessage });
    expect(await confirmEmailChange(db, ana, second.token!)).toMatchObject({ ok: true, email: 'ana.two@example.org' });
  });

  it('does not reveal whether an address has an account: the same answer, and that address is told instead', async () => {
    const lea = await person('lea_mail');
    await person('taken_mail');
    actAs(lea);
    const answer = await call(requestEmailChangeAction, { newEmail: 'taken_mail@example.org', currentPassword: password });
    expect(answer.success).toMatch(/^We sent a link to taken_mail@example.org\./);
    expect(await db.select().from(emailChanges).where(eq(emailChanges.userId, lea.id))).toHaveLength(0);
    const [mail] = await mailTo('taken_mail@example.org');
    expect(mail.subject).toBe('Someone tried to move a Hearth account to this address');
    expect(tokenIn(mail.body)).toBeUndefined();
  });

  it('is rate-limited: five requests an hour', async () => {
    rateLimitsOn();
    const kim = await person('kim_mail');
    actAs(kim);
    for (let i = 0; i < 5; i++) expect((await call(requestEmailChangeAction, { newEmail: `kim${i}@example.org`, currentPassword: password })).success).toBeDefined();
    const refused = await call(requestEmailChangeAction, { newEmail: 'kim9@example.org', currentPassword: password });
    expect(refused.error).toMatch(/^You’re going a little fast\. Try again in \d+ (seconds?|minutes?)\.$/);
  });
});
