// Rate limits kept in PostgreSQL, so they hold across app instances (and on embedded PGlite alike).
// A fixed window per rule and subject, counted with one atomic upsert. rate-limiter-flexible's Postgres store
// needs node-postgres, knex or an ORM it knows — neither postgres.js nor PGlite — so this is the small version.
import { lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { db as appDb, rowsOf } from '@/db/client';
import { env } from '@/lib/env';
import { keyedDigest } from '@/lib/keyed-digest';

export interface Rule {
  name: string;
  limit: number;
  windowSeconds: number;
}

/** Defaults in the spirit of Discourse's and Mastodon's. */
export const rules = {
  signInPerIpMinute: { name: 'signin:ip:1m', limit: 6, windowSeconds: 60 },
  signInPerIpHour: { name: 'signin:ip:1h', limit: 30, windowSeconds: 3600 },
  // Failures only (lib/auth/throttle.ts): a correct password gives its attempt back.
  signInPerAccount: { name: 'signin:account:1h', limit: 25, windowSeconds: 3600 },
  // A browser that signed in to the account before has a failure budget of its own, out of strangers' reach.
  signInPerKnownDevice: { name: 'signin:device:1h', limit: 10, windowSeconds: 3600 },
  signUpPerIp: { name: 'signup:ip:1h', limit: 10, windowSeconds: 3600 },
  passwordChange: { name: 'password:account:1h', limit: 5, windowSeconds: 3600 },
  // Each request sends a mail: a few an hour (Mastodon allows 5 password resets per 30 min).
  emailChange: { name: 'email:account:1h', limit: 5, windowSeconds: 3600 },
  emailConfirm: { name: 'email-confirm:account:1h', limit: 20, windowSeconds: 3600 },
  // Changing two-factor sign-in (confirming an app, new recovery codes, turning it off) asks for a code or the
  // password: a stolen session may guess a few, not a million.
  twoFactorChange: { name: '2fa:account:1h', limit: 10, windowSeconds: 3600 },
  // Passkey sign-in challenges handed out (a database row each) per address.
  passkeyChallenge: { name: 'passkey-challenge:ip:1m', limit: 20, windowSeconds: 60 },
  // Password reset requests (Mastodon: 5 per 30 min; GitLab: 10 a minute per IP), and asking for the confirmation
  // link again: each sends a mail.
  passwordResetPerAddress: { name: 'password-reset:email:30m', limit: 5, windowSeconds: 1800 },
  passwordResetPerAccount: { name: 'password-reset:account:30m', limit: 5, windowSeconds: 1800 },
  passwordResetPerIp: { name: 'password-reset:ip:1h', limit: 20, windowSeconds: 3600 },
  confirmationResend: { name: 'confirm-resend:account:1h', limit: 3, windowSeconds: 3600 },
  // Per person (Discourse: 5 s between posts, a daily ceiling; Mastodon: 30 uploads per 30 min).
  postBurst: { name: 'post:5s', limit: 1, windowSeconds: 5 },
  postDaily: { name: 'post:1d', limit: 100, windowSeconds: 86400 },
  comment: { name: 'comment:10m', limit: 30, windowSeconds: 600 },
  reaction: { name: 'reaction:1h', limit: 300, windowSeconds: 3600 },
  upload: { name: 'upload:30m', limit: 30, windowSeconds: 1800 },
  invite: { name: 'invite:1d', limit: 20, windowSeconds: 86400 },
  joinRequest: { name: 'join-request:1h', limit: 10, windowSeconds: 3600 },
  // Reports: enough for someone who meets a wave of spam, not enough to flood a queue.
  report: { name: 'report:1h', limit: 20, windowSeconds: 3600 },
  // Batches of views from the feed: one every few seconds while scrolling is plenty.
  signals: { name: 'signals:1m', limit: 60, windowSeconds: 60 },
} satisfies Record<string, Rule>;

/** One person's attempt at something limited; the refusal message says when to try again. */
export function limitPerson(db: Executor, userId: string, ...ruleList: Rule[]) {
  return consume(db, ruleList.map((rule) => ({ rule, subject: userId })), new Date(), 'You’re going a little fast.');
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string };

export function rateLimitsEnabled() {
  return env.HEARTH_RATE_LIMITS !== 'off';
}

/** The counter's key: keyed with the server secret, so stored keys cannot be reversed by trying every address. */
export function keyFor(rule: Rule, subject: string) {
  return keyedDigest('rate-limit', `${rule.name}\0${subject.toLowerCase()}`);
}

export function waitMessage(seconds: number, lead = 'Too many attempts.') {
  if (seconds < 60) return `${lead} Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `${lead} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  return `${lead} Try again in ${Math.ceil(minutes / 60)} hours.`;
}

/** The fixed window a moment falls in, for a rule. */
export function windowOf(rule: Rule, now: Date) {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return { windowStart, expiresAt: new Date(windowStart.getTime() + windowMs) };
}

/** Counts one attempt against each rule; refuses when any is over its limit (the attempt is still counted). */
export async function consume(db: Executor, checks: { rule: Rule; subject: string }[], now = new Date(), lead?: string): Promise<Verdict> {
  if (!rateLimitsEnabled()) return { allowed: true };
  let worst = 0;
  for (const { rule, subject } of checks) {
    const { windowStart, expiresAt } = windowOf(rule, now);
    const [row] = rowsOf<{ count: number }>(
      await db.execute(sql`
        insert into ${rateLimits} (key, window_start, count, expires_at)
        values (${keyFor(rule, subject)}, ${windowStart.toISOString()}::timestamptz, 1, ${expiresAt.toISOString()}::timestamptz)
        on conflict (key) do update set
          count = case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end,
          window_start = excluded.window_start,
          expires_at = excluded.expires_at
        returning count`),
    );
    if (Number(row.count) > rule.limit) worst = Math.max(worst, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
  }
  return worst > 0 ? { allowed: false, retryAfterSeconds: worst, message: waitMessage(worst, lead) } : { allowed: true };
}

/** Drops counters whose window has passed. */
export async function purgeExpiredLimits(db: Executor, now = new Date()) {
  await db.delete(rateLimits).where(lt(rateLimits.expiresAt, now));
}

/**
 * The client's address for per-address limits. `npm start` (scripts/request-guard.mjs) has already replaced
 * X-Forwarded-For by the one address it believes (the socket's, or the first untrusted one behind
 * HEARTH_TRUSTED_PROXIES); elsewhere (`next dev`) Next fills it from the socket when absent. The right-most entry is
 * read, never the left-most, which the client writes. IPv6 is limited per /64, as one person usually holds a whole /64.
 */
export function clientAddress(forwardedFor: string | null | undefined) {
  const last = (forwardedFor?.split(',').at(-1) ?? '').trim();
  if (!last) return 'unknown';
  if (last.includes(':') && !last.startsWith('::ffff:')) {
    const groups = last.split('::')[0].split(':').slice(0, 4);
    return `${groups.join(':')}::/64`;
  }
  return last.replace(/^::ffff:/, '');
}

/** limitPerson on the app's database (for route handlers, which do not import db/). */
export function limitPersonNow(userId: string, ...ruleList: Rule[]) {
  return limitPerson(appDb, userId, ...ruleList);
}
