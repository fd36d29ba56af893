// The learned taste model in the database: trained by the daily job from the engagements Hearth stores (reactions,
// comments, bookmarks, views and opens as confidence) of the people who allow activity-based personalization and
// inferred interests, with paused history and "don't let my activity here shape my feed" groups left out exactly as
// the interest profile leaves them out (profile.ts). A new post gets factors between trainings from its early engagers' taste vectors
// (fold-in), inside the transaction that records each engagement: the sums it solves from are added with one upsert,
// whose row lock orders concurrent engagements, so every instance writes the same numbers (PostgreSQL is the truth).
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { postFactors, tasteModels, tasteVectors } from '@/db/schema';
import { foldInShare, foldInSolve, gramOf, trainAls, type AlsOptions } from './als';
import type { Personalization } from './profile';
import { signalWeights, type EngagementKind } from './weights';

const DAY = 86_400_000;

/** The production model's settings (the values the quality bench's ALS peer most often chose on validation). */
export const tasteOptions: AlsOptions & { horizonDays: number } = { factors: 24, regularization: 0.1, alpha: 2, iterations: 6, horizonDays: 30 };

/** People whose taste vectors are at least this close (cosine) count as "people who like what you like". */
export const TASTE_NEIGHBOUR_COSINE = 0.5;

const MODEL_ID = 'current';

/** A real[] parameter as PostgreSQL's array text (the same on postgres.js and PGlite). */
export const pgArray = (xs: ArrayLike<number>) => `{${Array.from(xs, (x) => (Number.isFinite(x) ? x : 0)).join(',')}}`;
const toNumbers = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : typeof v === 'string' ? v.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number) : []);

/** Any fixed number: the transaction-level advisory lock one training holds while it replaces the stored model. */
const trainingLock = 7_340_190_227;

export type TrainedTaste = { people: number; posts: number; engagements: number; trainedAt: Date };

/**
 * Trains the taste model from scratch and replaces the stored one in one transaction: taste vectors of the people
 * trained (everyone else's is deleted), daily factors of every post engaged with in the last `horizonDays`, and the
 * model row (XᵀX for fold-in). Idempotent: the same database and `now` give the same numbers.
 */
export async function trainTasteModel(db: Executor, now = new Date(), options = tasteOptions): Promise<TrainedTaste> {
  const nowIso = now.toISOString();
  const since = new Date(now.getTime() - options.horizonDays * DAY).toISOString();
  const w = signalWeights;
  // Who may be learned from: yes to personalization from activity and to inferred interests (a taste vector is an
  // inferred interest; consent is off until yes), history not paused.
  // Their engagements with live posts of the horizon, not their own, not in a group they keep quiet.
  const rows = rowsOf<{ user_id: string; post_id: string; value: number | string }>(
    await db.execute(sql`
      with eligible as (
        select c.user_id from consents c
        where c.kind = 'personalize_activity' and c.granted
          and exists (select 1 from consents i where i.user_id = c.user_id and i.kind = 'inferred_interests' and i.granted)
          and not exists (select 1 from feed_preferences fp where fp.user_id = c.user_id and fp.history_paused)
      ),
      engagement as (
        select r.user_id, r.post_id, ${w.reaction}::float8 as value from reactions r where r.created_at <= ${nowIso}::timestamptz
        union all select c.author_id, c.post_id, ${w.comment}::float8 from comments c where c.removed_at is null and c.created_at <= ${nowIso}::timestamptz
        union all select b.user_id, b.post_id, ${w.bookmark}::float8 from bookmarks b where b.created_at <= ${nowIso}::timestamptz
        union all select s.user_id, s.post_id, case s.kind when 'open' then ${w.open}::float8 else ${w.view}::float8 end from activity_signals s where s.created_at <= ${nowIso}::timestamptz
      )
      select e.user_id, e.post_id, sum(e.value) as value
      from engagement e
      join eligible el on el.user_id = e.user_id
      join posts p on p.id = e.post_id and p.removed_at is null and p.author_id <> e.user_id
        and p.created_at > ${since}::timestamptz and p.created_at <= ${nowIso}::timestamptz
      where not exists (
        select 1 from feed_controls fc where fc.user_id = e.user_id and fc.kind = 'quiet_group' and fc.target = p.group_id
          and fc.ended_at is null and (fc.expires_at is null or fc.expires_at > ${nowIso}::timestamptz))
      group by e.user_id, e.post_id
      order by e.user_id, e.post_id`),
  );
  const userIndex = new Map<string, number>();
  const postIndex = new Map<string, number>();
  const engagementsOf: number[] = [];
  const interactions = rows.map((r) => {
    let user = userIndex.get(r.user_id);
    if (user === undefined) userIndex.set(r.user_id, (user = userIndex.size));
    let item = postIndex.get(r.post_id);
    if (item === undefined) postIndex.set(r.post_id, (item = postIndex.size));
    engagementsOf[user] = (engagementsOf[user] ?? 0) + 1;
    return { user, item, value: Number(r.value) };
  });
  const f = trainAls(userIndex.size, postIndex.size, interactions, options);
  const k = options.factors;
  const vector = (m: Float64Array, i: number) => Array.from(m.subarray(i * k, (i + 1) * k));
  const people = [...userIndex].map(([userId, i]) => {
    const factors = vector(f.X, i);
    return { userId, factors, norm: Math.hypot(...factors), engagements: engagementsOf[i]!, trainedAt: now };
  });
  const postRows = [...postIndex].map(([postId, i]) => ({ postId, factors: vector(f.Y, i), source: 'daily' as const, engagements: 0, updatedAt: now }));
  const gram = Array.from(gramOf(f.X, k));
  await db.transaction(async (tx) => {
    // One training writes at a time (a run by hand beside the daily one waits, then replaces it whole).
    await tx.execute(sql`select pg_advisory_xact_lock(${trainingLock})`);
    await tx.delete(tasteVectors);
    await tx.delete(postFactors);
    for (let i = 0; i < people.length; i += 500) await tx.insert(tasteVectors).values(people.slice(i, i + 500));
    for (let i = 0; i < postRows.length; i += 500) await tx.insert(postFactors).values(postRows.slice(i, i + 500));
    // Someone who said no, or paused their history, while the model trained keeps no vector from it.
    await tx.execute(sql`
      delete from taste_vectors tv
      where not exists (select 1 from consents c where c.user_id = tv.user_id and c.kind = 'personalize_activity' and c.granted)
        or not exists (select 1 from consents i where i.user_id = tv.user_id and i.kind = 'inferred_interests' and i.granted)
        or exists (select 1 from feed_preferences fp where fp.user_id = tv.user_id and fp.history_paused)`);
    const model = { trainedAt: now, factors: k, regularization: options.regularization, alpha: options.alpha, gram, people: people.length, posts: postRows.length, engagements: rows.length };
    await tx.insert(tasteModels).values({ id: MODEL_ID, ...model }).onConflictDoUpdate({ target: tasteModels.id, set: model });
  });
  return { people: people.length, posts: postRows.length, engagements: rows.length, trainedAt: now };
}

/**
 * Folds one engagement into a post that the daily training has not covered: the engager's taste vector adds its
 * share to the post's sums and the post's factors are solved again. Call inside the transaction that records the
 * engagement, after personalization allowed it to teach (learnFromEngagement): nothing happens without a trained
 * model, for an engager without a taste vector, for the author, in a group the engager keeps quiet, or for a post the
 * daily job trained (it waits for the next training). An engagement deleted later stays in a folded-in post's sums
 * until the next training rebuilds everything from what is still stored (the sums mix many people and name none).
 * Returns whether the post's factors changed.
 */
export async function foldInEngagement(tx: Executor, userId: string, postId: string, kind: EngagementKind, personalization: Personalization, now = new Date()): Promise<boolean> {
  if (kind === 'post' || !personalization.useInferred) return false;
  const [row] = rowsOf<{ factors: unknown; gram: unknown; regularization: number; alpha: number; k: number; source: string | null; group_id: string | null; author_id: string }>(
    await tx.execute(sql`
      select tv.factors, m.gram, m.regularization, m.alpha, m.factors as k, p.group_id, p.author_id,
        (select pf.source from post_factors pf where pf.post_id = p.id) as source
      from taste_vectors tv cross join taste_models m cross join posts p
      where tv.user_id = ${userId} and m.id = ${MODEL_ID} and p.id = ${postId} and p.removed_at is null`),
  );
  if (!row || row.source === 'daily' || row.author_id === userId) return false;
  if (row.group_id && personalization.quietGroups.has(row.group_id)) return false;
  const k = Number(row.k);
  const x = toNumbers(row.factors);
  if (x.length !== k) return false;
  // Each engagement adds its confidence share; a pair engaged with in several ways counts its preference once per way
  // (the daily training sums them into one pair) — close enough for the hours until then.
  const share = foldInShare(x, signalWeights[kind], Number(row.alpha), true);
  const [sums] = rowsOf<{ a: unknown; b: unknown }>(
    await tx.execute(sql`
      insert into post_factors (post_id, factors, source, a, b, engagements, updated_at)
      values (${postId}, ${pgArray(new Float64Array(k))}::real[], 'fold_in', ${pgArray(share.a)}::real[], ${pgArray(share.b)}::real[], 1, ${now.toISOString()}::timestamptz)
      on conflict (post_id) do update set
        a = (select array_agg(u.x + u.y order by u.i) from unnest(post_factors.a, excluded.a) with ordinality as u(x, y, i)),
        b = (select array_agg(u.x + u.y order by u.i) from unnest(post_factors.b, excluded.b) with ordinality as u(x, y, i)),
        engagements = post_factors.engagements + 1,
        updated_at = excluded.updated_at
        where post_factors.source = 'fold_in'
      returning a, b`),
  );
  if (!sums) return false;
  const y = foldInSolve(toNumbers(row.gram), Number(row.regularization), toNumbers(sums.a), toNumbers(sums.b), k);
  await tx.update(postFactors).set({ factors: Array.from(y) }).where(eq(postFactors.postId, postId));
  return true;
}

export type Taste = { factors: number[]; norm: number; engagements: number; trainedAt: Date };

/** The person's taste vector, if the daily job learned one. */
export async function tasteOf(db: Executor, userId: string): Promise<Taste | null> {
  const [row] = await db.select().from(tasteVectors).where(eq(tasteVectors.userId, userId)).limit(1);
  return row ? { factors: row.factors.map(Number), norm: Number(row.norm), engagements: row.engagements, trainedAt: new Date(row.trainedAt) } : null;
}

/** Deletes the person's taste vector (reset, consent withdrawn, "delete what Hearth learned"). Returns whether one went. */
export async function forgetTaste(tx: Executor, userId: string): Promise<boolean> {
  return (await tx.delete(tasteVectors).where(eq(tasteVectors.userId, userId)).returning({ userId: tasteVectors.userId })).length > 0;
}

/** The taste vector in words a person understands (the privacy pages and the export). */
export function tasteText(taste: Pick<Taste, 'engagements' | 'trainedAt'>): string {
  const day = taste.trainedAt.toISOString().slice(0, 10);
  return `Hearth has learned your tastes from ${taste.engagements.toLocaleString('en')} ${taste.engagements === 1 ? 'post you engaged with' : 'posts you engaged with'}, trained ${day}.`;
}
