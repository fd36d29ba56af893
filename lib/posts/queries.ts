import 'server-only';
import { and, desc, eq, exists, isNull, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { follows, groupMembers, groups, posts, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { decodeCursor, encodeCursor } from './cursor';

export type PostCard = {
  id: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  author: { name: string; handle: string; image: string | null };
  group: { slug: string; name: string } | null;
  commentCount: number;
  reactions: Record<string, number>;
};

export type PostPage = { items: PostCard[]; nextCursor?: string };

const PAGE_SIZE = 20;

/** Posts with everything a card shows, in one query (counts as correlated subqueries, no N+1). */
async function postPage(where: SQL | undefined, cursor: string | undefined, limit = PAGE_SIZE): Promise<PostPage> {
  const after = decodeCursor(cursor);
  const rows = await db
    .select({
      id: posts.id,
      body: posts.body,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      authorName: users.name,
      authorHandle: users.handle,
      authorImage: users.image,
      groupSlug: groups.slug,
      groupName: groups.name,
      commentCount: sql<number>`(select count(*)::int from comments c where c.post_id = ${posts.id})`,
      reactions: sql<Record<string, number> | null>`(
        select json_object_agg(emoji, n) from (
          select r.emoji, count(*)::int as n from reactions r where r.post_id = ${posts.id} group by r.emoji
        ) counted)`,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(groups, eq(groups.id, posts.groupId))
    .where(and(where, after ? sql`(${posts.createdAt}, ${posts.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id})` : undefined))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(limit + 1);

  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: new Date(r.createdAt),
    editedAt: r.editedAt ? new Date(r.editedAt) : null,
    author: { name: r.authorName ?? r.authorHandle, handle: r.authorHandle, image: r.authorImage },
    group: r.groupSlug && r.groupName ? { slug: r.groupSlug, name: r.groupName } : null,
    commentCount: Number(r.commentCount),
    reactions: typeof r.reactions === 'string' ? JSON.parse(r.reactions) : (r.reactions ?? {}),
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : undefined };
}

export type FeedPage = PostPage & { scope: 'following' | 'community' };

/**
 * The Following feed: newest posts from the viewer's groups, the people they follow, and themselves.
 * Someone who follows nothing yet sees what is new across the community instead of an empty page.
 */
export async function getFollowingFeed(viewer: Viewer, cursor?: string): Promise<FeedPage> {
  const mine = or(
    eq(posts.authorId, viewer.id),
    exists(db.select({ one: sql`1` }).from(follows).where(and(eq(follows.followerId, viewer.id), eq(follows.followeeId, posts.authorId)))),
    exists(db.select({ one: sql`1` }).from(groupMembers).where(and(eq(groupMembers.userId, viewer.id), eq(groupMembers.groupId, posts.groupId)))),
  );
  const page = await postPage(mine, cursor);
  if (page.items.length > 0 || cursor) return { ...page, scope: 'following' };
  return { ...(await postPage(undefined, undefined)), scope: 'community' };
}

export async function getCommunityFeed(cursor?: string): Promise<FeedPage> {
  return { ...(await postPage(undefined, cursor)), scope: 'community' };
}

export function getGroupPosts(groupId: string, cursor?: string) {
  return postPage(eq(posts.groupId, groupId), cursor);
}

/** A person's posts; `profileOnly` leaves out those made in groups (for visitors who are not signed in). */
export function getAuthorPosts(authorId: string, cursor?: string, options: { profileOnly?: boolean; limit?: number } = {}) {
  return postPage(and(eq(posts.authorId, authorId), options.profileOnly ? isNull(posts.groupId) : undefined), cursor, options.limit);
}

/** One post as a card, or null. Callers decide whether the viewer may see it. */
export async function getPostCard(postId: string): Promise<PostCard | null> {
  return (await postPage(eq(posts.id, postId), undefined, 1)).items[0] ?? null;
}
