// Deleting one's own post or comment, with everything that is its own: used by the post page's actions and by the
// privacy dashboard alike, so both follow one rule (only the author) and leave nothing of it behind.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { activitySignals, bookmarks, comments, media, postImages, posts, reactions } from '@/db/schema';
import { forgetCommentNotifications, forgetPostNotifications } from '@/lib/notifications/notify';
import { forgetEngagement } from '@/lib/recommend/profile';

/**
 * Deletes the author's post: its tags, images (the uploaded files too), comments, reactions, bookmarks and signals
 * go with it, notifications about it leave inboxes, and the author's own engagement with it (writing it, reacting,
 * commenting, saving, opening) leaves their interest profile. Someone else's post is not touched. Returns whether it went.
 */
export async function deleteOwnPost(tx: Executor, authorId: string, postId: string, now = new Date()): Promise<boolean> {
  const [post] = await tx.select({ id: posts.id, createdAt: posts.createdAt }).from(posts).where(and(eq(posts.id, postId), eq(posts.authorId, authorId))).limit(1);
  if (!post) return false;
  // The profile forgets through the post's tags, so before they go with it.
  const [ownReactions, ownComments, ownBookmarks, ownSignals] = await Promise.all([
    tx.select({ at: reactions.createdAt }).from(reactions).where(and(eq(reactions.postId, post.id), eq(reactions.userId, authorId))),
    tx.select({ at: comments.createdAt }).from(comments).where(and(eq(comments.postId, post.id), eq(comments.authorId, authorId))),
    tx.select({ at: bookmarks.createdAt }).from(bookmarks).where(and(eq(bookmarks.postId, post.id), eq(bookmarks.userId, authorId))),
    tx.select({ at: activitySignals.createdAt, kind: activitySignals.kind }).from(activitySignals).where(and(eq(activitySignals.postId, post.id), eq(activitySignals.userId, authorId))),
  ]);
  await forgetEngagement(tx, authorId, post.id, 'post', new Date(post.createdAt), now);
  for (const r of ownReactions) await forgetEngagement(tx, authorId, post.id, 'reaction', new Date(r.at), now);
  for (const c of ownComments) await forgetEngagement(tx, authorId, post.id, 'comment', new Date(c.at), now);
  for (const b of ownBookmarks) await forgetEngagement(tx, authorId, post.id, 'bookmark', new Date(b.at), now);
  for (const s of ownSignals) await forgetEngagement(tx, authorId, post.id, s.kind, new Date(s.at), now);
  const images = (await tx.select({ mediaId: postImages.mediaId }).from(postImages).where(eq(postImages.postId, post.id))).map((i) => i.mediaId);
  await forgetPostNotifications(tx, [post.id]);
  await tx.delete(posts).where(eq(posts.id, post.id));
  if (images.length) {
    // The post's pictures are files of their own (media): they go too, unless something else still shows them.
    await tx
      .delete(media)
      .where(and(inArray(media.id, images), eq(media.ownerId, authorId), eq(media.kind, 'post_image'), sql`not exists (select 1 from post_images pi where pi.media_id = ${media.id})`));
  }
  return true;
}

/**
 * Deletes the author's comment (its replies with it) and the notifications quoting any of them, and takes its share
 * out of their interest profile.
 */
export async function deleteOwnComment(tx: Executor, authorId: string, commentId: string, now = new Date()): Promise<boolean> {
  // The replies go with the comment (on delete cascade): read them first, to know which notifications quote them.
  const replies = await tx
    .select({ id: comments.id, postId: comments.postId, authorId: comments.authorId, body: comments.body })
    .from(comments)
    .where(eq(comments.parentId, commentId));
  const [gone] = await tx.delete(comments).where(and(eq(comments.id, commentId), eq(comments.authorId, authorId))).returning();
  if (!gone) return false;
  await forgetCommentNotifications(tx, [gone, ...replies]);
  await forgetEngagement(tx, authorId, gone.postId, 'comment', new Date(gone.createdAt), now);
  return true;
}
