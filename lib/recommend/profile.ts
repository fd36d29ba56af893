// The interest profile in the database: learning from engagement (incrementally, with decay), forgetting a
// deleted signal's share, reading the profile for the ranker and the privacy dashboard, and what a person allows.
import { eq, sql } from 'drizzle-orm';
import { db as appDb, rowsOf, type Executor } from '@/db/client';
import { interestScores, tagFollows, type FeedMode } from '@/db/schema';
import { effectiveConsents } from '@/lib/privacy/consent';
import { foldInEngagement } from './taste';
import { contribution, decayed, HALF_LIFE_DAYS, interestWeight, signalWeights, strongestInferred, type EngagementKind, type InterestChoice, type InterestSignal } from './weights';

const HALF_LIFE_SECONDS = HALF_LIFE_DAYS * 24 * 3600;

/** What Hearth may do with this person's activity right now. */
export type Personalization = {
  mode: FeedMode;
  historyPaused: boolean;
  onboarded: boolean;
  /** Implicit signals may be recorded and engagement may teach the profile. */
  recordActivity: boolean;
  /** Inferred scores may be used for ranking. */
  useInferred: boolean;
  /** Groups where the person's activity must not shape their feed. */
  quietGroups: Set<string>;
};

type PersonalizationRow = { mode: FeedMode | null; history_paused: boolean | null; onboarded: boolean | null; consents: { kind: string; granted: boolean }[] | null; suggest_me: boolean | null; quiet: string[] | null };

/**
 * The statement personalizationOf sends (its columns are those of PersonalizationRow), for a page that reads more in
 * the same statement (the For you page reads its stored list with it: lib/recommend/feed.ts).
 */
export function personalizationQuery(userId: string, now = new Date()) {
  return sql`
      select p.mode, p.history_paused, p.onboarded_at is not null as onboarded,
        (select json_agg(json_build_object('kind', c.kind, 'granted', c.granted)) from consents c where c.user_id = ${userId}) as consents,
        (select pr.suggest_me from profiles pr where pr.user_id = ${userId}) as suggest_me,
        (select json_agg(fc.target) from feed_controls fc where fc.user_id = ${userId} and fc.kind = 'quiet_group' and fc.ended_at is null
          and (fc.expires_at is null or fc.expires_at > ${now.toISOString()}::timestamptz)) as quiet
      from (select 1) as one left join feed_preferences p on p.user_id = ${userId}`;
}

/** A row of personalizationQuery, or none, as a Personalization. */
export function personalizationFrom(row: PersonalizationRow | undefined): Personalization {
  const consents = effectiveConsents(row?.consents ?? [], row?.suggest_me ?? undefined);
  const historyPaused = row?.history_paused ?? false;
  const recordActivity = consents.personalize_activity && !historyPaused;
  return {
    mode: row?.mode ?? 'foryou',
    historyPaused,
    onboarded: Boolean(row?.onboarded),
    recordActivity,
    useInferred: recordActivity && consents.inferred_interests,
    quietGroups: new Set(row?.quiet ?? []),
  };
}

export async function personalizationOf(db: Executor, userId: string, now = new Date()): Promise<Personalization> {
  // One statement (every page with a feed reads this): the preferences row, the consents, the profile's "suggest
  // me" switch and the groups kept quiet.
  const [row] = rowsOf<PersonalizationRow>(await db.execute(personalizationQuery(userId, now)));
  return personalizationFrom(row);
}

/**
 * Teaches the profile from one engagement with a post: every topic of the post gains the signal's weight on top
 * of its decayed score, and a post the taste model has not trained yet folds the engagement in (taste.ts). Call
 * inside the transaction that records the engagement. Does nothing without consent,
 * while history is paused, or for a group the person keeps quiet. Returns whether the profile changed.
 */
export async function learnFromEngagement(tx: Executor, userId: string, postId: string, kind: EngagementKind, now = new Date(), allowed?: Personalization): Promise<boolean> {
  const personalization = allowed ?? (await personalizationOf(tx, userId, now));
  if (!personalization.recordActivity) return false;
  const weight = signalWeights[kind];
  const nowIso = now.toISOString();
  const quiet = [...personalization.quietGroups];
  const notQuiet = quiet.length ? sql`and (p.group_id is null or p.group_id not in (${sql.join(quiet.map((q) => sql`${q}`), sql`, `)}))` : sql``;
  const result = await tx.execute(sql`
    insert into interest_scores (user_id, tag, inferred, inferred_at, signal_counts, updated_at)
    select ${userId}, t.tag, ${weight}, ${nowIso}::timestamptz, jsonb_build_object(${kind}::text, 1), ${nowIso}::timestamptz
    from post_tags t join posts p on p.id = t.post_id
    where t.post_id = ${postId} ${notQuiet}
    on conflict (user_id, tag) do update set
      inferred = interest_scores.inferred * power(0.5, greatest(0, extract(epoch from (excluded.inferred_at - interest_scores.inferred_at))) / ${HALF_LIFE_SECONDS}) + excluded.inferred,
      inferred_at = excluded.inferred_at,
      signal_counts = interest_scores.signal_counts || jsonb_build_object(${kind}::text, coalesce((interest_scores.signal_counts ->> ${kind}::text)::int, 0) + 1),
      updated_at = excluded.updated_at
    returning tag`);
  // The taste model learns from the same engagement, under the same rules (a new post's factors, folded in).
  await foldInEngagement(tx, userId, postId, kind, personalization, now);
  return rowsOf(result).length > 0;
}

/**
 * Removes one deleted signal's share from the profile: its weight, decayed from when it was made, comes off every
 * topic of the post (never below zero), and the count of that kind drops by one. Only topics that counted a signal
 * of that kind are touched, so deleting something that never taught the profile changes nothing.
 */
export async function forgetEngagement(tx: Executor, userId: string, postId: string, kind: EngagementKind, signalAt: Date, now = new Date()): Promise<void> {
  const share = contribution(kind, signalAt, now);
  const nowIso = now.toISOString();
  await tx.execute(sql`
    update interest_scores s set
      inferred = greatest(0, s.inferred * power(0.5, greatest(0, extract(epoch from (${nowIso}::timestamptz - s.inferred_at))) / ${HALF_LIFE_SECONDS}) - ${share}),
      inferred_at = ${nowIso}::timestamptz,
      signal_counts = s.signal_counts || jsonb_build_object(${kind}::text, greatest(0, coalesce((s.signal_counts ->> ${kind}::text)::int, 0) - 1)),
      updated_at = ${nowIso}::timestamptz
    where s.user_id = ${userId}
      and coalesce((s.signal_counts ->> ${kind}::text)::int, 0) > 0
      and s.tag in (select t.tag from post_tags t where t.post_id = ${postId})`);
}

export type ProfileInterest = {
  tag: string;
  choice: InterestChoice | null;
  /** The inferred score as it stands now (decayed). */
  inferred: number;
  /** What the ranker uses: choice weight plus inferred strength (when allowed). */
  weight: number;
  signalCounts: Record<string, number>;
  updatedAt: Date | null;
};

/** The whole profile, followed tags included, strongest first. */
export async function getInterestProfile(db: Executor, userId: string, options: { now?: Date; useInferred?: boolean } = {}): Promise<ProfileInterest[]> {
  const now = options.now ?? new Date();
  const [scores, followed] = await Promise.all([
    db.select().from(interestScores).where(eq(interestScores.userId, userId)),
    db.select({ tag: tagFollows.tag, createdAt: tagFollows.createdAt }).from(tagFollows).where(eq(tagFollows.userId, userId)),
  ]);
  const byTag = new Map<string, ProfileInterest>();
  const followedTags = new Set(followed.map((f) => f.tag));
  for (const s of scores) {
    const choice: InterestChoice | null = s.choice ?? (followedTags.has(s.tag) ? 'follow' : null);
    byTag.set(s.tag, { tag: s.tag, choice, inferred: decayed(s.inferred, new Date(s.inferredAt), now), weight: 0, signalCounts: s.signalCounts ?? {}, updatedAt: new Date(s.updatedAt) });
  }
  for (const f of followed) {
    if (!byTag.has(f.tag)) byTag.set(f.tag, { tag: f.tag, choice: 'follow', inferred: 0, weight: 0, signalCounts: {}, updatedAt: new Date(f.createdAt) });
  }
  const useInferred = options.useInferred ?? true;
  const strongest = strongestInferred(byTag.values());
  const list = [...byTag.values()].map((i) => ({ ...i, weight: interestWeight({ choice: i.choice, inferred: i.inferred }, useInferred, strongest) }));
  return list.sort((a, b) => b.weight - a.weight || b.inferred - a.inferred || a.tag.localeCompare(b.tag));
}

export function toSignals(profile: ProfileInterest[]): Map<string, InterestSignal> {
  return new Map(profile.map((p) => [p.tag, { choice: p.choice, inferred: p.inferred }]));
}

/** The person's personalization choices, on the app's database (for pages, which do not import db/). */
export function personalizationFor(userId: string, now = new Date()) {
  return personalizationOf(appDb, userId, now);
}
