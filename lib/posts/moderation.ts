// What a group's moderators do to a post or comment — pin checks, locking, removal with a reason — shared by the
// buttons on posts (lib/posts/actions.ts) and the report queue (lib/reports/actions.ts). Each runs inside the group's
// transaction (lib/groups/guard.ts), checks the caller's right, writes the audit log and tells the author.
import { eq } from 'drizzle-orm';
import { comments, posts, type Post } from '@/db/schema';
import { memberPosition } from '@/lib/groups/context';
import { audit, demand, refuse, type GroupCtx } from '@/lib/groups/guard';
import { notify } from '@/lib/notifications/notify';

type Comment = typeof comments.$inferSelect;

/** The group context of a moderator's act on a post, after checking the right (and, for removal, the author's rank). */
export async function moderate(ctx: GroupCtx | null, permission: 'pin' | 'lock' | 'remove_content', authorId?: string) {
  if (!ctx) refuse('Only posts in groups can be moderated.');
  demand(ctx, permission);
  if (authorId && authorId !== ctx.viewer.id && permission === 'remove_content') {
    const position = await memberPosition(ctx.tx, ctx.group.id, authorId, ctx.roles);
    if (position >= 0) demand(ctx, 'act_on_member', { memberPosition: position, via: 'remove_content' });
  }
  return ctx;
}

export async function lockComments(ctx: GroupCtx | null, post: Post, on: boolean) {
  const g = await moderate(ctx, 'lock');
  await g.tx.update(posts).set({ commentsLocked: on }).where(eq(posts.id, post.id));
  await audit(g, on ? 'post.lock' : 'post.unlock', post.authorId, { post: post.id });
}

export async function removePostAsModerator(ctx: GroupCtx | null, post: Post, reason: string) {
  const g = await moderate(ctx, 'remove_content', post.authorId);
  await g.tx.update(posts).set({ removedAt: new Date(), removedReason: reason, removedBy: g.viewer.id, pinnedAt: null }).where(eq(posts.id, post.id));
  await audit(g, 'post.remove', post.authorId, { post: post.id, reason });
  await notify(g.tx, { userId: post.authorId, kind: 'moderation', actorId: g.viewer.id, groupId: g.group.id, link: `/p/${post.id}`, subjectId: post.id, data: { what: 'post', reason, group: g.group.name } });
}

export async function removeCommentAsModerator(ctx: GroupCtx | null, post: Post, comment: Comment, reason: string) {
  const g = await moderate(ctx, 'remove_content', comment.authorId);
  await g.tx.update(comments).set({ removedAt: new Date(), removedReason: reason, removedBy: g.viewer.id }).where(eq(comments.id, comment.id));
  await audit(g, 'comment.remove', comment.authorId, { post: post.id, comment: comment.id, reason });
  await notify(g.tx, { userId: comment.authorId, kind: 'moderation', actorId: g.viewer.id, groupId: g.group.id, link: `/p/${post.id}`, subjectId: comment.id, data: { what: 'comment', reason, group: g.group.name } });
}
