// The content core through its Server Actions and queries: visibility, one level of replies, toggles, edits, mentions.
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { channels, comments, groupMembers, interests, mentions, postTags, posts, reactions, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { createGroupRecords } from '@/lib/groups/setup';
import { actAs, call } from '@/test/actions';
import * as actions from './actions';
import { getComments, getFollowingFeed, getPost, getTagPosts } from './queries';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

let n = 0;
async function person(name: string): Promise<Viewer> {
  const handle = `${name.toLowerCase()}_${++n}${Math.random().toString(36).slice(2, 6)}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  return { id: u.id, handle: u.handle, name, image: null };
}

let owner: Viewer, member: Viewer, outsider: Viewer;
let privateGroup: string, privateGeneral: string, publicGroup: string, publicGeneral: string;

beforeAll(async () => {
  [owner, member, outsider] = await Promise.all([person('Owner'), person('Member'), person('Outsider')]);
  const make = async (slug: string, visibility: 'public' | 'invite') =>
    db.transaction(async (tx) => {
      const { group } = await createGroupRecords(tx, { name: slug, slug, description: '', topic: 'testing', visibility }, owner.id);
      await tx.insert(groupMembers).values({ groupId: group.id, userId: member.id });
      const [general] = await tx.select().from(channels).where(and(eq(channels.groupId, group.id), eq(channels.name, 'general')));
      return [group.id, general.id] as const;
    });
  [privateGroup, privateGeneral] = await make(`private-${Date.now()}`, 'invite');
  [publicGroup, publicGeneral] = await make(`public-${Date.now()}`, 'public');
});

async function postAs(viewer: Viewer, groupId: string, channelId: string, body: string, tags = '') {
  actAs(viewer);
  const result = await call(actions.createPostAction, { groupId, channelId, body, tags });
  expect(result.error).toBeUndefined();
  const [row] = await db.select().from(posts).where(and(eq(posts.authorId, viewer.id), eq(posts.body, body)));
  return row;
}

describe('who sees what', () => {
  it('posts in an invite-only group are invisible to outsiders everywhere', async () => {
    const secret = await postAs(member, privateGroup, privateGeneral, 'Members-only news', '#secret-tag');
    expect(await getPost(member, secret.id)).not.toBeNull();
    expect(await getPost(outsider, secret.id)).toBeNull();
    expect((await getTagPosts(outsider, 'secret-tag')).items).toHaveLength(0);
    expect((await getTagPosts(member, 'secret-tag')).items.map((p) => p.id)).toEqual([secret.id]);
    expect((await getFollowingFeed(outsider)).items.some((p) => p.id === secret.id)).toBe(false);
    actAs(outsider);
    expect((await call(actions.toggleReactionAction, { postId: secret.id, emoji: '❤️' })).error).toMatch(/cannot see it/);
    expect((await call(actions.toggleBookmarkAction, { postId: secret.id, on: 'true' })).error).toMatch(/cannot see it/);
  });

  it('a removed post disappears for everyone but its author, who sees why', async () => {
    const post = await postAs(member, publicGroup, publicGeneral, 'Buy cheap glaze now');
    actAs(owner);
    expect((await call(actions.removePostAction, { postId: post.id, reason: 'Advertising' })).error).toBeUndefined();
    expect(await getPost(outsider, post.id)).toBeNull();
    expect(await getPost(owner, post.id)).toBeNull();
    expect((await getPost(member, post.id))?.removed).toEqual({ reason: 'Advertising' });
  });
});

describe('conversations', () => {
  it('keeps replies one level deep: a reply to a reply joins its thread', async () => {
    const post = await postAs(member, publicGroup, publicGeneral, 'What cone do you fire to?');
    actAs(owner);
    await call(actions.createCommentAction, { postId: post.id, body: 'Cone 6' });
    const [top] = await db.select().from(comments).where(eq(comments.postId, post.id));
    actAs(member);
    await call(actions.createCommentAction, { postId: post.id, parentId: top.id, body: 'Same here' });
    const [reply] = await db.select().from(comments).where(and(eq(comments.postId, post.id), eq(comments.body, 'Same here')));
    actAs(owner);
    await call(actions.createCommentAction, { postId: post.id, parentId: reply.id, body: 'Oxidation?' });
    const thread = await getComments(member, post.id);
    expect(thread).toHaveLength(1);
    expect(thread[0].replies.map((r) => r.body)).toEqual(['Same here', 'Oxidation?']);
    expect((await getPost(member, post.id))?.commentCount).toBe(3);
  });

  it('tells only the author of a removed comment why it was removed', async () => {
    const post = await postAs(owner, publicGroup, publicGeneral, 'Rules thread');
    actAs(member);
    await call(actions.createCommentAction, { postId: post.id, body: 'Something rude' });
    const [comment] = await db.select().from(comments).where(and(eq(comments.postId, post.id), eq(comments.authorId, member.id)));
    actAs(owner);
    expect((await call(actions.removeCommentAction, { commentId: comment.id, reason: 'Be kind' })).error).toBeUndefined();
    expect((await getComments(member, post.id))[0]).toMatchObject({ removed: true, body: '', removedReason: 'Be kind' });
    expect((await getComments(outsider, post.id))[0]).toMatchObject({ removed: true, body: '', removedReason: null });
  });

  it('refuses comments once locked', async () => {
    const post = await postAs(member, publicGroup, publicGeneral, 'Locked thread');
    actAs(owner);
    await call(actions.lockCommentsAction, { postId: post.id, on: 'true' });
    actAs(member);
    expect((await call(actions.createCommentAction, { postId: post.id, body: 'Hello?' })).error).toBe('Comments on this post are locked.');
  });

  it('toggles reactions and bookmarks without drift in the counts', async () => {
    const post = await postAs(owner, publicGroup, publicGeneral, 'React to me');
    actAs(member);
    await call(actions.toggleReactionAction, { postId: post.id, emoji: '🎉' });
    await call(actions.toggleReactionAction, { postId: post.id, emoji: '❤️' });
    await call(actions.toggleReactionAction, { postId: post.id, emoji: '🎉' });
    const card = await getPost(member, post.id);
    expect(card?.reactions).toEqual({ '❤️': 1 });
    expect(card?.viewerReactions).toEqual(['❤️']);
    expect(await db.select().from(reactions).where(eq(reactions.postId, post.id))).toHaveLength(1);
    expect((await call(actions.toggleReactionAction, { postId: post.id, emoji: '💩' })).fieldErrors?.emoji).toBe('That reaction is not available.');
    await call(actions.toggleBookmarkAction, { postId: post.id, on: 'true' });
    await call(actions.toggleBookmarkAction, { postId: post.id, on: 'true' });
    expect((await getPost(member, post.id))?.bookmarked).toBe(true);
    await call(actions.toggleBookmarkAction, { postId: post.id, on: 'false' });
    expect((await getPost(member, post.id))?.bookmarked).toBe(false);
  });
});

describe('writing', () => {
  it('edits mark the post as edited and replace its tags and mentions', async () => {
    const post = await postAs(member, publicGroup, publicGeneral, 'Hello @' + owner.handle, '#first');
    expect(await db.select({ userId: mentions.userId }).from(mentions).where(eq(mentions.postId, post.id))).toEqual([{ userId: owner.id }]);
    actAs(member);
    expect((await call(actions.editPostAction, { postId: post.id, body: 'Hello everyone', tags: '#second, third' })).error).toBeUndefined();
    const card = await getPost(member, post.id);
    expect(card?.editedAt).toBeInstanceOf(Date);
    expect(card?.tags).toEqual(['second', 'third']);
    expect(await db.select().from(mentions).where(eq(mentions.postId, post.id))).toHaveLength(0);
    expect((await db.select().from(postTags).where(eq(postTags.postId, post.id))).map((t) => t.tag).sort()).toEqual(['second', 'third']);
    // New tags join the shared interest vocabulary.
    const vocabulary = await db.select().from(interests).where(inArray(interests.slug, ['second', 'third']));
    expect(vocabulary.map((i) => i.label).sort()).toEqual(['Second', 'Third']);
  });

  it('posts on one’s own profile, and nobody else’s', async () => {
    actAs(outsider);
    expect((await call(actions.createPostAction, { body: 'On my profile', tags: '' })).success).toBe('Posted to your profile.');
    const [mine] = await db.select().from(posts).where(and(eq(posts.authorId, outsider.id), eq(posts.body, 'On my profile')));
    expect(mine.groupId).toBeNull();
    actAs(member);
    expect((await call(actions.editPostAction, { postId: mine.id, body: 'Hijacked', tags: '' })).error).toBe('Only the author can edit a post.');
    expect((await call(actions.deletePostAction, { postId: mine.id })).error).toMatch(/Only the author/);
  });

  it('signed-out callers are turned away before anything is read', async () => {
    actAs(null);
    expect((await call(actions.createPostAction, { body: 'Anonymous', tags: '' })).error).toBe('Your session has ended — please sign in again.');
  });
});
