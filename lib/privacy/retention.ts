// Retention per kind of data: each person's choices (retentionOf / saveRetention), the daily purge that enforces
// them for everyone (purgeExpired, part of runDailyJobs) and the preview of what the next purge deletes of one person.
// The purge and the preview share one "past its window" condition per kind, so the preview says what will happen.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database, type Executor } from '@/db/client';
import { interestScores, retentionKinds, retentionSettings, type RetentionKind } from '@/db/schema';
import { HALF_LIFE_DAYS, signalWeights } from '@/lib/recommend/weights';
import { nextPurgeAt, retentionDefaults, type PurgeCounts, type RetentionDays } from './retention-policy';

const HALF_LIFE_SECONDS = HALF_LIFE_DAYS * 24 * 3600;
/** The shortest window: rows younger than this are never purged, which lets the purge use the time indexes. */
const SHORTEST = 30;

export type RetentionChoices = Record<RetentionKind, RetentionDays>;

/** The person's choices, defaults where they never chose. */
export async function retentionOf(db: Executor, userId: string): Promise<RetentionChoices> {
  const rows = await db.select({ kind: retentionSettings.kind, days: retentionSettings.days }).from(retentionSettings).where(eq(retentionSettings.userId, userId));
  const out = { ...retentionDefaults };
  for (const r of rows) out[r.kind] = r.days as RetentionDays;
  return out;
}

/** Saves all four choices; call inside a transaction. */
export async function saveRetention(tx: Executor, userId: string, choices: RetentionChoices, now = new Date()) {
  for (const kind of retentionKinds) {
    await tx
      .insert(retentionSettings)
      .values({ userId, kind, days: choices[kind], updatedAt: now })
      .onConflictDoUpdate({ target: [retentionSettings.userId, retentionSettings.kind], set: { days: choices[kind], updatedAt: now } });
  }
}

/** The person's window for a kind, in days, as SQL: their choice, the default without one, 0 for "keep". */
function windowDays(kind: RetentionKind, userColumn: SQL): SQL {
  const fallback = retentionDefaults[kind] ?? 0;
  return sql`coalesce((select coalesce(r.days, 0) from retention_settings r where r.user_id = ${userColumn} and r.kind = ${kind}), ${fallback})`;
}

/** A row of `kind` made at `timeColumn` by `userColumn` is past its window at `at`. */
function expired(kind: RetentionKind, userColumn: SQL, timeColumn: SQL, at: Date): SQL {
  const iso = at.toISOString();
  const days = windowDays(kind, userColumn);
  return sql`(${timeColumn} < ${iso}::timestamptz - interval '${sql.raw(String(SHORTEST))} days' and ${days} > 0 and ${timeColumn} < ${iso}::timestamptz - ${days} * interval '1 day')`;
}

const weightOfKind = sql.raw(`(case kind when 'open' then ${signalWeights.open} else ${signalWeights.view} end)::float8`);

/**
 * Deletes everything past its owner's window at `now`, in one transaction: activity signals (taking their decayed
 * share out of the interest profile, as deleting one by hand does), searches, received notifications, and inferred
 * scores nothing has added to within the window (explicit choices stay). Idempotent; returns what went.
 */
export async function purgeExpired(db: Database, now = new Date()) {
  const iso = now.toISOString();
  return db.transaction(async (tx) => {
    // Set-based forgetEngagement: per person and topic, the summed share of the expired signals, decayed to now,
    // is subtracted from the decayed score (never below zero) and each kind's count drops by the number that went.
    // Where a topic counted fewer signals of a kind than went (its tags changed since), only that fraction of the
    // share comes off — as forgetEngagement, one by one, stops at a count of zero. The stored score keeps its
    // inferred_at (when Hearth last learned about the topic), so it is rescaled to it: same score now, and the
    // profile's own retention still measures from the last real signal.
    const [signals] = rowsOf<{ signals: number; topics: number }>(
      await tx.execute(sql`
        with gone as (
          delete from activity_signals s
          where ${expired('signals', sql`s.user_id`, sql`s.created_at`, now)}
          returning s.user_id, s.post_id, s.kind, s.created_at
        ),
        per_kind as (
          select g.user_id, t.tag, g.kind, count(*)::int as n,
            sum(${weightOfKind} * power(0.5, greatest(0, extract(epoch from (${iso}::timestamptz - g.created_at))) / ${HALF_LIFE_SECONDS})) as share
          from gone g join post_tags t on t.post_id = g.post_id
          group by g.user_id, t.tag, g.kind
        ),
        per_tag as (
          select p.user_id, p.tag,
            sum(p.share * least(1, coalesce((s.signal_counts ->> p.kind)::int, 0)::float8 / p.n)) as share,
            jsonb_object_agg(p.kind, greatest(0, coalesce((s.signal_counts ->> p.kind)::int, 0) - p.n)) as counts
          from per_kind p join interest_scores s on s.user_id = p.user_id and s.tag = p.tag
          -- As forgetEngagement: a topic that counted no signal of the kind is not touched by it.
          where coalesce((s.signal_counts ->> p.kind)::int, 0) > 0
          group by p.user_id, p.tag
        ),
        updated as (
          update interest_scores s set
            inferred = greatest(0, s.inferred - per_tag.share * power(2, greatest(0, extract(epoch from (${iso}::timestamptz - s.inferred_at))) / ${HALF_LIFE_SECONDS})),
            signal_counts = s.signal_counts || per_tag.counts,
            updated_at = ${iso}::timestamptz
          from per_tag
          where s.user_id = per_tag.user_id and s.tag = per_tag.tag
          returning 1
        )
        select (select count(*) from gone)::int as signals, (select count(*) from updated)::int as topics`),
    );
    const searches = rowsOf(await tx.execute(sql`delete from search_history h where ${expired('search', sql`h.user_id`, sql`h.created_at`, now)} returning 1`)).length;
    const notifications = rowsOf(await tx.execute(sql`delete from notifications n where ${expired('notifications', sql`n.user_id`, sql`n.created_at`, now)} returning 1`)).length;
    // Inferred scores gone stale: topics with no choice go; chosen ones keep the choice and lose the inference.
    const stale = and(
      expired('profile', sql`${interestScores.userId}`, sql`${interestScores.inferredAt}`, now),
      sql`(${interestScores.inferred} > 0 or ${interestScores.signalCounts} <> '{}'::jsonb or ${interestScores.choice} is null)`,
    );
    const deletedTopics = await tx.delete(interestScores).where(and(stale, sql`${interestScores.choice} is null`)).returning({ tag: interestScores.tag });
    const resetTopics = await tx
      .update(interestScores)
      .set({ inferred: 0, signalCounts: {}, updatedAt: now })
      .where(and(stale, sql`${interestScores.choice} is not null`))
      .returning({ tag: interestScores.tag });
    return {
      signals: Number(signals?.signals ?? 0),
      topicsAdjusted: Number(signals?.topics ?? 0),
      searches,
      notifications,
      topicsReset: deletedTopics.length + resetTopics.length,
    };
  });
}

/** What the next purge (or the one at `at`) will delete of this person, by the same conditions. */
export async function previewPurge(db: Executor, userId: string, now = new Date()): Promise<{ at: Date; counts: PurgeCounts }> {
  const at = nextPurgeAt(now);
  const [row] = rowsOf<Record<keyof PurgeCounts, number>>(
    await db.execute(sql`
      select
        (select count(*) from activity_signals s where s.user_id = ${userId} and s.kind = 'view' and ${expired('signals', sql`s.user_id`, sql`s.created_at`, at)})::int as views,
        (select count(*) from activity_signals s where s.user_id = ${userId} and s.kind = 'open' and ${expired('signals', sql`s.user_id`, sql`s.created_at`, at)})::int as opens,
        (select count(*) from search_history h where h.user_id = ${userId} and ${expired('search', sql`h.user_id`, sql`h.created_at`, at)})::int as searches,
        (select count(*) from notifications n where n.user_id = ${userId} and ${expired('notifications', sql`n.user_id`, sql`n.created_at`, at)})::int as notifications,
        (select count(*) from interest_scores i where i.user_id = ${userId} and (i.inferred > 0 or i.signal_counts <> '{}'::jsonb or i.choice is null)
           and ${expired('profile', sql`i.user_id`, sql`i.inferred_at`, at)})::int as topics`),
  );
  return {
    at,
    counts: { views: Number(row?.views ?? 0), opens: Number(row?.opens ?? 0), searches: Number(row?.searches ?? 0), notifications: Number(row?.notifications ?? 0), topics: Number(row?.topics ?? 0) },
  };
}
