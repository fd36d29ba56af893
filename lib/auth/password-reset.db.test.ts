// Password reset: the same answer, by the same path, whether or not an account uses the address; a single-use
// link kept only as a hash, for 30 minutes; using it sets the password, ends every session and tells the address.
import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { outbox, passwordResets, userSessions, users } from '@/db/schema';
import { call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { statementsOf } from '@/test/sql-guard';
import { verifyPassword, hashPassword } from './password';
import {
  answerPasswordResetRequest,
  expiredResetMessage,
  passwordResetMinutes,
  purgePasswordResets,
  requestPasswordReset,
  resetPassword,
  resetRequestAnswer,
} from './password-reset';
import { requestPasswordResetAction, resetPasswordAction } from './reset-actions';
import { startSession } from './sessions';
import { rateLimitsOn, rateLimitsOff } from '@/test/rate-limits';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
const deferred = vi.hoisted(() => ({ tasks: [] as (() => Promise<unknown>)[], redirects: [] as string[] }));
vi.mock('next/server', () => ({ after: (task: () => Promise<unknown>) => void deferred.tasks.push(task) }));
vi.mock('next/navigation', () => ({ redirect: (url: string) => void deferred.redirects.push(url) }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'hearth.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' }) }));

const oldPassword = 'the old password 1';
let oldHash: string;

async function person(handle: string) {
  oldHash ??= await hashPassword(oldPassword);
  const [u] = await db.insert(users).values({ name: handle, handle, email: `${handle}@example.org`, passwordHash: oldHash }).returning();
  const sessionId = await startSession(db, u.id, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0');
  return { ...u, sessionId };
}

async function runDeferred() {
  const tasks = deferred.tasks.splice(0);
  for (const task of tasks) await task();
}

const mailTo = (address: string) => db.select().from(outbox).where(eq(outbox.toAddress, address));
const tokenIn = (body: string) => body.match(/reset-password\?token=([\w-]+)/)?.[1];

afterEach(() => {
  rateLimitsOff();
  deferred.tasks.length = 0;
  deferred.redirects.length = 0;
});

describe('asking for a reset link', () => {
  it('answers the same for a known and an unknown address, and only the known one gets a link (after the answer)', async () => {
    const maya = await person('maya_reset');
    // The answer writes nothing: what it starts waits in after() (the effect is checked below, once it has run).
    const known = await expectAllowed(() => call(requestPasswordResetAction, { email: 'Maya_Reset@example.org' }), {
      effect: () => expect(deferred.tasks).toHaveLength(1),
    });
    const unknown = await call(requestPasswordResetAction, { email: 'nobody.here@example.org' });
    expect(known.success).toBe(resetRequestAnswer('maya_reset@example.org'));
    expect(unknown.success).toBe(resetRequestAnswer('nobody.here@example.org'));
    expect(known.success!.replace('maya_reset@example.org', 'X')).toBe(unknown.success!.replace('nobody.here@example.org', 'X'));
    // The answer was given before anything about the account was read or written: the work waits in after().
    expect(deferred.tasks).toHaveLength(2);
    expect(await mailTo(maya.email)).toEqual([]);
    expect(await db.select().from(passwordResets).where(eq(passwordResets.userId, maya.id))).toEqual([]);
    await runDeferred();
    const [mail] = await mailTo(maya.email);
    expect(mail).toMatchObject({ subject: 'Choose a new password for Hearth', kind: 'account', origin: 'https://hearth.example' });
    const token = tokenIn(mail.body)!;
    expect(mail.body).toContain(`https://hearth.example/reset-password?token=${token}`);
    expect(await mailTo('nobody.here@example.org')).toEqual([]);
    // Only the hash of the token is kept.
    const [row] = await db.select().from(passwordResets).where(eq(passwordResets.userId, maya.id));
    expect(row.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('base64url'));
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(passwordResetMinutes * 60_000);
  });

  it('takes as long for a known address as for an unknown one (the request path is the same)', async () => {
    rateLimitsOn();
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => person(`timing_${i}`)));
    const time = async (email: string, i: number) => {
      const started = performance.now();
      const answer = await answerPasswordResetRequest(db, { email, address: `198.51.100.${i}`, origin: 'https://hearth.example' }, (task) => void deferred.tasks.push(task));
      const took = performance.now() - started;
      expect(answer.success).toBe(resetRequestAnswer(email));
      return took;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    await time('warm.up@example.org', 250); // the first statements of a connection are slower: not counted
    // The same statements, word for word, whichever the address: the proof that cannot be blurred by a busy machine.
    const pathPerson = await person('timing_path');
    const knownPath = await statementsOf(() => time(pathPerson.email, 240));
    const unknownPath = await statementsOf(() => time('ghost_path@example.org', 241));
    expect(knownPath.length).toBeGreaterThan(0);
    expect(knownPath).toEqual(unknownPath);
    // And the times: pairs run back to back, the order flipping each round, so a burst of other work on the machine
    // falls on both of a pair alike; the median of the pairs' differences ignores the bursts that do not.
    const differences: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < people.length; i++) {
        const a = () => time(people[i].email, round * 20 + i).then((t) => void known.push(t));
        const b = () => time(`ghost_${i}@example.org`, round * 20 + 10 + i).then((t) => void unknown.push(t));
        if (round % 2) await b().then(a);
        else await a().then(b);
        differences.push(known[known.length - 1] - unknown[unknown.length - 1]);
      }
    }
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((x, y) => x - y);
      return (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
    };
    const typical = median([...known, ...unknown]);
    expect(Math.abs(median(differences)), `known ${median(known).toFixed(2)} ms, unknown ${median(unknown).toFixed(2)} ms (medians)`).toBeLessThan(Math.max(2, 0.5 * typical));
    // Nothing about the accounts happened on the way: it all waits for after the answer.
    const theirs = () => db.select().from(passwordResets).where(inArray(passwordResets.userId, people.map((p) => p.id)));
    expect(await theirs()).toEqual([]);
    await runDeferred();
    expect(await theirs()).toHaveLength(people.length * 4);
  });

  it('is limited per address (5 in 30 minutes, known or not) and per account', async () => {
    rateLimitsOn();
    const lee = await person('lee_reset_limit');
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await answerPasswordResetRequest(db, { email: lee.email, address: `192.0.2.${i}`, origin: 'https://hearth.example' }, (t) => void deferred.tasks.push(t)));
    expect(answers.slice(0, 5).every((a) => a.success)).toBe(true);
    expect(answers[5].error).toMatch(/Too many attempts\. Try again in \d+ (seconds?|minutes?)\./);
    expect(deferred.tasks).toHaveLength(5);
    // The same for an address no account uses: the limit tells nothing either.
    const ghost = [];
    for (let i = 0; i < 6; i++) ghost.push(await answerPasswordResetRequest(db, { email: 'ghost.limit@example.org', address: `192.0.2.${50 + i}`, origin: 'x' }, () => {}));
    expect(ghost[5].error).toBe(answers[5].error);
    // Per account: a sixth link in the half hour is not written, however it was asked for.
    for (let i = 0; i < 6; i++) await requestPasswordReset(db, lee.email, 'https://hearth.example');
    expect(await db.select().from(passwordResets).where(eq(passwordResets.userId, lee.id))).toHaveLength(5);
  });

  it('refuses a malformed address with a field error and writes nothing', async () => {
    const before = await db.select().from(passwordResets);
    await expectRefused(() => call(requestPasswordResetAction, { email: 'not-an-address' }), { error: 'Please fix the highlighted fields.' });
    const answer = await call(requestPasswordResetAction, { email: 'not-an-address' });
    expect(answer.fieldErrors?.email).toBe('Enter a valid email address, like maya@example.com.');
    expect(deferred.tasks).toEqual([]);
    expect(await db.select().from(passwordResets)).toEqual(before);
  });
});

describe('using the link', () => {
  it('sets the new password, ends every session, uses the link up and tells the address', async () => {
    const sam = await person('sam_reset');
    const { token } = await requestPasswordReset(db, sam.email, 'https://hearth.example');
    const [before] = await db.select().from(users).where(eq(users.id, sam.id));
    await expectAllowed(() => call(resetPasswordAction, { token: token!, newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }), {
      changes: [users, passwordResets, userSessions, outbox],
    });
    expect(deferred.redirects).toEqual(['/sign-in?reset=1']);
    const [after] = await db.select().from(users).where(eq(users.id, sam.id));
    expect(await verifyPassword(after.passwordHash, 'a brand new passphrase')).toBe(true);
    expect(await verifyPassword(after.passwordHash, oldPassword)).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.emailVerified).not.toBeNull();
    expect(await db.select().from(userSessions).where(eq(userSessions.userId, sam.id))).toEqual([]);
    const [row] = await db.select().from(passwordResets).where(eq(passwordResets.userId, sam.id));
    expect(row.usedAt).not.toBeNull();
    const notice = (await mailTo(sam.email)).find((m) => m.subject === 'Your Hearth password was changed');
    expect(notice).toMatchObject({ kind: 'account', userId: sam.id });
    // Once only.
    await expectRefused(() => call(resetPasswordAction, { token: token!, newPassword: 'yet another passphrase', confirmPassword: 'yet another passphrase' }), {
      error: expiredResetMessage,
      others: [sam.id],
    });
    const [still] = await db.select().from(users).where(eq(users.id, sam.id));
    expect(still.passwordHash).toBe(after.passwordHash);
  });

  it('refuses an expired, unknown or mistyped link, and a weak or mismatched password, changing nothing', async () => {
    const kim = await person('kim_reset');
    const earlier = new Date(Date.now() - (passwordResetMinutes + 1) * 60_000);
    const { token: old } = await requestPasswordReset(db, kim.email, 'https://hearth.example', earlier);
    const expired = await resetPassword(db, old!, 'a brand new passphrase');
    expect(expired).toEqual({ ok: false, message: expiredResetMessage });
    await expectRefused(() => call(resetPasswordAction, { token: 'x'.repeat(43), newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }), {
      error: expiredResetMessage,
      others: [kim.id],
    });
    await expectRefused(() => call(resetPasswordAction, { token: old!, newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }), {
      error: expiredResetMessage,
      others: [kim.id],
    });
    const { token } = await requestPasswordReset(db, kim.email, 'https://hearth.example');
    await expectRefused(() => call(resetPasswordAction, { token: token!, newPassword: 'short', confirmPassword: 'short' }), { error: 'Please fix the highlighted fields.', others: [kim.id] });
    const weak = await call(resetPasswordAction, { token: token!, newPassword: 'short', confirmPassword: 'short' });
    expect(weak.fieldErrors?.newPassword).toBe('Passwords are at least 10 characters.');
    const mismatch = await call(resetPasswordAction, { token: token!, newPassword: 'a brand new passphrase', confirmPassword: 'another one entirely' });
    expect(mismatch.fieldErrors?.confirmPassword).toBe('The two new passwords differ.');
    expect(deferred.redirects).toEqual([]);
    const [row] = await db.select().from(users).where(eq(users.id, kim.id));
    expect(row.passwordHash).toBe(oldHash);
    expect(await db.select().from(userSessions).where(eq(userSessions.userId, kim.id))).toHaveLength(1);
    expect(await db.select().from(passwordResets).where(and(eq(passwordResets.userId, kim.id)))).toHaveLength(2);
    // A good link still works after the refusals.
    expect(await resetPassword(db, token!, 'a brand new passphrase')).toEqual({ ok: true, email: kim.email });
  });

  it('the daily job deletes expired and used links, and keeps the ones still good', async () => {
    const ana = await person('ana_purge');
    const now = new Date();
    const { token: used } = await requestPasswordReset(db, ana.email, 'x', now);
    await resetPassword(db, used!, 'a brand new passphrase', undefined, now);
    await requestPasswordReset(db, ana.email, 'x', new Date(now.getTime() - 2 * passwordResetMinutes * 60_000));
    const { token: good } = await requestPasswordReset(db, ana.email, 'x', now);
    const before = await db.select({ id: passwordResets.id }).from(passwordResets).where(eq(passwordResets.userId, ana.id));
    expect(before).toHaveLength(3);
    expect(await purgePasswordResets(db, now)).toBeGreaterThanOrEqual(2);
    const left = await db.select().from(passwordResets).where(eq(passwordResets.userId, ana.id));
    expect(left).toHaveLength(1);
    expect(left[0].tokenHash).toBe(crypto.createHash('sha256').update(good!).digest('base64url'));
  });
});
