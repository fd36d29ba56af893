// Gathering For you candidates from the database, each with the sources that proposed it, and the context the
// ranker needs (follows, groups, profile, controls, what was seen). One round trip per step, no N+1.
import { qualified } from '@/lib/sql';
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { activitySignals, feedControls, follows, groupMembers, posts } from '@/db/schema';
import { visiblePosts } from '@/lib/posts/visibility';
import { getInterestProfile, toSignals, type Personalization } from './profile';
import { pgArray, tasteOf, TASTE_NEIGHBOUR_COSINE } from './taste';
import { emptyControls, type Candidate, type CandidateSource, type FeedControlSet, type RankContext } from './rank';

const DAY = 86_400_000;
/** How far back For you looks; older posts are one click away in the Following feed. */
export const CANDIDATE_WINDOW_DAYS = 30;
const PER_SOURCE = 200;
/**
 * The taste source reads the last week only (at a 24 h freshness half-life an older post keeps under 1 % of its
 * score) and proposes more: it is the one source that ranks by the person's own predicted taste.
 */
const TASTE_PER_SOURCE = 300;

/** The person's active feed controls (show less, not interested, mutes), as sets. */
export async function loadControls(db: Executor, userId: string, now: Date): Promise<FeedControlSet> {
  const rows = await db
    .select({ kind: feedControls.kind, target: feedControls.target })
    .from(feedControls)
    .where(and(eq(feedControls.userId, userId), isNull(feedControls.endedAt), or(isNull(feedControls.expiresAt), gt(feedControls.expiresAt, now))));
  const set = emptyControls();
  for (const r of rows) {
    if (r.kind === 'less_author') set.lessAuthors.add(r.target);
    else if (r.kind === 'less_tag') set.lessTags.add(r.target);
    else if (r.kind === 'less_group') set.lessGroups.add(r.target);
    else if (r.kind === 'not_interested') set.notInterested.add(r.target);
    else if (r.kind === 'mute_user') set.mutedUsers.add(r.target);
    else if (r.kind === 'mute_group') set.mutedGroups.add(r.target);
    else if (r.kind === 'mute_word') set.mutedWords.push(r.target);
  }
  return set;
}

export async function loadRankContext(db: Executor, userId: string, personalization: Personalization, now: Date): Promise<RankContext> {
  const [followed, joined, profile, controls, taste] = await Promise.all([
    db.select({ id: follows.followeeId }).from(follows).where(eq(follows.followerId, userId)),
    db.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.userId, userId)),
    getInterestProfile(db, userId, { now, useInferred: personalization.useInferred }),
    loadControls(db, userId, now),
    // The taste vector is inferred from activity: used exactly when inferred interests are (consent, not paused).
    personalization.useInferred ? tasteOf(db, userId) : Promise.resolve(null),
  ]);
  return {
    now,
    followedAuthors: new Set(followed.map((f) => f.id)),
    joinedGroups: new Set(joined.map((g) => g.id)),
    interests: toSignals(profile),
    useInferred: personalization.useInferred,
    controls,
    seen: new Map(),
    taste: taste && taste.norm > 0 ? { factors: taste.factors, norm: taste.norm } : null,
  };
}

type SourceRow = { id: string; src: CandidateSource; co: number | string | null };

/** Post ids proposed by each source. Co-engagement uses the person's reactions, so only when activity may be used. */
async function proposeCandidates(db: Executor, userId: string, context: RankContext, personalization: Personalization): Promise<Map<string, { sources: Set<CandidateSource>; co: number; newcomer: boolean }>> {
  const now = context.now;
  const since = new Date(now.getTime() - CANDIDATE_WINDOW_DAYS * DAY).toISOString();
  const week = new Date(now.getTime() - 7 * DAY).toISOString();
  const fortnight = new Date(now.getTime() - 14 * DAY).toISOString();
  const coSince = new Date(now.getTime() - 90 * DAY).toISOString();
  const positive = [...context.interests.entries()].filter(([, s]) => s.choice !== 'hide' && s.choice !== 'less' && (s.choice || (context.useInferred && s.inferred > 0)));
  const tags = positive.map(([tag]) => tag).slice(0, 50);
  const tagList = tags.length ? sql.join(tags.map((t) => sql`${t}`), sql`, `) : null;
  const quiet = [...personalization.quietGroups];
  const quietFilter = quiet.length ? sql`and (p.group_id is null or p.group_id not in (${sql.join(quiet.map((q) => sql`${q}`), sql`, `)}))` : sql``;
  const useCo = personalization.recordActivity;
  // "People with tastes like yours engaged with this": the week's posts whose factors best match the person's taste.
  const taste = context.taste ? pgArray(context.taste.factors) : null;

  // Each source reads posts through an index that already has them newest first (per followed author, per group,
  // the whole timeline) and stops at its limit, so the work follows the person's own network, not the size of
  // Hearth: see bench/README.md for the plans. `live(p)` is the window every source shares.
  const live = (alias: string) => {
    const p = sql.raw(alias);
    return sql`${p}.removed_at is null and ${p}.author_id <> ${userId} and ${p}.created_at > ${since}::timestamptz`;
  };
  const result = await db.execute(sql`
    with my_groups as (select group_id from group_members where user_id = ${userId})
    (select x.id, 'following' as src, null::int as co from follows f
       cross join lateral (select p.id, p.created_at from posts p where p.author_id = f.followee_id and ${live('p')} order by p.created_at desc limit ${PER_SOURCE}) x
       where f.follower_id = ${userId}
       order by x.created_at desc limit ${PER_SOURCE})
    union all
    (select x.id, 'group', null from my_groups g
       cross join lateral (select p.id, p.created_at from posts p where p.group_id = g.group_id and ${live('p')} order by p.created_at desc limit ${PER_SOURCE}) x
       order by x.created_at desc limit ${PER_SOURCE})
    ${tagList ? sql`union all
    (select b.id, 'interest', null from posts b
       where ${live('b')} and exists (select 1 from post_tags t where t.post_id = b.id and t.tag in (${tagList}))
       order by b.created_at desc limit ${PER_SOURCE})` : sql``}
    ${useCo ? sql`union all
    (select r.post_id, 'co_engagement', count(distinct r.user_id)::int from reactions r join posts b on b.id = r.post_id and ${live('b')}
       where r.user_id in (
         select peer.user_id from reactions mine join reactions peer on peer.post_id = mine.post_id and peer.user_id <> ${userId}
         join posts p on p.id = mine.post_id
         where mine.user_id = ${userId} and mine.created_at > ${coSince}::timestamptz ${quietFilter}
         group by peer.user_id order by count(*) desc limit 50)
       and not exists (select 1 from reactions own where own.post_id = r.post_id and own.user_id = ${userId})
       -- A reaction is never older than its post: this bound only lets the index skip the peers' older reactions.
       and r.created_at > ${since}::timestamptz
       group by r.post_id order by count(distinct r.user_id) desc limit ${PER_SOURCE})` : sql``}
    ${taste ? sql`union all
    (select pf.post_id, 'taste', null from post_factors pf join posts b on b.id = pf.post_id and ${live('b')} and b.created_at > ${week}::timestamptz
       where not exists (select 1 from reactions own where own.post_id = pf.post_id and own.user_id = ${userId})
       order by (select sum(u.x * u.y) from unnest(pf.factors, ${taste}::real[]) as u(x, y)) desc limit ${TASTE_PER_SOURCE})` : sql``}
    union all
    (select r.post_id, 'trending', null from reactions r join posts b on b.id = r.post_id and ${live('b')}
       where b.group_id in (select group_id from my_groups) and r.created_at > ${week}::timestamptz
       group by r.post_id order by count(*) desc limit 100)
    union all
    (select b.id, 'newcomer', null from posts b
       join group_members m on m.group_id = b.group_id and m.user_id = b.author_id and m.joined_at > ${fortnight}::timestamptz
       where ${live('b')} and b.group_id in (select group_id from my_groups)
         and not exists (select 1 from posts older where older.author_id = b.author_id and older.created_at < b.created_at)
       limit 50)
    union all
    (select b.id, 'exploration', null from posts b join groups g on g.id = b.group_id and g.visibility = 'public'
       where ${live('b')} and b.group_id not in (select group_id from my_groups)
       ${tagList ? sql`and not exists (select 1 from post_tags t where t.post_id = b.id and t.tag in (${tagList}))` : sql``}
       order by b.reaction_count desc, b.created_at desc limit 60)
    union all
    (select b.id, 'recent', null from posts b where ${live('b')} order by b.created_at desc limit 100)
  `);
  const proposed = new Map<string, { sources: Set<CandidateSource>; co: number; newcomer: boolean }>();
  for (const row of rowsOf<SourceRow>(result)) {
    const entry = proposed.get(row.id) ?? { sources: new Set<CandidateSource>(), co: 0, newcomer: false };
    entry.sources.add(row.src);
    if (row.src === 'co_engagement') entry.co = Number(row.co ?? 0);
    if (row.src === 'newcomer') entry.newcomer = true;
    proposed.set(row.id, entry);
  }
  return proposed;
}

type FeatureRow = {
  id: string;
  authorId: string;
  authorName: string | null;
  authorHandle: string;
  groupId: string | null;
  groupName: string | null;
  groupSlug: string | null;
  body: string;
  createdAt: Date | string;
  tags: string[] | string | null;
  reactions: number | string;
  comments: number | string;
  weekReactions: number | string;
  likedBy: string[] | string | null;
  collaborative: number | string | null;
  tasteNeighbours: number | string;
};

const parse = <T,>(v: unknown, fallback: T): T => (v === null || v === undefined ? fallback : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** Candidates with everything the ranker reads, for posts the viewer may see. */
export async function gatherCandidates(db: Executor, userId: string, context: RankContext, personalization: Personalization): Promise<Candidate[]> {
  const proposed = await proposeCandidates(db, userId, context, personalization);
  if (proposed.size === 0) return [];
  const ids = [...proposed.keys()];
  const week = new Date(context.now.getTime() - 7 * DAY).toISOString();
  // Qualified: drizzle writes ${posts.id} as a bare "id", which inside a subquery over comments or users means
  // *their* id (comment counts were 0 and "liked by people you follow" empty, after scanning every comment).
  const postId = sql.raw('"posts"."id"');
  const taste = context.taste ? pgArray(context.taste.factors) : null;
  const rows = (await db
    .select({
      id: posts.id,
      authorId: posts.authorId,
      authorName: sql<string | null>`(select u.name from users u where u.id = ${qualified(posts.authorId)})`,
      authorHandle: sql<string>`(select u.handle from users u where u.id = ${qualified(posts.authorId)})`,
      groupId: posts.groupId,
      groupName: sql<string | null>`(select g.name from groups g where g.id = ${qualified(posts.groupId)})`,
      groupSlug: sql<string | null>`(select g.slug from groups g where g.id = ${qualified(posts.groupId)})`,
      body: posts.body,
      createdAt: posts.createdAt,
      tags: sql`(select json_agg(t.tag order by t.tag) from post_tags t where t.post_id = ${qualified(posts.id)})`,
      reactions: posts.reactionCount, // kept equal to count(*) of its reactions by triggers (migration 0007)
      comments: posts.commentCount, // kept equal to its comments not removed by triggers (migration 0011)
      weekReactions: sql`(select count(*)::int from reactions r where r.post_id = ${qualified(posts.id)} and r.created_at > ${week}::timestamptz)`,
      collaborative: taste
        ? sql<number | string | null>`(select sum(u.x * u.y) from post_factors pf, unnest(pf.factors, ${taste}::real[]) as u(x, y) where pf.post_id = ${postId})`
        : sql<null>`null`,
      // People whose taste is close to the viewer's (cosine ≥ TASTE_NEIGHBOUR_COSINE) who reacted or commented.
      tasteNeighbours: taste
        ? sql<number | string>`(select count(*)::int from (
            select r.user_id from reactions r where r.post_id = ${postId} and r.user_id <> ${userId}
            union select c.author_id from comments c where c.post_id = ${postId} and c.removed_at is null and c.author_id <> ${userId}) e
          join taste_vectors tv on tv.user_id = e.user_id
          where (select sum(u.x * u.y) from unnest(tv.factors, ${taste}::real[]) as u(x, y)) >= ${TASTE_NEIGHBOUR_COSINE} * tv.norm * ${context.taste!.norm})`
        : sql<number>`0`,
      likedBy: sql`(select json_agg(x.name) from (
        select coalesce(u.name, u.handle) as name from reactions r join users u on u.id = r.user_id
        where r.post_id = ${postId} and r.user_id in (select followee_id from follows where follower_id = ${userId})
        group by u.id, u.name, u.handle order by max(r.created_at) desc limit 5) x)`,
    })
    .from(posts)
    .where(and(inArray(posts.id, ids), visiblePosts(userId), isNull(posts.removedAt)))) as FeatureRow[];
  return rows.map((r) => {
    const p = proposed.get(r.id)!;
    return {
      postId: r.id,
      authorId: r.authorId,
      authorName: r.authorName ?? r.authorHandle,
      authorHandle: r.authorHandle,
      groupId: r.groupId,
      groupName: r.groupName,
      groupSlug: r.groupSlug,
      tags: parse<string[]>(r.tags, []),
      body: r.body,
      createdAt: new Date(r.createdAt),
      sources: [...p.sources],
      reactions: Number(r.reactions),
      comments: Number(r.comments),
      weekReactions: Number(r.weekReactions),
      likedByFollowed: parse<string[]>(r.likedBy, []),
      coEngagers: p.co,
      newcomer: p.newcomer,
      ...(r.collaborative === null ? {} : { collaborative: Math.max(0, Math.min(1, Number(r.collaborative))), tasteNeighbours: Number(r.tasteNeighbours) }),
    };
  });
}

/** How often the person has seen or opened each of these posts (for seen-suppression). */
export async function loadSeen(db: Executor, userId: string, postIds: string[]): Promise<RankContext['seen']> {
  const seen: RankContext['seen'] = new Map();
  if (postIds.length === 0) return seen;
  const rows = await db
    .select({ postId: activitySignals.postId, views: sql<number>`count(*) filter (where ${activitySignals.kind} = 'view')::int`, opens: sql<number>`count(*) filter (where ${activitySignals.kind} = 'open')::int` })
    .from(activitySignals)
    .where(and(eq(activitySignals.userId, userId), inArray(activitySignals.postId, postIds)))
    .groupBy(activitySignals.postId);
  for (const r of rows) seen.set(r.postId, { views: Number(r.views), opened: Number(r.opens) > 0 });
  return seen;
}
