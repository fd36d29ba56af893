// How long each kind of data is kept before the daily purge removes it: the choices, the defaults and the words
// for them. Pure, so the registry, the settings form and the purge agree (retention.ts does the deleting).
import type { RetentionKind } from '@/db/schema';

export const retentionDays = [30, 90, 365] as const;
export type RetentionDays = (typeof retentionDays)[number] | null;

/**
 * Defaults for people who never chose: activity signals and searches 90 days (enough to learn from and go back
 * to, not a long history); notifications and the inferred profile a year (a topic untouched for a year has
 * faded to 1/4096 of its score anyway). Null would mean "until you delete it".
 */
export const retentionDefaults: Record<RetentionKind, RetentionDays> = { signals: 90, search: 90, notifications: 365, profile: 365 };

export const retentionInfo: Record<RetentionKind, { label: string; what: string }> = {
  signals: { label: 'Views and opens', what: 'Posts you looked at or opened; their share of your inferred interests goes with them.' },
  search: { label: 'Search history', what: 'Searches you ran, shown as recent searches.' },
  notifications: { label: 'Notifications', what: 'Notifications you received, read or not.' },
  profile: { label: 'Inferred interests', what: 'Topics Hearth inferred from your activity, reset when nothing has added to them for this long. Your own choices (more, less, hide) stay.' },
};

/** The registry's retention sentence for a kind, from its default. */
export function retentionText(kind: RetentionKind) {
  const days = retentionDefaults[kind];
  return days === null ? 'Until you delete it, unless you choose an automatic deletion' : `Deleted after ${days} days unless you choose otherwise`;
}

/** The daily job runs at 03:15 UTC (lib/jobs.ts DAILY_CRON); the purge is part of it. */
export const PURGE_HOUR_UTC = 3;
export const PURGE_MINUTE_UTC = 15;

/** The next daily run strictly after `now`. */
export function nextPurgeAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), PURGE_HOUR_UTC, PURGE_MINUTE_UTC));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** "in about 5 hours, at 03:15 UTC" */
export function whenText(at: Date, now: Date) {
  const minutes = Math.max(1, Math.round((at.getTime() - now.getTime()) / 60_000));
  const inAbout = minutes < 60 ? `in ${minutes} min` : `in about ${Math.round(minutes / 60)} hour${Math.round(minutes / 60) === 1 ? '' : 's'}`;
  return `${inAbout}, at ${String(PURGE_HOUR_UTC).padStart(2, '0')}:${String(PURGE_MINUTE_UTC).padStart(2, '0')} UTC`;
}

export type PurgeCounts = { views: number; opens: number; searches: number; notifications: number; topics: number };

const nounFor: [keyof PurgeCounts, string, string][] = [
  ['views', 'view', 'views'],
  ['opens', 'open', 'opens'],
  ['searches', 'search', 'searches'],
  ['notifications', 'notification', 'notifications'],
  ['topics', 'inferred topic reset', 'inferred topics reset'],
];

/** "12 views, 3 searches" — or "nothing" */
export function purgeSummary(counts: PurgeCounts) {
  const parts = nounFor.filter(([k]) => counts[k] > 0).map(([k, one, many]) => `${counts[k].toLocaleString('en')} ${counts[k] === 1 ? one : many}`);
  return parts.length ? parts.join(', ') : 'nothing of yours';
}
