// The personal digest mail's content: what is new since the person was last here, chosen and ordered by the very code
// their feed uses. In For you (and Following) mode that is rankForYou — the same candidates, mutes, "show less",
// hidden posts and topics, paused history and consents, and the same explanations; in the non-profiling chronological
// mode it is the Following feed's scope and mutes, newest first, with no personal signal read. Only posts the person
// may see (both paths apply visiblePosts), never their own. Building a digest records nothing: no view, no signal, no
// stored For you list. No server-only guard: the daily job also runs from `npm run jobs:daily`.
import { and, desc, gt, isNull, max, ne, sql, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { posts, userSessions } from '@/db/schema';
import { followingScope } from '@/lib/posts/following-scope';
import { visiblePosts } from '@/lib/posts/visibility';
import { loadControls } from '@/lib/recommend/candidates';
import { hiddenTagsOf, muteFilter } from '@/lib/recommend/mutes';
import { personalizationOf } from '@/lib/recommend/profile';
import { explain } from '@/lib/recommend/rank';
import { rankForYou } from '@/lib/recommend/rank-for-you';
import { qualified } from '@/lib/sql';

/** At most this many posts in one digest: a digest is a taste, the feed has the rest. */
export const DIGEST_SIZE = 8;

export type DigestItem = {
  postId: string;
  excerpt: string;
  author: { name: string; handle: string };
  group: { name: string; slug: string } | null;
  createdAt: Date;
  /** Why it was chosen, as the feed says it ("Because you follow #ceramics"); empty in the chronological order. */
  reasons: string[];
};

export type Digest = {
  since: Date;
  /** 'for_you': ranked and explained; 'chronological': newest first, no personal signal used. */
  order: 'for_you' | 'chronological';
  /** Said at the top of the digest when the ranking is held back (paused history, personalization off). */
  note: string | null;
  items: DigestItem[];
};

/** When the person was last here: the latest activity of any of their signed-in devices (user_sessions). */
export async function lastVisitOf(executor: Executor, userId: string): Promise<Date | null> {
  const [row] = await executor.select({ at: max(userSessions.lastSeenAt) }).from(userSessions).where(eq(userSessions.userId, userId));
  return row?.at ? new Date(row.at) : null;
}

/**
 * Where a digest starts: the later of the person's last visit and their last digest, so nothing they already had a
 * chance to see comes again; with neither, when they asked for the digest.
 */
export function digestSince(input: { lastVisit: Date | null; lastSentAt: Date | null; subscribedAt: Date }): Date {
  const known = [input.lastVisit, input.lastSentAt].filter((d): d is Date => d !== null);
  if (known.length === 0) return input.subscribedAt;
  return new Date(Math.max(...known.map((d) => d.getTime())));
}

/** Plain text of a post's first lines: markdown marks and links reduced to their words, cut at a word. */
export function excerptOf(body: string, length = 140): string {
  const text = body
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** The digest the person would get now, for posts created after `since`. Reads only. */
export async function buildDigest(executor: Executor, userId: string, options: { since: Date; now?: Date; size?: number }): Promise<Digest> {
  const now = options.now ?? new Date();
  const size = options.size ?? DIGEST_SIZE;
  const personalization = await personalizationOf(executor, userId, now);
  if (personalization.mode === 'chronological') {
    return { since: options.since, order: 'chronological', note: null, items: await newestInFollowing(executor, userId, options.since, now, size) };
  }
  const ranked = await rankForYou(executor, userId, personalization, now);
  const items = ranked
    .filter((s) => s.candidate.createdAt > options.since)
    .slice(0, size)
    .map((scored): DigestItem => {
      const c = scored.candidate;
      return {
        postId: c.postId,
        excerpt: excerptOf(c.body),
        author: { name: c.authorName, handle: c.authorHandle },
        group: c.groupName && c.groupSlug ? { name: c.groupName, slug: c.groupSlug } : null,
        createdAt: c.createdAt,
        reasons: explain(scored, now).reasons.map((r) => r.text),
      };
    });
  const note = personalization.historyPaused
    ? 'Your history is paused, so these are ranked only by whom and what you follow and chose.'
    : !personalization.recordActivity
      ? 'Activity-based personalization is off, so these are ranked only by whom and what you follow and chose.'
      : null;
  return { since: options.since, order: 'for_you', note, items };
}

/**
 * The non-profiling order: the Following feed's posts (its scope, its mutes), newest first. Like that feed, someone
 * who follows nothing at all gets what is new across the community.
 */
async function newestInFollowing(executor: Executor, userId: string, since: Date, now: Date, size: number): Promise<DigestItem[]> {
  const [controls, hidden] = await Promise.all([loadControls(executor, userId, now), hiddenTagsOf(executor, userId)]);
  const mutes = muteFilter(controls, hidden);
  const scope = followingScope(userId);
  const [anything] = await executor.select({ id: posts.id }).from(posts).where(and(visiblePosts(userId), scope, mutes)).limit(1);
  const rows = await executor
    .select({
      id: posts.id,
      body: posts.body,
      createdAt: posts.createdAt,
      authorName: sql<string | null>`(select u.name from users u where u.id = ${qualified(posts.authorId)})`,
      authorHandle: sql<string>`(select u.handle from users u where u.id = ${qualified(posts.authorId)})`,
      groupName: sql<string | null>`(select g.name from groups g where g.id = ${qualified(posts.groupId)})`,
      groupSlug: sql<string | null>`(select g.slug from groups g where g.id = ${qualified(posts.groupId)})`,
    })
    .from(posts)
    .where(and(visiblePosts(userId), isNull(posts.removedAt), ne(posts.authorId, userId), gt(posts.createdAt, since), anything ? scope : undefined, mutes))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(size);
  return rows.map((r) => ({
    postId: r.id,
    excerpt: excerptOf(r.body),
    author: { name: r.authorName ?? r.authorHandle, handle: r.authorHandle },
    group: r.groupName && r.groupSlug ? { name: r.groupName, slug: r.groupSlug } : null,
    createdAt: new Date(r.createdAt),
    reasons: [],
  }));
}
