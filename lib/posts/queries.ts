import 'server-only';
import { qualified } from '@/lib/sql';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { db, type Database } from '@/db/client';
import { preparedStatement } from '@/db/prepared';
import { channels, comments, follows, groups, posts, tagFollows, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { renderBodyHtml } from './render';
import { decodeCursor, encodeCursor } from './cursor';
import { followingScope } from './following-scope';
import { visibleComments, visiblePosts } from './visibility';

export type PostCard = {
  id: string;
  body: string;
  /** Sanitized HTML, rendered when the post was written. */
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  pinned: boolean;
  commentsLocked: boolean;
  removed: { reason: string } | null;
  author: { id: string; name: string; handle: string; image: string | null };
  group: { id: string; slug: string; name: string; accentColor: string } | null;
  channel: { id: string; name: string } | null;
  tags: string[];
  images: { id: string; alt: string; width: number; height: number }[];
  commentCount: number;
  reactions: Record<string, number>;
  viewerReactions: string[];
  bookmarked: boolean;
  isAuthor: boolean;
  /** For group posts: whether the viewer belongs to the group (and so may react and comment by default). */
  viewerIsMember: boolean;
  /** False for signed-out visitors: the card is read-only. */
  viewerSignedIn: boolean;
};

export type PostPage = { items: PostCard[]; nextCursor?: string };

const PAGE_SIZE = 20;

function json<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * The columns of a card, from posts with their author, group and channel: counts and the viewer's own state as
 * subqueries (no N+1). `viewerId` is a value, or a placeholder in a statement built once (cardsByIds).
 */
function cardsSelect(database: Database, viewerId: string | SQL | null) {
  return database
    .select({
      id: posts.id,
      body: posts.body,
      bodyHtml: posts.bodyHtml,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      pinnedAt: posts.pinnedAt,
      commentsLocked: posts.commentsLocked,
      removedAt: posts.removedAt,
      removedReason: posts.removedReason,
      authorId: posts.authorId,
      authorName: users.name,
      authorHandle: users.handle,
      authorImage: users.image,
      groupId: groups.id,
      groupSlug: groups.slug,
      groupName: groups.name,
      groupAccent: groups.accentColor,
      channelId: channels.id,
      channelName: channels.name,
      tags: sql<string[] | string | null>`(select json_agg(t.tag order by t.tag) from post_tags t where t.post_id = ${qualified(posts.id)})`,
      images: sql<PostCard['images'] | string | null>`(
        select json_agg(json_build_object('id', i.media_id, 'alt', i.alt, 'width', m.width, 'height', m.height) order by i.position)
        from post_images i join media m on m.id = i.media_id where i.post_id = ${posts.id})`,
      // Both kept by triggers on comments and reactions (migration 0011), so a popular post costs no more to show.
      commentCount: posts.commentCount,
      reactions: posts.reactionCounts,
      viewerReactions: sql<string[] | string | null>`(select json_agg(r.emoji) from reactions r where r.post_id = ${qualified(posts.id)} and r.user_id = ${viewerId})`,
      bookmarked: sql<boolean>`exists (select 1 from bookmarks b where b.post_id = ${qualified(posts.id)} and b.user_id = ${viewerId})`,
      viewerIsMember: sql<boolean>`exists (select 1 from group_members m where m.group_id = ${qualified(posts.groupId)} and m.user_id = ${viewerId})`,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(groups, eq(groups.id, posts.groupId))
    .leftJoin(channels, eq(channels.id, posts.channelId));
}

type CardRow = Awaited<ReturnType<typeof cardsSelect>>[number];

function toCard(r: CardRow, viewerId: string | null): PostCard {
  return {
    id: r.id,
    body: r.body,
    bodyHtml: r.bodyHtml,
    createdAt: new Date(r.createdAt),
    editedAt: r.editedAt ? new Date(r.editedAt) : null,
    pinned: Boolean(r.pinnedAt),
    commentsLocked: r.commentsLocked,
    removed: r.removedAt ? { reason: r.removedReason ?? '' } : null,
    author: { id: r.authorId, name: r.authorName ?? r.authorHandle, handle: r.authorHandle, image: r.authorImage },
    group: r.groupId && r.groupSlug && r.groupName ? { id: r.groupId, slug: r.groupSlug, name: r.groupName, accentColor: r.groupAccent ?? '#b4471f' } : null,
    channel: r.channelId && r.channelName ? { id: r.channelId, name: r.channelName } : null,
    tags: json<string[]>(r.tags, []),
    images: json<PostCard['images']>(r.images, []),
    commentCount: Number(r.commentCount),
    reactions: json<Record<string, number>>(r.reactions, {}),
    viewerReactions: json<string[]>(r.viewerReactions, []),
    bookmarked: Boolean(r.bookmarked),
    isAuthor: r.authorId === viewerId,
    viewerIsMember: Boolean(r.viewerIsMember),
    viewerSignedIn: viewerId !== null,
  };
}

const newestFirst = [desc(posts.createdAt), desc(posts.id)];

/** Posts with everything a card shows, in one query. */
async function selectPosts(viewer: Viewer | null, where: SQL | undefined, options: { cursor?: string; limit?: number; order?: 'newest' | 'pinned-first' } = {}): Promise<PostPage> {
  const limit = options.limit ?? PAGE_SIZE;
  const viewerId = viewer?.id ?? null;
  const after = decodeCursor(options.cursor);
  const rows = await cardsSelect(db, viewerId)
    .where(
      and(
        visiblePosts(viewerId),
        where,
        after ? sql`(${posts.createdAt}, ${posts.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id})` : undefined,
      ),
    )
    .orderBy(...(options.order === 'pinned-first' ? [sql`${posts.pinnedAt} is null`] : []), ...newestFirst)
    .limit(limit + 1);

  const items = rows.slice(0, limit).map((r) => toCard(r, viewerId));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last && options.order !== 'pinned-first' ? encodeCursor(last) : undefined };
}

/**
 * The cards of posts chosen elsewhere, for a signed-in viewer: For you asks for them on every view, so the statement
 * is built once (db/prepared.ts). The ids travel as one text (comma-separated), so the text of the statement is the
 * same however many are asked for (ids are UUIDs; a part split off a malformed one can only name a post the viewer
 * may see, and getPostsByIds keeps only the ids asked for).
 */
const cardsByIds = preparedStatement((database) => {
  const viewerId = sql`${sql.placeholder('viewer')}`;
  return cardsSelect(database, viewerId)
    .where(and(visiblePosts(viewerId), sql`${posts.id} = any(string_to_array(${sql.placeholder('ids')}, ','))`))
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .prepare('cards_by_ids');
});

export type FeedPage = PostPage & { scope: 'following' | 'community' };

/**
 * The Following feed: newest posts from the viewer's groups, the people and tags they follow, and themselves.
 * Someone who follows nothing yet sees what is new across the community instead of an empty page.
 */
export async function getFollowingFeed(viewer: Viewer, cursor?: string, exclude?: SQL): Promise<FeedPage> {
  const mine = followingScope(viewer.id);
  const page = await selectPosts(viewer, and(mine, exclude), { cursor });
  if (page.items.length > 0 || cursor) return { ...page, scope: 'following' };
  return { ...(await selectPosts(viewer, exclude)), scope: 'community' };
}

export async function getGroupPosts(viewer: Viewer, groupId: string, options: { channelId?: string; cursor?: string } = {}) {
  return selectPosts(viewer, and(eq(posts.groupId, groupId), options.channelId ? eq(posts.channelId, options.channelId) : undefined), { cursor: options.cursor });
}

export async function getPinnedPosts(viewer: Viewer, groupId: string) {
  return (await selectPosts(viewer, and(eq(posts.groupId, groupId), isNotNull(posts.pinnedAt)), { limit: 5 })).items;
}

/** A person's posts; `profileOnly` leaves out those made in groups (for visitors who are not signed in). */
export function getAuthorPosts(viewer: Viewer | null, authorId: string, cursor?: string, options: { profileOnly?: boolean; limit?: number } = {}) {
  return selectPosts(viewer, and(eq(posts.authorId, authorId), options.profileOnly ? isNull(posts.groupId) : undefined), { cursor, limit: options.limit });
}

export function getTagPosts(viewer: Viewer, tag: string, cursor?: string) {
  return selectPosts(viewer, sql`exists (select 1 from post_tags t where t.post_id = ${posts.id} and t.tag = ${tag})`, { cursor });
}

export function getBookmarkedPosts(viewer: Viewer, cursor?: string) {
  return selectPosts(viewer, sql`exists (select 1 from bookmarks b where b.post_id = ${posts.id} and b.user_id = ${viewer.id})`, { cursor });
}

export async function getPost(viewer: Viewer | null, postId: string): Promise<PostCard | null> {
  const page = await selectPosts(viewer, eq(posts.id, postId), { limit: 1 });
  return page.items[0] ?? null;
}

/** Cards for posts chosen elsewhere (search and For you rank them), in the order given; any the viewer may not see are left out. */
export async function getPostsByIds(viewer: Viewer | null, ids: string[]): Promise<PostCard[]> {
  if (ids.length === 0) return [];
  const cards = viewer
    ? (await cardsByIds({ viewer: viewer.id, ids: ids.join(','), limit: ids.length })).map((r) => toCard(r, viewer.id))
    : (await selectPosts(null, inArray(posts.id, ids), { limit: ids.length })).items;
  const byId = new Map(cards.map((p) => [p.id, p]));
  return ids.map((id) => byId.get(id)).filter((p): p is PostCard => Boolean(p));
}

export type CommentView = {
  id: string;
  body: string;
  /** Sanitized HTML (inline markdown only). */
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  removed: boolean;
  /** Why moderators removed it: only for its author. */
  removedReason: string | null;
  author: { id: string; name: string; handle: string; image: string | null };
  replies: CommentView[];
};

/**
 * The conversation under a post: top-level comments oldest first, each with its replies. Removed ones show as
 * removed; those of people on the other side of a block are left out (visibleComments), and a reply to one of them
 * stands on its own. Nothing when the viewer may not see the post itself.
 */
export async function getComments(viewer: Viewer, postId: string): Promise<CommentView[]> {
  const rows = await db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      body: comments.body,
      bodyHtml: comments.bodyHtml,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      removedAt: comments.removedAt,
      removedReason: comments.removedReason,
      authorId: users.id,
      authorName: users.name,
      authorHandle: users.handle,
      authorImage: users.image,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.postId, postId), sql`exists (select 1 from posts where posts.id = ${comments.postId} and ${visiblePosts(viewer.id)})`, visibleComments(viewer.id)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const views = new Map<string, CommentView & { parentId: string | null }>();
  for (const r of rows) {
    views.set(r.id, {
      id: r.id,
      parentId: r.parentId,
      body: r.removedAt ? '' : r.body,
      // Stored when written; rendered here only for a comment not yet backfilled (lib/posts/comment-html-backfill.ts).
      bodyHtml: r.removedAt ? '' : (r.bodyHtml ?? renderBodyHtml(r.body, 'comment')),
      createdAt: new Date(r.createdAt),
      editedAt: r.editedAt ? new Date(r.editedAt) : null,
      removed: Boolean(r.removedAt),
      removedReason: r.removedAt && r.authorId === viewer.id ? (r.removedReason ?? '') : null,
      author: { id: r.authorId, name: r.authorName ?? r.authorHandle, handle: r.authorHandle, image: r.authorImage },
      replies: [],
    });
  }
  const top: CommentView[] = [];
  for (const view of views.values()) {
    const parent = view.parentId ? views.get(view.parentId) : undefined;
    if (parent) parent.replies.push(view);
    else top.push(view);
  }
  return top;
}

export async function isFollowingTag(viewer: Viewer, tag: string) {
  const [row] = await db.select({ one: sql`1` }).from(tagFollows).where(and(eq(tagFollows.userId, viewer.id), eq(tagFollows.tag, tag))).limit(1);
  return Boolean(row);
}

export async function isFollowingPerson(viewer: Viewer, userId: string) {
  const [row] = await db.select({ one: sql`1` }).from(follows).where(and(eq(follows.followerId, viewer.id), eq(follows.followeeId, userId))).limit(1);
  return Boolean(row);
}
