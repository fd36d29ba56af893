'use server';

import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { db, type Transaction } from '@/db/client';
import { bookmarks, comments, follows, interests, mentions, notifications, postImages, postTags, posts, reactions, tagFollows, users } from '@/db/schema';
import { blockBetween, blockedEitherWay } from '@/lib/blocks/rule';
import { qualified } from '@/lib/sql';
import { type ActionState, formValues, validatedActionWithUser } from '@/lib/action-state';
import { imageFilesProblem } from '@/lib/media/limits';
import { ImageRejectedError, processImage, type ProcessedImage } from '@/lib/media/process-image';
import { storeImage } from '@/lib/media/store';
import { limitPerson, rules } from '@/lib/rate-limit';
import type { Viewer } from '@/lib/auth/viewer';
import { channelInfo, findChannel } from '@/lib/groups/context';
import { audit, demand, inGroup, refuse, Refusal, type GroupCtx } from '@/lib/groups/guard';
import { MAX_POST_IMAGES } from '@/lib/posts/limits';
import {
  commentRefSchema,
  createCommentSchema,
  createPostSchema,
  editCommentSchema,
  editPostSchema,
  followSchema,
  postRefSchema,
  reactionSchema,
  removeCommentSchema,
  removePostSchema,
  tagFollowSchema,
  toggleSchema,
} from './schemas';
import { awardMilestones } from '@/lib/milestones/engine';
import { forgetEngagement, learnFromEngagement } from '@/lib/recommend/profile';
import { markForYouStale } from '@/lib/recommend/for-you-list';
import { awardGroupAchievements } from '@/lib/milestones/group-achievements';
import { checkGoals } from '@/lib/milestones/goals';
import { excerpt, notify } from '@/lib/notifications/notify';
import { deleteOwnComment, deleteOwnPost } from './delete';
import { lockComments, moderate, removeCommentAsModerator, removePostAsModerator } from './moderation';
import { renderBodyHtml, tagLabel } from './render';
import { mentionsIn } from '@/lib/markdown/render';
import { visiblePosts } from './visibility';

type Post = typeof posts.$inferSelect;

/** Runs fn for a post the viewer can see: in its group's transaction for group posts, in a plain one otherwise. */
async function withPost(viewer: Viewer, postId: string, fn: (post: Post, tx: Transaction, ctx: GroupCtx | null) => Promise<ActionState | void>): Promise<ActionState> {
  const [post] = await db.select().from(posts).where(and(eq(posts.id, postId), visiblePosts(viewer.id)));
  if (!post) return { error: 'That post does not exist, or you cannot see it.' };
  if (post.groupId) return inGroup(viewer, post.groupId, (ctx) => fn(post, ctx.tx, ctx));
  try {
    const result = await db.transaction(async (tx) => (await fn(post, tx, null)) ?? {});
    revalidatePath(`/p/${post.id}`);
    return result;
  } catch (error) {
    if (error instanceof Refusal) return { error: error.message };
    throw error;
  }
}

/** The people a text mentions who exist and may be mentioned by its author (a block either way leaves them out). */
async function mentionablePeople(tx: Transaction, body: string, authorId: string) {
  const handles = mentionsIn(body);
  if (!handles.length) return [];
  return tx
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(and(inArray(sql`lower(${users.handle})`, handles), sql`not ${blockedEitherWay(authorId, qualified(users.id))}`));
}

/** A post's tags, replacing the ones it had; a new tag joins the shared vocabulary (tags and interests are one). */
async function replacePostTags(tx: Transaction, postId: string, tags: string[]) {
  await tx.delete(postTags).where(eq(postTags.postId, postId));
  if (!tags.length) return;
  await tx.insert(postTags).values(tags.map((tag) => ({ postId, tag })));
  await tx.insert(interests).values(tags.map((tag) => ({ slug: tag, label: tagLabel(tag) }))).onConflictDoNothing();
}

/** Who a post mentions, replacing the previous list; only the people newly mentioned are told (an edit does not notify again). */
async function recordMentionsAndNotify(tx: Transaction, post: { id: string; body: string; authorId: string }, people: { id: string }[]) {
  const before = new Set((await tx.delete(mentions).where(eq(mentions.postId, post.id)).returning({ userId: mentions.userId })).map((m) => m.userId));
  if (people.length) await tx.insert(mentions).values(people.map((u) => ({ postId: post.id, userId: u.id })));
  for (const person of people.filter((u) => !before.has(u.id))) {
    await notify(tx, { userId: person.id, kind: 'mention', actorId: post.authorId, link: `/p/${post.id}`, subjectId: post.id, data: { excerpt: excerpt(post.body) } });
  }
}

/** Up to four images from the form, each through the image pipeline, before any transaction opens. */
async function processPostImages(formData: FormData): Promise<{ images: ProcessedImage[] } | { error: string }> {
  const files = formData.getAll('images').filter((f): f is File => f instanceof Blob && f.size > 0);
  // The same check the composer makes before sending, so both say the same thing.
  const problem = imageFilesProblem(files, MAX_POST_IMAGES);
  if (problem) return { error: problem };
  const images: ProcessedImage[] = [];
  for (const [i, file] of files.entries()) {
    const label = files.length > 1 ? `Image ${i + 1}: ` : '';
    try {
      images.push(await processImage(new Uint8Array(await file.arrayBuffer()), { kind: 'post_image' }));
    } catch (error) {
      if (error instanceof ImageRejectedError) return { error: label + error.message };
      throw error;
    }
  }
  return { images };
}

export const createPostAction = validatedActionWithUser(createPostSchema, async (input, viewer, formData) => {
  const limited = await limitPerson(db, viewer.id, rules.postBurst, rules.postDaily);
  if (!limited.allowed) return { error: limited.message, values: formValues(formData) };
  // Each image is an upload, counted with avatars and group images.
  const imageCount = formData.getAll('images').filter((f) => f instanceof Blob && f.size > 0).length;
  if (imageCount) {
    const uploads = await limitPerson(db, viewer.id, ...Array.from({ length: imageCount }, () => rules.upload));
    if (!uploads.allowed) return { error: uploads.message, fieldErrors: { images: uploads.message }, values: formValues(formData) };
  }
  // Refuse before spending any work on the images of someone who may not post here.
  if (input.groupId) {
    const pre = await inGroup(viewer, input.groupId, async (ctx) => {
      const channel = input.channelId ? await findChannel(ctx.tx, input.channelId) : undefined;
      if (!channel || channel.groupId !== ctx.group.id) refuse('Choose a channel of this group to post in.');
      demand(ctx, 'post', { channel: channelInfo(channel) });
    });
    if (pre.error) return pre;
  }
  const processed = await processPostImages(formData);
  if ('error' in processed) return { error: processed.error, fieldErrors: { images: processed.error }, values: formValues(formData) };
  const write = async (tx: Transaction, groupId: string | null, channelId: string | null) => {
    const mentioned = await mentionablePeople(tx, input.body, viewer.id);
    const bodyHtml = renderBodyHtml(input.body, 'post', mentioned.map((u) => u.handle));
    const [post] = await tx.insert(posts).values({ authorId: viewer.id, groupId, channelId, body: input.body, bodyHtml }).returning({ id: posts.id });
    await replacePostTags(tx, post.id, input.tags);
    await recordMentionsAndNotify(tx, { id: post.id, body: input.body, authorId: viewer.id }, mentioned);
    for (const [position, image] of processed.images.entries()) {
      const mediaId = await storeImage(tx, viewer.id, 'post_image', image);
      await tx.insert(postImages).values({ postId: post.id, mediaId, position, alt: input.imageAlt });
    }
    await awardMilestones(tx, viewer.id, 'post', { groupId });
    await checkGoals(tx, viewer.id);
    await learnFromEngagement(tx, viewer.id, post.id, 'post');
    if (groupId) await awardGroupAchievements(tx, groupId, 'group_post');
    // Fan-out on write: followers' and members' precomputed For you lists are overtaken by this post.
    await markForYouStale(tx, { authorId: viewer.id, groupId });
    return post.id;
  };
  if (!input.groupId) {
    await db.transaction((tx) => write(tx, null, null));
    revalidatePath(`/u/${viewer.handle}`);
    revalidatePath('/feed');
    return { success: 'Posted to your profile.' };
  }
  return inGroup(viewer, input.groupId, async (ctx) => {
    const channel = input.channelId ? await findChannel(ctx.tx, input.channelId) : undefined;
    if (!channel || channel.groupId !== ctx.group.id) refuse('Choose a channel of this group to post in.');
    demand(ctx, 'post', { channel: channelInfo(channel) });
    await write(ctx.tx, ctx.group.id, channel.id);
    revalidatePath('/feed');
    return { success: `Posted in #${channel.name}.` };
  });
});

export const editPostAction = validatedActionWithUser(editPostSchema, (input, viewer) =>
  withPost(viewer, input.postId, async (post, tx) => {
    if (post.authorId !== viewer.id) refuse('Only the author can edit a post.');
    if (post.removedAt) refuse('This post was removed by the group’s moderators and cannot be edited.');
    const mentioned = await mentionablePeople(tx, input.body, viewer.id);
    const bodyHtml = renderBodyHtml(input.body, 'post', mentioned.map((u) => u.handle));
    await tx.update(posts).set({ body: input.body, bodyHtml, editedAt: new Date() }).where(eq(posts.id, post.id));
    await replacePostTags(tx, post.id, input.tags);
    await recordMentionsAndNotify(tx, { id: post.id, body: input.body, authorId: viewer.id }, mentioned);
    revalidatePath(`/p/${post.id}`);
    return { success: 'Saved.' };
  }),
);

export const deletePostAction = validatedActionWithUser(postRefSchema, (input, viewer) =>
  withPost(viewer, input.postId, async (post, tx) => {
    if (post.authorId !== viewer.id) refuse('Only the author can delete a post. Moderators remove posts instead.');
    await deleteOwnPost(tx, viewer.id, post.id);
    revalidatePath('/feed');
    return { success: 'Post deleted.' };
  }),
);

export const createCommentAction = validatedActionWithUser(createCommentSchema, async (input, viewer) => {
  const limited = await limitPerson(db, viewer.id, rules.comment);
  if (!limited.allowed) return { error: limited.message };
  return withPost(viewer, input.postId, async (post, tx, ctx) => {
    if (post.removedAt) refuse('This post was removed; it takes no new comments.');
    if (ctx) demand(ctx, 'comment');
    if (post.commentsLocked) refuse('Comments on this post are locked.');
    // Only a group's moderators still see a post across a block (visiblePosts); they may moderate it, not reply.
    await refuseAcrossBlock(tx, viewer.id, post.authorId, 'comment on this post');
    let parentId: string | null = null;
    let parentAuthor: string | null = null;
    if (input.parentId) {
      const [parent] = await tx.select().from(comments).where(and(eq(comments.id, input.parentId), eq(comments.postId, post.id)));
      if (!parent) refuse('The comment you are replying to is gone.');
      await refuseAcrossBlock(tx, viewer.id, parent.authorId, 'reply to this comment');
      parentId = parent.parentId ?? parent.id; // one level of replies
      parentAuthor = parent.authorId;
    }
    const [comment] = await tx.insert(comments).values({ postId: post.id, authorId: viewer.id, parentId, body: input.body, bodyHtml: renderBodyHtml(input.body, 'comment') }).returning({ id: comments.id });
    // The notification names the comment it quotes, so it leaves with it (forgetCommentNotifications).
    const data = { excerpt: excerpt(input.body), post: excerpt(post.body, 60), comment: comment.id };
    await notify(tx, { userId: post.authorId, kind: 'reply', actorId: viewer.id, groupId: post.groupId, link: `/p/${post.id}`, subjectId: post.id, data });
    if (parentAuthor && parentAuthor !== post.authorId) {
      await notify(tx, { userId: parentAuthor, kind: 'reply', actorId: viewer.id, groupId: post.groupId, link: `/p/${post.id}`, subjectId: post.id, data });
    }
    await awardMilestones(tx, viewer.id, 'comment', { groupId: post.groupId });
    await checkGoals(tx, viewer.id);
    await learnFromEngagement(tx, viewer.id, post.id, 'comment');
    revalidatePath(`/p/${post.id}`);
    return { success: 'Comment posted.' };
  });
});

/** Refuses when a block stands between the viewer and `otherId`, saying so only to the one who blocked. */
async function refuseAcrossBlock(tx: Transaction, viewerId: string, otherId: string, what: string) {
  const block = await blockBetween(tx, viewerId, otherId);
  if (block === 'you_blocked') refuse(`You blocked this person, so you cannot ${what}. Unblock them in Settings → Blocked people first.`);
  if (block === 'blocked_you') refuse(`You cannot ${what}.`);
}

/**
 * The author edits their comment: the new text is shown (rendered from markdown when written, as on creation), marked
 * "edited", and the reply notifications that quote it quote the new words. Not once moderators removed it; a locked
 * post's comments may still be corrected by their authors.
 */
export const editCommentAction = validatedActionWithUser(editCommentSchema, async (input, viewer) => {
  const [comment] = await db.select().from(comments).where(eq(comments.id, input.commentId));
  if (!comment) return { error: 'That comment no longer exists.' };
  return withPost(viewer, comment.postId, async (post, tx) => {
    if (comment.authorId !== viewer.id) refuse('Only the author can edit a comment.');
    if (comment.removedAt) refuse('This comment was removed by the group’s moderators and cannot be edited.');
    if (post.removedAt) refuse('This post was removed; its comments cannot be edited.');
    await tx.update(comments).set({ body: input.body, bodyHtml: renderBodyHtml(input.body, 'comment'), editedAt: new Date() }).where(eq(comments.id, comment.id));
    await tx
      .update(notifications)
      .set({ data: sql`${notifications.data} || jsonb_build_object('excerpt', ${excerpt(input.body)}::text)` })
      .where(and(eq(notifications.kind, 'reply'), sql`${notifications.data}->>'comment' = ${comment.id}`));
    revalidatePath(`/p/${post.id}`);
    return { success: 'Comment saved.' };
  });
});

export const deleteCommentAction = validatedActionWithUser(commentRefSchema, async (input, viewer) => {
  const [comment] = await db.select().from(comments).where(eq(comments.id, input.commentId));
  if (!comment) return { error: 'That comment no longer exists.' };
  return withPost(viewer, comment.postId, async (post, tx) => {
    if (comment.authorId !== viewer.id) refuse('Only the author can delete a comment.');
    await deleteOwnComment(tx, viewer.id, comment.id);
    revalidatePath(`/p/${post.id}`);
    return { success: 'Comment deleted.' };
  });
});

export const toggleReactionAction = validatedActionWithUser(reactionSchema, async (input, viewer) => {
  const limited = await limitPerson(db, viewer.id, rules.reaction);
  if (!limited.allowed) return { error: limited.message };
  return withPost(viewer, input.postId, async (post, tx, ctx) => {
    if (ctx) demand(ctx, 'react');
    const removed = await tx
      .delete(reactions)
      .where(and(eq(reactions.postId, post.id), eq(reactions.userId, viewer.id), eq(reactions.emoji, input.emoji)))
      .returning();
    for (const r of removed) await forgetEngagement(tx, viewer.id, post.id, 'reaction', new Date(r.createdAt));
    if (!removed.length) {
      const added = await tx.insert(reactions).values({ postId: post.id, userId: viewer.id, emoji: input.emoji }).onConflictDoNothing().returning();
      if (added.length) await learnFromEngagement(tx, viewer.id, post.id, 'reaction');
      await notify(tx, { userId: post.authorId, kind: 'reaction', actorId: viewer.id, groupId: post.groupId, link: `/p/${post.id}`, subjectId: post.id, data: { emoji: input.emoji, post: excerpt(post.body, 60) } });
      await awardMilestones(tx, post.authorId, 'reaction_received', { groupId: post.groupId });
      await checkGoals(tx, viewer.id);
    }
    return { success: removed.length ? 'Reaction removed.' : 'Reacted.' };
  });
});

export const toggleBookmarkAction = validatedActionWithUser(toggleSchema, (input, viewer) =>
  withPost(viewer, input.postId, async (post, tx) => {
    if (input.on) {
      const added = await tx.insert(bookmarks).values({ userId: viewer.id, postId: post.id }).onConflictDoNothing().returning();
      if (added.length) await learnFromEngagement(tx, viewer.id, post.id, 'bookmark');
    } else {
      const gone = await tx.delete(bookmarks).where(and(eq(bookmarks.userId, viewer.id), eq(bookmarks.postId, post.id))).returning();
      for (const b of gone) await forgetEngagement(tx, viewer.id, post.id, 'bookmark', new Date(b.createdAt));
    }
    return { success: input.on ? 'Bookmarked.' : 'Bookmark removed.' };
  }),
);

export const pinPostAction = validatedActionWithUser(toggleSchema, (input, viewer) =>
  withPost(viewer, input.postId, async (post, tx, ctx) => {
    const g = await moderate(ctx, 'pin');
    await tx.update(posts).set({ pinnedAt: input.on ? new Date() : null }).where(eq(posts.id, post.id));
    await audit(g, input.on ? 'post.pin' : 'post.unpin', post.authorId, { post: post.id });
    return { success: input.on ? 'Pinned to the top of the group.' : 'Unpinned.' };
  }),
);

export const lockCommentsAction = validatedActionWithUser(toggleSchema, (input, viewer) =>
  withPost(viewer, input.postId, async (post, tx, ctx) => {
    await lockComments(ctx, post, input.on);
    return { success: input.on ? 'Comments locked.' : 'Comments unlocked.' };
  }),
);

export const removePostAction = validatedActionWithUser(removePostSchema, (input, viewer) =>
  withPost(viewer, input.postId, async (post, tx, ctx) => {
    await removePostAsModerator(ctx, post, input.reason);
    return { success: 'Post removed. The author can see why.' };
  }),
);

export const removeCommentAction = validatedActionWithUser(removeCommentSchema, async (input, viewer) => {
  const [comment] = await db.select().from(comments).where(and(eq(comments.id, input.commentId), isNull(comments.removedAt)));
  if (!comment) return { error: 'That comment no longer exists.' };
  return withPost(viewer, comment.postId, async (post, tx, ctx) => {
    await removeCommentAsModerator(ctx, post, comment, input.reason);
    return { success: 'Comment removed.' };
  });
});

export const followPersonAction = validatedActionWithUser(followSchema, async (input, viewer) => {
  if (input.userId === viewer.id) return { error: 'You cannot follow yourself.' };
  const [target] = await db.select({ handle: users.handle }).from(users).where(eq(users.id, input.userId));
  if (!target) return { error: 'That person no longer has an account.' };
  if (input.on) {
    const block = await blockBetween(db, viewer.id, input.userId);
    if (block === 'you_blocked') return { error: `You blocked @${target.handle}. Unblock them first to follow them.` };
    if (block === 'blocked_you') return { error: `You cannot follow @${target.handle}.` };
  }
  await db.transaction(async (tx) => {
    if (!input.on) {
      await tx.delete(follows).where(and(eq(follows.followerId, viewer.id), eq(follows.followeeId, input.userId)));
      return;
    }
    const added = await tx.insert(follows).values({ followerId: viewer.id, followeeId: input.userId }).onConflictDoNothing().returning();
    if (added.length) await notify(tx, { userId: input.userId, kind: 'follow', actorId: viewer.id, link: `/u/${viewer.handle}` });
  });
  revalidatePath(`/u/${target.handle}`);
  revalidatePath('/feed');
  return { success: input.on ? `Following @${target.handle}.` : `Unfollowed @${target.handle}.` };
}, { invalidates: ['personCache'] });

export const followTagAction = validatedActionWithUser(tagFollowSchema, async (input, viewer) => {
  if (input.on) await db.insert(tagFollows).values({ userId: viewer.id, tag: input.tag }).onConflictDoNothing();
  else await db.delete(tagFollows).where(and(eq(tagFollows.userId, viewer.id), eq(tagFollows.tag, input.tag)));
  revalidatePath(`/t/${input.tag}`);
  revalidatePath('/feed');
  return { success: input.on ? `Following #${input.tag}.` : `Unfollowed #${input.tag}.` };
}, { invalidates: ['personCache'] });
