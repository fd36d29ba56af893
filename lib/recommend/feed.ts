import 'server-only';
// The three feeds: For you (ranked and explained), Following (newest first from what you follow) and the
// non-profiling chronological mode (newest first, no personal signal read or recorded). Mutes hold in all three:
// they are safety choices, not profiling.
import { and, notInArray, sql, type SQL } from 'drizzle-orm';
import { db, rowsOf, type Executor } from '@/db/client';
import { posts, type FeedMode } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getFollowingFeed, getPostsByIds, type PostCard } from '@/lib/posts/queries';
import { loadControls } from './candidates';
import { readForYou } from './for-you-list';
import { personalizationOf, type Personalization } from './profile';
import { ageText, escapeRegExp, type Explanation, type FeedControlSet } from './rank';

export const FOR_YOU_PAGE = 10;
export { FOR_YOU_LIMIT, rankForYou } from './for-you-list';

export type FeedItem = { post: PostCard; explanation: Explanation | null };
export type FeedResult = {
  mode: FeedMode;
  items: FeedItem[];
  /** For you: the next page number; Following and chronological: the cursor. */
  next?: { page: number } | { cursor: string };
  caughtUp: boolean;
  /** Following with nothing followed yet: what is new across Hearth. */
  scope?: 'following' | 'community';
  personalization: Personalization;
};

/** Mutes as SQL over posts: muted people and groups, "not interested" posts, hidden topics and muted words. */
export function muteFilter(controls: FeedControlSet, hiddenTags: string[]): SQL | undefined {
  const parts: SQL[] = [];
  if (controls.mutedUsers.size) parts.push(notInArray(posts.authorId, [...controls.mutedUsers]));
  if (controls.mutedGroups.size) parts.push(sql`(${posts.groupId} is null or ${notInArray(posts.groupId, [...controls.mutedGroups])})`);
  if (controls.notInterested.size) parts.push(notInArray(posts.id, [...controls.notInterested]));
  if (hiddenTags.length) parts.push(sql`not exists (select 1 from post_tags t where t.post_id = ${posts.id} and t.tag in (${sql.join(hiddenTags.map((t) => sql`${t}`), sql`, `)}))`);
  if (controls.mutedWords.length) {
    // Whole words, any case: the same rule as mutedWordMatcher in rank.ts.
    const pattern = `(^|[^[:alnum:]_])(${controls.mutedWords.map(escapeRegExp).join('|')})($|[^[:alnum:]_])`;
    parts.push(sql`not (${posts.body} ~* ${pattern})`);
    parts.push(sql`not exists (select 1 from post_tags t where t.post_id = ${posts.id} and t.tag ~* ${pattern})`);
  }
  return parts.length ? and(...parts) : undefined;
}

async function hiddenTagsOf(executor: Executor, userId: string): Promise<string[]> {
  return rowsOf<{ tag: string }>(await executor.execute(sql`select tag from interest_scores where user_id = ${userId} and choice = 'hide'`)).map((r) => r.tag);
}

export async function getFeed(viewer: Viewer, options: { mode?: FeedMode; page?: number; cursor?: string; now?: Date } = {}): Promise<FeedResult> {
  const personalization = await personalizationOf(db, viewer.id, options.now);
  const mode = options.mode ?? personalization.mode;
  const now = options.now ?? new Date();
  if (mode === 'foryou') {
    const list = await readForYou(viewer.id, personalization, now);
    const page = Math.max(1, options.page ?? 1);
    const slice = list.items.slice((page - 1) * FOR_YOU_PAGE, page * FOR_YOU_PAGE);
    const cards = await getPostsByIds(viewer, slice.map((s) => s.postId));
    const byId = new Map(slice.map((s) => [s.postId, s]));
    const hasMore = page * FOR_YOU_PAGE < list.items.length;
    return {
      mode,
      items: cards.map((post) => {
        const { reasons, breakdown } = byId.get(post.id)!;
        return { post, explanation: { reasons, breakdown, age: ageText(post.createdAt, now), rankedAt: list.computedAt } };
      }),
      next: hasMore ? { page: page + 1 } : undefined,
      caughtUp: !hasMore,
      personalization,
    };
  }
  const [controls, hidden] = await Promise.all([loadControls(db, viewer.id, now), hiddenTagsOf(db, viewer.id)]);
  const result = await getFollowingFeed(viewer, options.cursor, muteFilter(controls, hidden));
  return {
    mode,
    items: result.items.map((post) => ({ post, explanation: null })),
    next: result.nextCursor ? { cursor: result.nextCursor } : undefined,
    caughtUp: !result.nextCursor,
    scope: result.scope,
    personalization,
  };
}
