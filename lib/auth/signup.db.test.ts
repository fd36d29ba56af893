// Signing up answers the same for a registered address and a new one; the account exists only once the mailed
// link is opened and the password typed again.
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { outbox, pendingSignups, users } from '@/db/schema';
import { call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { finishSignUpAction, signUpAction } from './actions';
import { expiredSignUpMessage, finishSignUp, purgeExpiredSignUps, signUpLinkHours, startSignUp } from './signup';
import { createAccount } from './users';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
const authjs = vi.hoisted(() => ({ signIn: [] as unknown[][] }));
vi.mock('@/lib/auth/config', () => ({
  signIn: async (...args: unknown[]) => void authjs.signIn.push(args),
  signOut: async () => {},
  auth: async () => null,
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'hearth.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.44' }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));

afterEach(() => {
  authjs.signIn.length = 0;
});

const unique = () => Math.random().toString(36).slice(2, 8);
const password = 'a long enough password';
const form = (over: Partial<Record<'name' | 'handle' | 'email' | 'password', string>> = {}) => {
  const u = unique();
  return { name: 'Noor Haddad', handle: `noor_${u}`, email: `noor.${u}@example.org`, password, ...over };
};

const mailTo = (address: string) => db.select().from(outbox).where(eq(sql`lower(${outbox.toAddress})`, address.toLowerCase()));
const accountsFor = (address: string) => db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, address.toLowerCase()));
const linkToken = (body: string) => /\/sign-up\/confirm\?token=([\w-]+)/.exec(body)?.[1];

describe('signUpAction', () => {
  it('answers a registered address exactly as a new one, and mails each what is true for it', async () => {
    const owner = form();
    const created = await createAccount(db, owner);
    if (!created.ok) throw new Error(created.message);
    const newcomer = form();

    const forOwner = await call(signUpAction, { ...form({ email: owner.email.toUpperCase() }), password: 'another password entirely' });
    const forNewcomer = await expectAllowed(() => call(signUpAction, newcomer), { changes: [pendingSignups, outbox] });
    const answer = (state: typeof forOwner, email: string) => state.success?.toLowerCase().replace(email.toLowerCase(), '<address>');
    expect(forOwner.error).toBeUndefined();
    expect(answer(forOwner, owner.email.toUpperCase())).toBe(answer(forNewcomer, newcomer.email));
    expect(forNewcomer.success).toContain(`Check your inbox at ${newcomer.email}`);

    // The owner: a note that someone tried, with no link that creates anything, filed under their account.
    const [note] = await mailTo(owner.email);
    expect(note).toMatchObject({ userId: created.userId, subject: 'Someone tried to sign up to Hearth with your address' });
    expect(note.body).toContain('https://hearth.example/sign-in');
    expect(linkToken(note.body)).toBeUndefined();
    expect(await accountsFor(owner.email)).toHaveLength(1);
    expect(await db.select().from(pendingSignups).where(eq(pendingSignups.email, owner.email))).toEqual([]);

    // The newcomer: a link on the site's own origin, and no account until it is opened.
    const [invite] = await mailTo(newcomer.email);
    expect(invite).toMatchObject({ userId: null, subject: 'Finish creating your Hearth account' });
    expect(invite.body).toMatch(/https:\/\/hearth\.example\/sign-up\/confirm\?token=[\w-]{40,}/);
    expect(await accountsFor(newcomer.email)).toEqual([]);
    const [pending] = await db.select().from(pendingSignups).where(eq(pendingSignups.email, newcomer.email));
    expect(pending.passwordHash).toMatch(/^\$argon2id\$/);
    expect(pending.tokenHash).not.toBe(linkToken(invite.body));
  });

  it('still refuses a taken handle by name (handles are public)', async () => {
    const first = form();
    await createAccount(db, first);
    await expectRefused(() => call(signUpAction, form({ handle: first.handle })), { error: 'Please fix the highlighted fields.' });
    await expectRefused(() => call(signUpAction, form({ email: 'not an address', password: 'short' })), { error: 'Please fix the highlighted fields.' });
    const again = await call(signUpAction, form({ handle: first.handle }));
    expect(again.fieldErrors?.handle).toBe(`The handle @${first.handle} is taken — try another.`);
    expect(again.success).toBeUndefined();
  });
});

describe('finishing from the link', () => {
  it('creates the account with the address confirmed, claims its mail, and signs in', async () => {
    const input = form();
    const { token } = await startSignUp(db, input, 'https://hearth.example');
    expect(token).toBeTruthy();

    await expectRefused(() => call(finishSignUpAction, { token: token!, password: 'not the one I chose' }), { error: 'Please fix the highlighted fields.' });
    const wrong = await call(finishSignUpAction, { token: token!, password: 'not the one I chose' });
    expect(wrong.fieldErrors?.password).toBe('That is not the password you chose when you signed up.');
    expect(await accountsFor(input.email)).toEqual([]);

    // Signing in is Auth.js's part (recorded here; lib/auth/sign-in.db.test.ts drives the real one).
    await expectAllowed(() => call(finishSignUpAction, { token: token!, password }), { changes: [users, pendingSignups, outbox] });
    const [account] = await db.select().from(users).where(eq(users.email, input.email));
    expect(account).toMatchObject({ handle: input.handle, name: input.name });
    expect(account.emailVerified).toBeInstanceOf(Date);
    expect(authjs.signIn).toEqual([['credentials', { email: input.email, password, redirectTo: '/welcome' }]]);
    expect((await mailTo(input.email)).map((m) => m.userId)).toEqual([account.id]);
    expect(await db.select().from(pendingSignups).where(eq(pendingSignups.email, input.email))).toEqual([]);

    // The link is used up.
    await expectRefused(() => call(finishSignUpAction, { token: token!, password }), { error: expiredSignUpMessage });
    expect(await accountsFor(input.email)).toHaveLength(1);
  });

  it('a second sign-up for the same address replaces the first link', async () => {
    const input = form();
    const first = await startSignUp(db, input, 'https://hearth.example');
    const second = await startSignUp(db, { ...input, password: 'a different long password' }, 'https://hearth.example');
    expect(await finishSignUp(db, first.token!, password)).toEqual({ ok: false, message: expiredSignUpMessage });
    expect(await finishSignUp(db, second.token!, 'a different long password')).toMatchObject({ ok: true, email: input.email });
  });

  it('two sign-ups for one address at once leave one link, not an error', async () => {
    const input = form();
    const both = await Promise.all([startSignUp(db, input, 'https://hearth.example'), startSignUp(db, input, 'https://hearth.example')]);
    expect(both.every((b) => b.token)).toBe(true);
    expect(await db.select().from(pendingSignups).where(eq(pendingSignups.email, input.email))).toHaveLength(1);
  });

  it('expires after a day', async () => {
    const input = form();
    const start = new Date('2026-12-01T10:00:00Z');
    const { token } = await startSignUp(db, input, 'https://hearth.example', start);
    const late = new Date(start.getTime() + signUpLinkHours * 3_600_000 + 1000);
    expect(await finishSignUp(db, token!, password, late)).toEqual({ ok: false, message: expiredSignUpMessage });
    expect(await accountsFor(input.email)).toEqual([]);
  });

  it('says so when the handle was taken while the link waited', async () => {
    const input = form();
    const { token } = await startSignUp(db, input, 'https://hearth.example');
    await createAccount(db, form({ handle: input.handle }));
    const result = await finishSignUp(db, token!, password);
    expect(result).toEqual({ ok: false, message: `The handle @${input.handle} was taken while your link waited. Sign up again with another handle.` });
    expect(await accountsFor(input.email)).toEqual([]);
  });
});

describe('the daily job', () => {
  it('deletes sign-ups never finished, with the mail sent for them, and keeps everything else', async () => {
    const stale = form();
    const fresh = form();
    const longAgo = new Date(Date.now() - 3 * 24 * 3_600_000);
    await startSignUp(db, stale, 'https://hearth.example', longAgo);
    await db.update(outbox).set({ createdAt: longAgo }).where(eq(outbox.toAddress, stale.email));
    await startSignUp(db, fresh, 'https://hearth.example');
    expect(await purgeExpiredSignUps(db)).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(pendingSignups).where(eq(pendingSignups.email, stale.email))).toEqual([]);
    expect(await mailTo(stale.email)).toEqual([]);
    expect(await db.select().from(pendingSignups).where(eq(pendingSignups.email, fresh.email))).toHaveLength(1);
    expect(await mailTo(fresh.email)).toHaveLength(1);
  });
});
