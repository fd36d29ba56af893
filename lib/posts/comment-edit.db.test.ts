// Editing a comment: its author only, rendered like a new one, marked edited; never once moderators removed it.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { channels, comments, groupMembers, notifications, posts, userBlocks, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { blockPersonAction } from '@/lib/blocks/actions';
import { createGroupRecords } from '@/lib/groups/setup';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { createCommentAction, createPostAction, editCommentAction, lockCommentsAction, removeCommentAction } from './actions';
import { getComments } from './queries';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

let n = 0;
async function person(name: string): Promise<Viewer> {
  const handle = `${name.toLowerCase()}_ce${++n}${Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 4)}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  return { id: u.id, handle, name, image: null };
}

/** A group post by its owner, with a comment by a member. */
async function scene() {
  const owner = await person('Owner');
  const member = await person('Member');
  const slug = `ce-${++n}-${Date.now()}`;
  const { groupId, channelId } = await db.transaction(async (tx) => {
    const { group } = await createGroupRecords(tx, { name: slug, slug, description: '', topic: 'testing', visibility: 'public' }, owner.id);
    await tx.insert(groupMembers).values({ groupId: group.id, userId: member.id });
    const [general] = await tx.select().from(channels).where(and(eq(channels.groupId, group.id), eq(channels.name, 'general')));
    return { groupId: group.id, channelId: general.id };
  });
  actAs(owner);
  await expectAllowed(() => call(createPostAction, { groupId, channelId, body: 'What did you see at the tide pools?' }), { changes: [posts] });
  const [post] = await db.select().from(posts).where(eq(posts.authorId, owner.id));
  actAs(member);
  await expectAllowed(() => call(createCommentAction, { postId: post.id, body: 'Two crabs' }), { changes: [comments] });
  const [comment] = await db.select().from(comments).where(eq(comments.authorId, member.id));
  return { owner, member, post, comment };
}

const stored = async (id: string) => (await db.select().from(comments).where(eq(comments.id, id)))[0];

describe('editing a comment', () => {
  it('the author edits it: new words rendered from markdown, an edit time, and the reply notification quotes the new words', async () => {
    const { owner, member, post, comment } = await scene();
    actAs(member);
    expect(await call(editCommentAction, { commentId: comment.id, body: 'Two **hermit** crabs' })).toEqual({ success: 'Comment saved.' });
    const after = await stored(comment.id);
    expect(after.body).toBe('Two **hermit** crabs');
    expect(after.editedAt).toBeInstanceOf(Date);
    const [view] = await getComments(owner, post.id);
    expect(view.bodyHtml).toContain('<strong>hermit</strong>');
    expect(view.editedAt?.getTime()).toBe(after.editedAt!.getTime());
    const [reply] = await db.select().from(notifications).where(and(eq(notifications.userId, owner.id), eq(notifications.kind, 'reply')));
    expect(reply.data).toMatchObject({ excerpt: 'Two **hermit** crabs', comment: comment.id });
  });

  it('refuses anyone but the author, an empty text and a missing comment, and changes nothing', async () => {
    const { owner, comment } = await scene();
    actAs(owner);
    await expectRefused(() => call(editCommentAction, { commentId: comment.id, body: 'Moderators do not rewrite people' }), { error: 'Only the author can edit a comment.' });
    actAs(await person('Stranger'));
    await expectRefused(() => call(editCommentAction, { commentId: comment.id, body: 'Hijack' }), { error: 'Only the author can edit a comment.' });
    actAs({ id: comment.authorId, handle: 'x', name: 'x', image: null });
    await expectRefused(() => call(editCommentAction, { commentId: comment.id, body: '   ' }), { error: 'Please fix the highlighted fields.' });
    await expectRefused(() => call(editCommentAction, { commentId: crypto.randomUUID(), body: 'Gone' }), { error: 'That comment no longer exists.' });
    const after = await stored(comment.id);
    expect(after.body).toBe('Two crabs');
    expect(after.editedAt).toBeNull();
  });

  it('a locked post’s comments may still be corrected; a comment moderators removed may not', async () => {
    const { owner, member, post, comment } = await scene();
    actAs(owner);
    await expectAllowed(() => call(lockCommentsAction, { postId: post.id, on: 'true' }), { changes: [posts] });
    actAs(member);
    expect((await expectAllowed(() => call(editCommentAction, { commentId: comment.id, body: 'Three crabs, actually' }), { changes: [comments] })).success).toBe('Comment saved.');
    actAs(owner);
    await expectAllowed(() => call(removeCommentAction, { commentId: comment.id, reason: 'Off topic' }), { changes: [comments] });
    actAs(member);
    await expectRefused(() => call(editCommentAction, { commentId: comment.id, body: 'Sneaking back' }), { error: 'This comment was removed by the group’s moderators and cannot be edited.' });
    expect((await stored(comment.id)).body).toBe('Three crabs, actually');
  });

  it('not under a post its author no longer sees (blocked by the post’s author)', async () => {
    const author = await person('Author');
    const commenter = await person('Commenter');
    actAs(author);
    await expectAllowed(() => call(createPostAction, { body: 'On my profile' }), { changes: [posts] });
    const [post] = await db.select().from(posts).where(eq(posts.authorId, author.id));
    actAs(commenter);
    await expectAllowed(() => call(createCommentAction, { postId: post.id, body: 'Nice' }), { changes: [comments] });
    const [comment] = await db.select().from(comments).where(eq(comments.authorId, commenter.id));
    actAs(author);
    await expectAllowed(() => call(blockPersonAction, { userId: commenter.id }), { changes: [userBlocks] });
    actAs(commenter);
    await expectRefused(() => call(editCommentAction, { commentId: comment.id, body: 'Not nice' }), { error: 'That post does not exist, or you cannot see it.' });
    expect((await stored(comment.id)).body).toBe('Nice');
  });
});
