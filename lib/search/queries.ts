import 'server-only';
// Search over posts, groups, people and interests — the same SQL on PGlite and on a PostgreSQL server. Posts match
// by full text (English stemming, the posts_body_fts_idx expression); groups, people and interests by trigrams
// (pg_trgm, each on its own index's exact expression) with LIKE for substrings. Every query applies who may see
// what, and ranks with the viewer's interests: followed tags and "more" lift a post, "less" lowers it, "hide" drops it.
import { and, desc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { feedPreferences, groups, interests, posts, searchHistory, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { blockedEitherWay } from '@/lib/blocks/rule';
import { getPostsByIds, type PostCard } from '@/lib/posts/queries';
import { normalizeTags } from '@/lib/posts/schemas';
import { visiblePosts } from '@/lib/posts/visibility';
import { deletedMemberId } from '@/lib/privacy/registry';
import { qualified } from '@/lib/sql';
import { HALF_LIFE_DAYS } from '@/lib/recommend/weights';
import { containsPattern, parseQuery, prefixPattern, prefixTsQuery, type ParsedQuery } from './text';

export type GroupHit = {
  id: string;
  slug: string;
  name: string;
  topic: string;
  description: string;
  visibility: 'public' | 'request' | 'invite';
  accentColor: string;
  iconMediaId: string | null;
  memberCount: number;
  isMember: boolean;
};
export type PersonHit = { id: string; handle: string; name: string; image: string | null; following: boolean };
export type InterestHit = { slug: string; label: string; following: boolean; choice: 'more' | 'less' | 'hide' | null };
/** 'text': the words were found; 'similar': none were, so these are posts about interests whose names are close. */
export type PostMatch = 'text' | 'similar';
export type PostResults = { items: PostCard[]; matchedBy: PostMatch | null; nextOffset?: number };
export type SearchResults = { query: ParsedQuery | null; posts: PostResults; groups: GroupHit[]; people: PersonHit[]; interests: InterestHit[] };

// The indexed expressions, written exactly as in the schema so the planner can use the indexes.
const postDocument = sql`to_tsvector('english', ${posts.body})`;
const personText = sql`lower(coalesce(${users.name}, '') || ' ' || ${users.handle})`;
const groupText = sql`lower(${groups.name} || ' ' || ${groups.topic})`;
const interestText = sql`lower(${interests.slug} || ' ' || ${interests.label})`;

/** Trigram or substring match on an indexed expression (three characters or more). */
function fuzzy(expr: SQL, term: string): SQL {
  return sql`(${expr} like ${containsPattern(term)} or ${term} <% ${expr})`;
}

/** How well a term matches: trigram word similarity, lifted when a word starts with it. */
function closeness(expr: SQL, term: string): SQL {
  const prefix = prefixPattern(term);
  return sql`(word_similarity(${term}, ${expr}) + case when ${expr} like ${prefix} then 0.6 when ${expr} like ${'% ' + prefix} then 0.3 else 0 end)`;
}

/** Whether a word of `expr` starts with the term (for one- and two-character queries). */
function wordPrefix(expr: SQL, term: string): SQL {
  const prefix = prefixPattern(term);
  return sql`(${expr} like ${prefix} or ${expr} like ${'% ' + prefix} or ${expr} like ${'%-' + prefix})`;
}

const paused = (viewerId: string) => sql`coalesce((select fp.history_paused from ${feedPreferences} fp where fp.user_id = ${viewerId}), false)`;

/**
 * How much a post's tags say the viewer cares, 0 to about 2: following the tag counts 1, "more" 0.6, and a positive
 * inferred score up to 0.4 (not while history is paused). The best tag counts, so stacking tags earns nothing.
 */
/** The inferred score as it stands now: it halves every HALF_LIFE_DAYS without new signals (lib/recommend/weights.ts). */
const decayedScore = sql`(s.inferred * power(0.5, greatest(0, extract(epoch from (now() - s.inferred_at))) / ${HALF_LIFE_DAYS * 86_400}))`;

function postAffinity(viewerId: string): SQL {
  return sql`coalesce((
    select max(
      case when exists (select 1 from tag_follows f where f.user_id = ${viewerId} and f.tag = pt.tag) then 1 else 0 end
      + case when s.choice = 'more' then 0.6 else 0 end
      + case when s.inferred > 0 and not ${paused(viewerId)} then 0.4 * ${decayedScore} / (1 + ${decayedScore}) else 0 end)
    from post_tags pt left join interest_scores s on s.user_id = ${viewerId} and s.tag = pt.tag
    where pt.post_id = ${posts.id}), 0)`;
}

function postHasChoice(viewerId: string, choice: 'less' | 'hide'): SQL {
  return sql`exists (select 1 from post_tags pt join interest_scores s on s.tag = pt.tag and s.user_id = ${viewerId} and s.choice = ${choice} where pt.post_id = ${posts.id})`;
}

/**
 * Which posts search may show. Signed in: what the rest of Hearth shows (visiblePosts, which also keeps the posts
 * on a profile to those who may see them), never removed posts, nor posts with a topic the viewer hid or by people
 * they muted. Signed out: only posts made on profiles (visiblePosts: those open to everyone that show their posts).
 */
function searchablePosts(viewerId: string | null): SQL {
  if (!viewerId) return and(visiblePosts(null), isNull(posts.groupId))!;
  return and(
    visiblePosts(viewerId),
    isNull(posts.removedAt),
    sql`not ${postHasChoice(viewerId, 'hide')}`,
    sql`not exists (select 1 from feed_controls c where c.user_id = ${viewerId} and c.kind = 'mute_user' and c.target = ${posts.authorId}
                    and c.ended_at is null and (c.expires_at is null or c.expires_at > now()))`,
  )!;
}

type PostMatcher = { where: SQL; rank: SQL };

/** The tag a query names ("Night photography" → night-photography), when it could name one: words only, no symbols. */
function asTag(term: string): string | null {
  if (/[^\p{L}\p{N}\s-]/u.test(term)) return null;
  return normalizeTags(term)[0] ?? null;
}

/**
 * Full text for a query of words: websearch syntax ("quoted phrases", -not, or); in type-ahead the last word may be
 * a prefix. Posts tagged with the words as a tag match too ("ceramics" finds #ceramics posts that never say it).
 * The two are a union of ids, so each side keeps its own index.
 */
function textMatcher(q: ParsedQuery, prefix: boolean): PostMatcher | null {
  if (q.short) return null;
  const web = sql`websearch_to_tsquery('english', ${q.term})`;
  const partial = prefix ? prefixTsQuery(q.term) : null;
  const query = partial ? sql`(${web} || to_tsquery('english', ${partial}))` : web;
  const tag = asTag(q.term) ?? '';
  const tagged = sql`exists (select 1 from post_tags t where t.post_id = ${posts.id} and t.tag = ${tag})`;
  return {
    where: sql`${posts.id} in (select p2.id from posts p2 where to_tsvector('english', p2.body) @@ ${query}
                               union all select t.post_id from post_tags t where t.tag = ${tag})`,
    rank: sql`(ts_rank(${postDocument}, ${query}, 32) + case when ${tagged} then 0.3 else 0 end)`,
  };
}

/** Posts tagged with a tag that starts with the term: what a short query or a #tag query finds. */
function tagPrefixMatcher(q: ParsedQuery): PostMatcher | null {
  const tag = asTag(q.term);
  if (!tag) return null;
  const where = sql`exists (select 1 from post_tags t where t.post_id = ${posts.id} and t.tag like ${prefixPattern(tag)})`;
  return { where, rank: sql`case when exists (select 1 from post_tags t where t.post_id = ${posts.id} and t.tag = ${tag}) then 1 else 0.5 end` };
}

/** The trigram fallback when no post has the words: posts tagged with interests whose names are close (a typo, a variant). */
function similarTagMatcher(q: ParsedQuery): PostMatcher {
  const close = sql`select ${interests.slug} from ${interests} where ${fuzzy(interestText, q.term)}`;
  return {
    where: sql`exists (select 1 from post_tags t where t.post_id = ${posts.id} and t.tag in (${close}))`,
    rank: sql`(select max(word_similarity(${q.term}, ${interestText})) from post_tags t join ${interests} on ${interests.slug} = t.tag where t.post_id = ${posts.id})`,
  };
}

async function rankedPostIds(viewer: Viewer | null, matcher: PostMatcher, limit: number, offset: number) {
  const viewerId = viewer?.id ?? null;
  const score = viewerId
    ? sql`${matcher.rank} * (1 + 0.5 * least(${postAffinity(viewerId)}, 2)) * (case when ${postHasChoice(viewerId, 'less')} then 0.4 else 1 end)`
    : matcher.rank;
  const rows = await db
    .select({ id: posts.id, score: sql<number>`${score}`.as('score') })
    .from(posts)
    .where(and(searchablePosts(viewerId), matcher.where))
    .orderBy(sql`score desc`, desc(posts.createdAt), desc(posts.id))
    .limit(limit + 1)
    .offset(offset);
  return rows.map((r) => r.id);
}

async function findPosts(viewer: Viewer | null, q: ParsedQuery, options: { limit: number; offset?: number; prefix?: boolean }): Promise<PostResults> {
  const offset = options.offset ?? 0;
  if (q.sigil === '@') return { items: [], matchedBy: null };
  const attempts: [PostMatch, PostMatcher | null][] =
    q.short || q.sigil === '#'
      ? [['text', tagPrefixMatcher(q)]]
      : [
          ['text', textMatcher(q, options.prefix ?? false)],
          ['similar', similarTagMatcher(q)],
        ];
  for (const [matchedBy, matcher] of attempts) {
    if (!matcher) continue;
    const ids = await rankedPostIds(viewer, matcher, options.limit, offset);
    // Fall back to similar interests only when the words match nothing at all, not on a later page.
    if (ids.length === 0 && (offset > 0 || matchedBy === 'similar')) return { items: [], matchedBy: null };
    if (ids.length === 0) continue;
    const items = await getPostsByIds(viewer, ids.slice(0, options.limit));
    return { items, matchedBy, nextOffset: ids.length > options.limit ? offset + options.limit : undefined };
  }
  return { items: [], matchedBy: null };
}

async function findGroups(viewer: Viewer | null, q: ParsedQuery, limit: number): Promise<GroupHit[]> {
  if (q.sigil === '@') return [];
  const viewerId = viewer?.id ?? null;
  const isMember = sql`exists (select 1 from group_members m where m.group_id = ${groups.id} and m.user_id = ${viewerId})`;
  // Nested in sql`` so drizzle qualifies the column inside the subquery.
  const memberCount = sql`(select count(*)::int from group_members m where m.group_id = ${groups.id})`;
  // Invite-only groups are found only by their members; signed out, only public groups.
  const visible = viewerId ? sql`(${groups.visibility} <> 'invite' or ${isMember})` : sql`${groups.visibility} = 'public'`;
  const match =
    q.short || q.sigil === '#'
      ? or(wordPrefix(sql`lower(${groups.name})`, q.term), sql`lower(${groups.topic}) like ${prefixPattern(q.term)}`, sql`lower(${groups.slug}) like ${prefixPattern(q.term)}`)
      : fuzzy(groupText, q.term);
  const interest = viewerId
    ? sql`case when exists (select 1 from tag_follows f where f.user_id = ${viewerId} and f.tag = ${groups.topic}) then 0.3 else 0 end
        + coalesce((select case s.choice when 'more' then 0.2 when 'less' then -0.3 when 'hide' then -0.6 else 0 end
                    from interest_scores s where s.user_id = ${viewerId} and s.tag = ${groups.topic}), 0)
        + case when ${isMember} then 0.2 else 0 end`
    : sql`0`;
  const rows = await db
    .select({
      id: groups.id,
      slug: groups.slug,
      name: groups.name,
      topic: groups.topic,
      description: groups.description,
      visibility: groups.visibility,
      accentColor: groups.accentColor,
      iconMediaId: groups.iconMediaId,
      memberCount: sql<number>`${memberCount}`,
      isMember: sql<boolean>`${isMember}`,
      score: sql<number>`${closeness(groupText, q.term)} + ${interest}`.as('score'),
    })
    .from(groups)
    .where(and(visible, match))
    .orderBy(sql`score desc`, groups.name)
    .limit(limit);
  return rows.map(({ score: _score, ...r }) => ({ ...r, memberCount: Number(r.memberCount), isMember: Boolean(r.isMember) }));
}

async function findPeople(viewer: Viewer | null, q: ParsedQuery, limit: number): Promise<PersonHit[]> {
  if (q.sigil === '#') return [];
  const viewerId = viewer?.id ?? null;
  const visibility = sql`coalesce((select pr.visibility from profiles pr where pr.user_id = ${users.id}), 'members')`;
  // Profile visibility decides who can find a person: everyone, signed-in members, or nobody but themself.
  // Nor does anyone find a person on the other side of a block from them.
  const visible = viewerId
    ? sql`(${visibility} <> 'only_me' or ${users.id} = ${viewerId}) and not ${blockedEitherWay(viewerId, qualified(users.id))}`
    : sql`${visibility} = 'everyone'`;
  const match = q.short ? or(sql`lower(${users.handle}) like ${prefixPattern(q.term)}`, wordPrefix(sql`lower(coalesce(${users.name}, ''))`, q.term)) : fuzzy(personText, q.term);
  const following = sql`exists (select 1 from follows f where f.follower_id = ${viewerId} and f.followee_id = ${users.id})`;
  const rows = await db
    .select({
      id: users.id,
      handle: users.handle,
      name: users.name,
      image: users.image,
      following: sql<boolean>`${following}`,
      score: sql<number>`${closeness(personText, q.term)}
        + case when lower(${users.handle}) like ${prefixPattern(q.term)} then 0.4 else 0 end
        + case when ${following} then 0.3 else 0 end`.as('score'),
    })
    .from(users)
    .where(and(ne(users.id, deletedMemberId), visible, match))
    .orderBy(sql`score desc`, users.handle)
    .limit(limit);
  // Never an email: only what a post card shows of its author.
  return rows.map((r) => ({ id: r.id, handle: r.handle, name: r.name ?? r.handle, image: r.image, following: Boolean(r.following) }));
}

async function findInterests(viewer: Viewer | null, q: ParsedQuery, limit: number): Promise<InterestHit[]> {
  if (q.sigil === '@') return [];
  const viewerId = viewer?.id ?? null;
  const match = q.short ? or(sql`lower(${interests.slug}) like ${prefixPattern(q.term)}`, wordPrefix(sql`lower(${interests.label})`, q.term)) : fuzzy(interestText, q.term);
  const following = sql`exists (select 1 from tag_follows f where f.user_id = ${viewerId} and f.tag = ${interests.slug})`;
  const choice = sql`(select s.choice from interest_scores s where s.user_id = ${viewerId} and s.tag = ${interests.slug})`;
  const rows = await db
    .select({
      slug: interests.slug,
      label: interests.label,
      following: sql<boolean>`${following}`,
      choice: sql<InterestHit['choice']>`${choice}`,
      score: sql<number>`${closeness(interestText, q.term)} + case when ${following} then 0.3 else 0 end`.as('score'),
    })
    .from(interests)
    .where(match)
    .orderBy(sql`score desc`, interests.slug)
    .limit(limit);
  return rows.map(({ score: _score, ...r }) => ({ ...r, following: Boolean(r.following), choice: r.choice ?? null }));
}

const none = (query: ParsedQuery | null): SearchResults => ({ query, posts: { items: [], matchedBy: null }, groups: [], people: [], interests: [] });

/** Everything that matches, a few of each kind: the "All" view of the search page. */
export async function searchAll(viewer: Viewer | null, raw: string, options: { limit?: number } = {}): Promise<SearchResults> {
  const q = parseQuery(raw);
  if (!q) return none(null);
  const limit = options.limit ?? 5;
  const [postResults, groupHits, people, interestHits] = await Promise.all([
    findPosts(viewer, q, { limit }),
    findGroups(viewer, q, limit),
    findPeople(viewer, q, limit),
    findInterests(viewer, q, limit),
  ]);
  return { query: q, posts: postResults, groups: groupHits, people, interests: interestHits };
}

export const searchKinds = ['posts', 'groups', 'people', 'interests'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** One kind, for its tab of the search page: posts a page at a time, the others up to 50. */
export async function searchOne(viewer: Viewer | null, raw: string, kind: SearchKind, options: { offset?: number } = {}): Promise<SearchResults> {
  const q = parseQuery(raw);
  const results = none(q);
  if (!q) return results;
  if (kind === 'posts') results.posts = await findPosts(viewer, q, { limit: 20, offset: Math.max(0, Math.min(options.offset ?? 0, 1000)) });
  if (kind === 'groups') results.groups = await findGroups(viewer, q, 50);
  if (kind === 'people') results.people = await findPeople(viewer, q, 50);
  if (kind === 'interests') results.interests = await findInterests(viewer, q, 50);
  return results;
}

export type Suggestion = { id: string; label: string; detail: string; href: string };
export type Suggestions = { query: string; groups: Suggestion[]; people: Suggestion[]; interests: Suggestion[]; posts: Suggestion[] };

function excerpt(body: string, length = 80) {
  const plain = body.replace(/[#*_`>[\]()!~]+/g, ' ').replace(/\s+/g, ' ').trim();
  return plain.length > length ? `${plain.slice(0, length - 1).trimEnd()}…` : plain;
}

/** The header's type-ahead: the top few of each kind, prefix-friendly (the last word may be unfinished). */
export async function typeahead(viewer: Viewer | null, raw: string, options: { limit?: number } = {}): Promise<Suggestions> {
  const q = parseQuery(raw);
  if (!q) return { query: '', groups: [], people: [], interests: [], posts: [] };
  const limit = options.limit ?? 3;
  const [groupHits, people, interestHits, postResults] = await Promise.all([
    findGroups(viewer, q, limit),
    findPeople(viewer, q, limit),
    findInterests(viewer, q, limit),
    // One- and two-letter queries are too vague for posts in a type-ahead.
    q.short ? Promise.resolve({ items: [], matchedBy: null } satisfies PostResults) : findPosts(viewer, q, { limit, prefix: true }),
  ]);
  return {
    query: q.text,
    groups: groupHits.map((g) => ({ id: g.id, label: g.name, detail: `#${g.topic}`, href: `/g/${g.slug}` })),
    people: people.map((p) => ({ id: p.id, label: p.name, detail: `@${p.handle}`, href: `/u/${p.handle}` })),
    interests: interestHits.map((i) => ({ id: i.slug, label: `#${i.slug}`, detail: i.label, href: `/t/${encodeURIComponent(i.slug)}` })),
    posts: postResults.items.map((p) => ({ id: p.id, label: excerpt(p.body), detail: p.group ? `${p.author.name} in ${p.group.name}` : p.author.name, href: `/p/${p.id}` })),
  };
}

/** Each search's match on its indexed expression, for the test that asks the planner whether the index fits. */
export function indexedMatches(term: string): { table: string; index: string; where: SQL }[] {
  const q = parseQuery(term)!;
  return [
    { table: 'users', index: 'users_name_trgm_idx', where: fuzzy(personText, q.term) },
    { table: 'groups', index: 'groups_search_trgm_idx', where: fuzzy(groupText, q.term) },
    { table: 'interests', index: 'interests_label_trgm_idx', where: fuzzy(interestText, q.term) },
    { table: 'posts', index: 'posts_body_fts_idx', where: textMatcher(q, true)!.where },
  ];
}

export type RecentSearch = { id: string; query: string; createdAt: Date };

/** The viewer's recent searches, newest first. */
export async function recentSearches(viewer: Viewer, limit = 8): Promise<RecentSearch[]> {
  const rows = await db
    .select({ id: searchHistory.id, query: searchHistory.query, createdAt: searchHistory.createdAt })
    .from(searchHistory)
    .where(eq(searchHistory.userId, viewer.id))
    .orderBy(desc(searchHistory.createdAt), desc(searchHistory.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/** Whether the viewer paused history (then their searches are not remembered). */
export async function historyPaused(viewer: Viewer): Promise<boolean> {
  const [row] = await db.select({ paused: feedPreferences.historyPaused }).from(feedPreferences).where(eq(feedPreferences.userId, viewer.id)).limit(1);
  return row?.paused ?? false;
}

