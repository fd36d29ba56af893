// Sending the digest: part of the daily job (lib/jobs.ts). Only to people who asked for it (a digest_subscriptions
// row), whose account is not suspended and whose address is confirmed. Each person's digest is claimed by moving
// their last_sent_at from the value this runner read, in the transaction that queues the mail: with several
// instances (or a job run by hand beside the scheduled one) exactly one runner sends it. A digest with nothing new is
// not sent, but last_sent_at still moves, so a weekly digest keeps its day.
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { digestSubscriptions, users, type DigestFrequency } from '@/db/schema';
import { getSiteSettings } from '@/lib/admin/site';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/mail/outbox';
import { PURGE_HOUR_UTC, PURGE_MINUTE_UTC } from '@/lib/privacy/retention-policy';
import { buildDigest, digestSince, lastVisitOf, type Digest } from './build';
import { log } from '@/lib/log';

const DAY = 86_400_000;
/** Days are counted as the daily job counts them: a day turns at 03:15 UTC, when the job runs. */
const dayNumber = (date: Date) => Math.floor((date.getTime() - (PURGE_HOUR_UTC * 60 + PURGE_MINUTE_UTC) * 60_000) / DAY);
const periodDays: Record<DigestFrequency, number> = { daily: 1, weekly: 7 };

/**
 * Whether a digest is due: daily ones on each day's run after the last one; weekly ones a week (by the job's days)
 * after the last one, or after subscribing — so a weekly digest comes on the weekday the person chose it.
 */
export function digestDue(sub: { frequency: DigestFrequency; lastSentAt: Date | null; createdAt: Date }, now: Date): boolean {
  return dayNumber(now) - dayNumber(sub.lastSentAt ?? sub.createdAt) >= periodDays[sub.frequency];
}

/** When the next digest is due, for the settings page: the first job run on or after the due day. */
export function nextDigestAt(sub: { frequency: DigestFrequency; lastSentAt: Date | null; createdAt: Date }): Date {
  const day = dayNumber(sub.lastSentAt ?? sub.createdAt) + periodDays[sub.frequency];
  return new Date(day * DAY + (PURGE_HOUR_UTC * 60 + PURGE_MINUTE_UTC) * 60_000);
}

/** Where links in mail point when there is no request: AUTH_URL, else this computer. */
export function siteOrigin(): string {
  return env.AUTH_URL ? new URL(env.AUTH_URL).origin : 'http://localhost:3000';
}

const dateText = (date: Date) => date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** The mail, in plain text with every link on its own line. Pure: tested without a database. */
export function renderDigestMail(digest: Digest, options: { siteName: string; origin: string; name: string; frequency: DigestFrequency }): { subject: string; body: string } {
  const origin = options.origin.replace(/\/$/, '');
  const n = digest.items.length;
  const subject = `${options.siteName}: ${n} new ${n === 1 ? 'post' : 'posts'} since you were last here`;
  const intro =
    digest.order === 'for_you'
      ? `Since you were last here (${dateText(digest.since)}), ${n} new ${n === 1 ? 'post' : 'posts'} picked and ordered the way your For you feed is, each with the reason it was chosen.`
      : `Since you were last here (${dateText(digest.since)}), ${n} new ${n === 1 ? 'post' : 'posts'} from the people, groups and topics you follow, newest first: you chose the chronological feed, which uses no personal signals, so nothing here was ranked for you.`;
  const items = digest.items.map((item, i) => {
    const where = item.group ? ` in ${item.group.name}` : '';
    const lines = [`${i + 1}. ${item.excerpt || '(a post with pictures)'}`, `   by ${item.author.name} (@${item.author.handle})${where}`];
    if (item.reasons.length) lines.push(`   Why: ${item.reasons.join(' · ')}`);
    lines.push(`   ${origin}/p/${item.postId}`);
    return lines.join('\n');
  });
  const body = [
    `Hi ${options.name},`,
    intro + (digest.note ? `\n${digest.note}` : ''),
    items.join('\n\n'),
    `Everything else is in your feed:\n${origin}/feed`,
    `You get this ${options.frequency} digest because you asked for it in your settings, where you can also preview the next one:\n${origin}/settings/digest`,
    `Stop these emails: ${origin}/settings/digest`,
  ].join('\n\n');
  return { subject, body };
}

export type DigestRecipient = { userId: string; email: string; name: string; frequency: DigestFrequency; lastSentAt: Date | null; createdAt: Date };

/**
 * Builds and sends one person's digest, claiming it first: 'taken' when another runner moved last_sent_at since it
 * was read, 'nothing_new' when there was nothing to send (last_sent_at moved all the same).
 */
export async function sendDigest(db: Database, person: DigestRecipient, now = new Date()): Promise<'sent' | 'nothing_new' | 'taken'> {
  const since = digestSince({ lastVisit: await lastVisitOf(db, person.userId), lastSentAt: person.lastSentAt, subscribedAt: person.createdAt });
  const digest = await buildDigest(db, person.userId, { since, now });
  const site = await getSiteSettings(db);
  return db.transaction(async (tx) => {
    // Compared to the millisecond, as it was read: only this runner's write of `now` can have changed it.
    const read = person.lastSentAt ? sql`${person.lastSentAt.toISOString()}::timestamptz` : sql`null`;
    const claimed = await tx
      .update(digestSubscriptions)
      .set({ lastSentAt: now })
      .where(and(eq(digestSubscriptions.userId, person.userId), sql`date_trunc('milliseconds', ${digestSubscriptions.lastSentAt}) is not distinct from ${read}`))
      .returning({ userId: digestSubscriptions.userId });
    if (claimed.length === 0) return 'taken';
    if (digest.items.length === 0) return 'nothing_new';
    const mail = renderDigestMail(digest, { siteName: site.name, origin: siteOrigin(), name: person.name, frequency: person.frequency });
    await sendMail(tx, { userId: person.userId, to: person.email, subject: mail.subject, body: mail.body, kind: 'digest' });
    return 'sent';
  });
}

export type DigestRun = { sent: number; nothingNew: number; taken: number; failed: number };

/** Every digest due now: people who asked for one, not suspended, with a confirmed address. One failure stops no one else's. */
export async function sendDueDigests(db: Database, now = new Date()): Promise<DigestRun> {
  const subscribers = await db
    .select({
      userId: digestSubscriptions.userId,
      frequency: digestSubscriptions.frequency,
      lastSentAt: digestSubscriptions.lastSentAt,
      createdAt: digestSubscriptions.createdAt,
      email: users.email,
      name: users.name,
      handle: users.handle,
    })
    .from(digestSubscriptions)
    .innerJoin(users, eq(users.id, digestSubscriptions.userId))
    .where(and(isNull(users.suspendedAt), isNotNull(users.emailVerified)));
  const run: DigestRun = { sent: 0, nothingNew: 0, taken: 0, failed: 0 };
  for (const s of subscribers) {
    if (!digestDue(s, now)) continue;
    try {
      const outcome = await sendDigest(db, { userId: s.userId, email: s.email, name: s.name ?? s.handle, frequency: s.frequency, lastSentAt: s.lastSentAt, createdAt: s.createdAt }, now);
      if (outcome === 'sent') run.sent += 1;
      else if (outcome === 'nothing_new') run.nothingNew += 1;
      else run.taken += 1;
    } catch (error) {
      run.failed += 1;
      log.error({ err: error }, `[digest] the digest for ${s.userId} failed; it is tried again on the next run`);
    }
  }
  return run;
}
