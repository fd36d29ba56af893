import 'server-only';
// The three feeds: For you (ranked and explained), Following (newest first from what you follow) and the
// non-profiling chronological mode (newest first, no personal signal read or recorded). Mutes hold in all three:
// they are safety choices, not profiling.
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import type { FeedMode, ForYouItem } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getFollowingFeed, getPostsByIds, type PostCard } from '@/lib/posts/queries';
import { loadControls } from './candidates';
import { readForYou, refreshForYouLater, storedPageQuery, type StoredPageRow } from './for-you-list';
import { personalizationFrom, personalizationQuery, type Personalization } from './profile';
import { hiddenTagsOf, muteFilter } from './mutes';
import { ageText, type Explanation } from './rank';

export const FOR_YOU_PAGE = 10;

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

export async function getFeed(viewer: Viewer, options: { mode?: FeedMode; page?: number; cursor?: string; now?: Date } = {}): Promise<FeedResult> {
  const now = options.now ?? new Date();
  const page = Math.max(1, options.page ?? 1);
  // One statement: the person's personalization and, when the feed is For you, the page's slice of their stored list.
  const forYouWanted = options.mode ? sql`${options.mode === 'foryou'}` : sql`coalesce(pz.mode, 'foryou') = 'foryou'`;
  const [row] = rowsOf<Parameters<typeof personalizationFrom>[0] & StoredPageRow>(
    await db.execute(sql`
      select pz.*, fy.* from (${personalizationQuery(viewer.id, now)}) pz
      left join lateral (${storedPageQuery(viewer.id, (page - 1) * FOR_YOU_PAGE, FOR_YOU_PAGE, forYouWanted)}) fy on true`),
  );
  const personalization = personalizationFrom(row);
  const mode = options.mode ?? personalization.mode;
  if (mode === 'foryou') {
    let slice: ForYouItem[];
    let total: number;
    let computedAt: Date;
    if (row?.computed_at) {
      slice = row.page_items ?? [];
      total = Number(row.total);
      computedAt = new Date(row.computed_at);
      if (row.out_of_date) refreshForYouLater(viewer.id, personalization);
    } else {
      // No stored list yet (a first view, or the first after the person changed something): ranked now.
      const list = await readForYou(viewer.id, personalization, now);
      slice = list.items.slice((page - 1) * FOR_YOU_PAGE, page * FOR_YOU_PAGE);
      total = list.items.length;
      computedAt = list.computedAt;
    }
    const cards = await getPostsByIds(viewer, slice.map((s) => s.postId));
    const byId = new Map(slice.map((s) => [s.postId, s]));
    const hasMore = page * FOR_YOU_PAGE < total;
    return {
      mode,
      items: cards.map((post) => {
        const { reasons, breakdown } = byId.get(post.id)!;
        return { post, explanation: { reasons, breakdown, age: ageText(post.createdAt, now), rankedAt: computedAt } };
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

/**
 * "Why this post?" for one post of the person's stored For you list, as the feed shows it (the /feed/why page, where
 * the calculation link leads without JavaScript). Null when the post is not in their list, or not theirs to see.
 */
export async function getWhyThisPost(viewer: Viewer, postId: string, now = new Date()): Promise<FeedItem | null> {
  const [row] = rowsOf<{ item: ForYouItem | null; computed_at: string | Date }>(
    await db.execute(sql`
      select (select e from jsonb_array_elements(fy.items) e where e->>'postId' = ${postId} limit 1) as item, fy.computed_at
      from for_you_lists fy where fy.user_id = ${viewer.id} and fy.items is not null`),
  );
  if (!row?.item) return null;
  const [post] = await getPostsByIds(viewer, [postId]);
  if (!post) return null;
  const { reasons, breakdown } = row.item;
  return { post, explanation: { reasons, breakdown, age: ageText(post.createdAt, now), rankedAt: new Date(row.computed_at) } };
}
