// A person's mail choices (the Email section of their settings), the unsubscribe page's button, and the
// development mailbox: never in production, and only for instance admins.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { env } from '@/lib/env';
import { db } from '@/db/client';
import { digestSubscriptions, mailPreferences, users } from '@/db/schema';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { saveMailChoicesAction, unsubscribeAction } from './actions';
import { mailChoicesOf, mailKindEnabled } from './preferences';
import { getDevMailbox } from './queries';
import { sendMail } from './outbox';
import { unsubscribeToken } from './unsubscribe';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

async function person(handle: string, role: 'admin' | null = null) {
  const [u] = await db.insert(users).values({ name: handle, handle, email: `${handle}@example.org`, emailVerified: new Date(), instanceRole: role }).returning();
  return { id: u.id, handle, name: handle, image: null };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('mail choices', () => {
  it('the person switches moderation mail and the digest for themself only', async () => {
    const maya = await person('maya_choices');
    const lee = await person('lee_choices');
    expect(await mailChoicesOf(db, maya.id)).toEqual({ moderation: true, digest: 'off' });
    actAs(maya);
    const saved = await expectAllowed(() => call(saveMailChoicesAction, { digest: 'weekly' }), { changes: [mailPreferences, digestSubscriptions] });
    expect(saved.success).toMatch(/^Saved\./);
    expect(await mailChoicesOf(db, maya.id)).toEqual({ moderation: false, digest: 'weekly' });
    expect(await mailKindEnabled(db, maya.id, 'digest')).toBe(true);
    await call(saveMailChoicesAction, { moderation: 'on', digest: 'off' });
    expect(await mailChoicesOf(db, maya.id)).toEqual({ moderation: true, digest: 'off' });
    // Lee's choices were never touched.
    expect(await db.select().from(mailPreferences).where(eq(mailPreferences.userId, lee.id))).toEqual([]);
    expect(await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, lee.id))).toEqual([]);
  });

  it('refuses nonsense and a signed-out caller, changing nothing', async () => {
    const sam = await person('sam_choices');
    actAs(sam);
    await expectRefused(() => call(saveMailChoicesAction, { digest: 'hourly' }), { error: 'Please fix the highlighted fields.', caller: sam });
    expect((await call(saveMailChoicesAction, { digest: 'hourly' })).fieldErrors?.digest).toBe('Choose how often the digest comes, or off.');
    actAs(null);
    await expectRefused(() => call(saveMailChoicesAction, { digest: 'daily' }), { error: 'Your session has ended — please sign in again.', others: [sam.id] });
    expect(await mailChoicesOf(db, sam.id)).toEqual({ moderation: true, digest: 'off' });
    expect(await db.select().from(mailPreferences).where(eq(mailPreferences.userId, sam.id))).toEqual([]);
  });
});

describe('the unsubscribe page', () => {
  it('its button turns off the kind its link names, with no sign-in; a forged link changes nothing', async () => {
    const kim = await person('kim_unsubscribe');
    actAs(null);
    const forged = `${unsubscribeToken(kim.id, 'moderation').slice(0, -4)}abcd`;
    await expectRefused(() => call(unsubscribeAction, { token: forged }), { error: /^This unsubscribe link is not valid/ });
    await expectRefused(() => call(unsubscribeAction, { token: 'short' }), { error: 'Please fix the highlighted fields.' });
    expect(await mailKindEnabled(db, kim.id, 'moderation')).toBe(true);
    const done = await expectAllowed(() => call(unsubscribeAction, { token: unsubscribeToken(kim.id, 'moderation') }), { changes: [mailPreferences] });
    expect(done.success).toBe('Done: you will get no more moderation mail. You can turn it on again under Notifications.');
    expect(await mailKindEnabled(db, kim.id, 'moderation')).toBe(false);
    // A link for moderation mail says nothing about the digest, which stays as it was.
    await db.insert(digestSubscriptions).values({ userId: kim.id, frequency: 'daily' });
    expect(await mailKindEnabled(db, kim.id, 'digest')).toBe(true);
  });
});

describe('the development mailbox', () => {
  it('is open only to instance admins, and never in production whatever HEARTH_MAILBOX says', async () => {
    const admin = await person('ada_admin', 'admin');
    const member = await person('max_member');
    await sendMail(db, { userId: member.id, to: 'max_member@example.org', subject: 'Secret link', body: 'https://x/secret' });
    const before = { ...env };
    onTestFinished(() => {
      Object.assign(env, before);
    });
    env.HEARTH_MAILBOX = 'on';
    expect(await getDevMailbox(null)).toBeNull();
    expect(await getDevMailbox(member)).toBeNull();
    const mail = await getDevMailbox(admin);
    expect(mail?.some((m) => m.subject === 'Secret link')).toBe(true);
    env.NODE_ENV = 'production';
    expect(await getDevMailbox(admin)).toBeNull();
  });
});
