// Brute-force protection for every way into an account, counted in the database so it holds on every instance.
//
// - Per address: every attempt counts (6 a minute, 30 an hour), as Discourse and GitLab limit sign-in per IP. The
//   address is the one scripts/request-guard.mjs settled, never a header the client wrote.
// - Per account: only failures count (a correct password gives its attempt back), 25 an hour, Mastodon's figure.
//   When strangers have used that budget up, browsers that signed in to the account before (lib/auth/device.ts) are
//   not subject to it: they have a budget of their own (10 failures an hour per browser). So guessing from many
//   addresses cannot lock the owner out of their own devices, and a new device waits at most an hour. GitLab instead
//   locks the account for 10 minutes after 10 failures and mails an unlock link; Mastodon throttles the email for
//   the hour whoever asks. Both let a stranger shut the owner out; device cookies (OWASP's recommendation for
//   exactly this) do not.
import { and, eq, sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import type { Executor } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { clientAddress, consume, keyFor, rules, windowOf, type Rule, type Verdict } from '@/lib/rate-limit';

export async function requestAddress() {
  return clientAddress((await headers()).get('x-forwarded-for'));
}

/** Every password attempt from an address, whatever it is for. */
export function throttleAddress(db: Executor, address: string, now = new Date()): Promise<Verdict> {
  return consume(
    db,
    [
      { rule: rules.signInPerIpMinute, subject: address },
      { rule: rules.signInPerIpHour, subject: address },
    ],
    now,
  );
}

export function throttleSignUp(db: Executor, address: string): Promise<Verdict> {
  return consume(db, [{ rule: rules.signUpPerIp, subject: address }]);
}

/** The account's failure budget this attempt draws on: the browser's own when it is a known device. */
function accountBudget(email: string, deviceId: string | null): { rule: Rule; subject: string } {
  const account = email.trim().toLowerCase();
  return deviceId ? { rule: rules.signInPerKnownDevice, subject: `${account}\0${deviceId}` } : { rule: rules.signInPerAccount, subject: account };
}

/** Gives an attempt back to its budget (a correct password is not a failure). */
async function refund(db: Executor, budget: { rule: Rule; subject: string }, now = new Date()) {
  const { windowStart } = windowOf(budget.rule, now);
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(and(eq(rateLimits.key, keyFor(budget.rule, budget.subject)), eq(rateLimits.windowStart, windowStart)));
}

export type GuardedResult<T> = { ok: true; value: T } | { ok: false; limited: Verdict & { allowed: false } } | { ok: false; limited?: undefined };

/**
 * Runs one password check under the limits. The attempt is counted before the check (so parallel guesses cannot
 * slip past the budget) and given back when it succeeds; a refused attempt never checks the password, so a
 * limited account tells nothing about whether a guess was right.
 */
export async function guardPasswordAttempt<T>(
  db: Executor,
  attempt: { address: string; email: string; deviceId: string | null },
  check: () => Promise<T | null>,
  now = new Date(),
): Promise<GuardedResult<T>> {
  const byAddress = await throttleAddress(db, attempt.address, now);
  if (!byAddress.allowed) return { ok: false, limited: byAddress };
  const budget = accountBudget(attempt.email, attempt.deviceId);
  const byAccount = await consume(db, [budget], now);
  if (!byAccount.allowed) return { ok: false, limited: byAccount };
  const value = await check();
  if (value === null) return { ok: false };
  await refund(db, budget, now);
  return { ok: true, value };
}
