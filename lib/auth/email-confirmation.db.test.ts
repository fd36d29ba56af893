// Confirming the address of an account that never confirmed one: the link again (rate-limited), and opening it
// confirms the address and changes nothing else.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { outbox, userSessions, users } from '@/db/schema';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { confirmEmailChange } from './email-change';
import { resendConfirmationAction } from './reset-actions';
import { startSession } from './sessions';
import { rateLimitsOn, rateLimitsOff } from '@/test/rate-limits';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('next/server', () => ({ after: () => {} }));
vi.mock('next/navigation', () => ({ redirect: () => {} }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'hearth.example', 'x-forwarded-proto': 'https' }) }));

async function person(handle: string, verified: boolean) {
  const [u] = await db.insert(users).values({ name: handle, handle, email: `${handle}@example.org`, emailVerified: verified ? new Date() : null }).returning();
  const laptop = await startSession(db, u.id, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0');
  const phone = await startSession(db, u.id, 'Mozilla/5.0 (iPhone) Safari/605.1');
  return { id: u.id, handle, name: handle, image: null, email: u.email, sessionId: laptop, phone };
}

afterEach(() => {
  rateLimitsOff();
});

describe('confirming an address', () => {
  it('mails a link to an unconfirmed address; opening it confirms the address and ends no session', async () => {
    const maya = await person('maya_unconfirmed', false);
    actAs(maya);
    const answer = await expectAllowed(() => call(resendConfirmationAction, {}), { changes: [outbox] });
    expect(answer.success).toBe(`We sent a new link to ${maya.email}. It works for a day.`);
    const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, maya.email));
    expect(mail).toMatchObject({ subject: 'Confirm your email address for Hearth', kind: 'account', userId: maya.id });
    const token = mail.body.match(/confirm-email\?token=([\w-]+)/)![1];
    expect(mail.body).toContain('https://hearth.example/settings/account/confirm-email?token=');
    const result = await confirmEmailChange(db, maya, token);
    expect(result).toEqual({ ok: true, email: maya.email, previous: maya.email });
    const [row] = await db.select().from(users).where(eq(users.id, maya.id));
    expect(row.emailVerified).not.toBeNull();
    expect(row.email).toBe(maya.email);
    expect(await db.select().from(userSessions).where(eq(userSessions.userId, maya.id))).toHaveLength(2);
    // No "your address was changed" notice: nothing changed.
    expect((await db.select().from(outbox).where(eq(outbox.userId, maya.id))).map((m) => m.subject)).toEqual(['Confirm your email address for Hearth']);
    // Used up.
    expect((await confirmEmailChange(db, maya, token)).ok).toBe(false);
  });

  it('refuses a confirmed address, and more than three links an hour, writing nothing', async () => {
    const sam = await person('sam_confirmed', true);
    actAs(sam);
    await expectRefused(() => call(resendConfirmationAction, {}), { error: 'Your address is already confirmed.', caller: sam });
    expect(await db.select().from(outbox).where(eq(outbox.userId, sam.id))).toEqual([]);

    rateLimitsOn();
    const lee = await person('lee_unconfirmed', false);
    actAs(lee);
    for (let i = 0; i < 3; i++) expect((await call(resendConfirmationAction, {})).success).toBeTruthy();
    const limited = await call(resendConfirmationAction, {});
    expect(limited.error).toMatch(/^You asked for a few links already\. Try again in \d+ (seconds?|minutes?)\.$/);
    expect(await db.select().from(outbox).where(eq(outbox.userId, lee.id))).toHaveLength(3);
  });

  it('refuses a signed-out caller', async () => {
    const maya = await person('maya_signed_out', false);
    actAs(null);
    await expectRefused(() => call(resendConfirmationAction, {}), { error: 'Your session has ended — please sign in again.', others: [maya.id] });
    expect(await db.select().from(outbox).where(eq(outbox.userId, maya.id))).toEqual([]);
  });
});
