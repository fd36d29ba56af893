import 'server-only';
// The three feeds: For you (ranked and explained), Following (newest first from what you follow) and the
// non-profiling chronological mode (newest first, no personal signal read or recorded). Mutes hold in all three:
// they are safety choices, not profiling.
import { db } from '@/db/client';
import type { FeedMode } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getFollowingFeed, getPostsByIds, type PostCard } from '@/lib/posts/queries';
import { loadControls } from './candidates';
import { readForYou } from './for-you-list';
import { personalizationOf, type Personalization } from './profile';
import { hiddenTagsOf, muteFilter } from './mutes';
import { ageText, type Explanation } from './rank';

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

export { muteFilter } from './mutes';

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
