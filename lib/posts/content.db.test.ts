// The content core through its Server Actions and queries: visibility, one level of replies, toggles, edits, mentions.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { bookmarks, channels, comments, groupMembers, interests, mentions, notifications, postTags, posts, reactions, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { createGroupRecords } from '@/lib/groups/setup';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import * as actions from './actions';
import { renderUnrenderedComments } from './comment-html-backfill';
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
    await expectRefused(() => call(actions.toggleReactionAction, { postId: secret.id, emoji: '❤️' }), { error: /cannot see it/, caller: outsider });
    await expectRefused(() => call(actions.toggleBookmarkAction, { postId: secret.id, on: 'true' }), { error: /cannot see it/, caller: outsider });
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
    await expectRefused(() => call(actions.createCommentAction, { postId: post.id, body: 'Hello?' }), { error: 'Comments on this post are locked.', caller: member });
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
    await expectAllowed(() => call(actions.toggleBookmarkAction, { postId: post.id, on: 'true' }), {
      changes: [bookmarks],
      effect: async () => expect(await db.select().from(bookmarks).where(eq(bookmarks.postId, post.id))).toEqual([expect.objectContaining({ userId: member.id })]),
    });
    await call(actions.toggleBookmarkAction, { postId: post.id, on: 'true' });
    expect((await getPost(member, post.id))?.bookmarked).toBe(true);
    expect((await getPost(owner, post.id))?.bookmarked, 'a bookmark is the caller’s own').toBe(false);
    await expectAllowed(() => call(actions.toggleBookmarkAction, { postId: post.id, on: 'false' }), { changes: [bookmarks] });
    expect((await getPost(member, post.id))?.bookmarked).toBe(false);
  });
});

describe('writing', () => {
  it('edits mark the post as edited and replace its tags and mentions', async () => {
    const post = await postAs(member, publicGroup, publicGeneral, 'Hello @' + owner.handle, '#first');
    expect(await db.select({ userId: mentions.userId }).from(mentions).where(eq(mentions.postId, post.id))).toEqual([{ userId: owner.id }]);
    actAs(member);
    await expectAllowed(() => call(actions.editPostAction, { postId: post.id, body: 'Hello everyone', tags: '#second, third' }), { changes: [posts, postTags, mentions] });
    const card = await getPost(member, post.id);
    expect(card?.editedAt).toBeInstanceOf(Date);
    expect(card?.tags).toEqual(['second', 'third']);
    expect(await db.select().from(mentions).where(eq(mentions.postId, post.id))).toHaveLength(0);
    expect((await db.select().from(postTags).where(eq(postTags.postId, post.id))).map((t) => t.tag).sort()).toEqual(['second', 'third']);
    // New tags join the shared interest vocabulary.
    const vocabulary = await db.select().from(interests).where(inArray(interests.slug, ['second', 'third']));
    expect(vocabulary.map((i) => i.label).sort()).toEqual(['Second', 'Third']);
  });

  it('a mention inside code is text: no link, no mention row, no notification; outside code it is all three', async () => {
    const body = `Try \`npm i @${owner.handle}\`\n\n\`\`\`\n@${owner.handle}\n\`\`\``;
    const post = await postAs(member, publicGroup, publicGeneral, body);
    expect(post.bodyHtml).toContain(`<code>npm i @${owner.handle}</code>`);
    expect(post.bodyHtml).not.toContain('/u/');
    expect(await db.select().from(mentions).where(eq(mentions.postId, post.id))).toHaveLength(0);
    expect(await db.select().from(notifications).where(and(eq(notifications.subjectId, post.id), eq(notifications.kind, 'mention')))).toHaveLength(0);
    actAs(member);
    expect((await call(actions.editPostAction, { postId: post.id, body: `${body}\n\nThanks @${owner.handle}`, tags: '' })).error).toBeUndefined();
    const [edited] = await db.select().from(posts).where(eq(posts.id, post.id));
    expect(edited.bodyHtml).toContain(`<a href="/u/${owner.handle}" rel="nofollow noopener ugc">@${owner.handle}</a>`);
    expect(edited.bodyHtml).toContain(`<code>npm i @${owner.handle}</code>`);
    expect(await db.select({ userId: mentions.userId }).from(mentions).where(eq(mentions.postId, post.id))).toEqual([{ userId: owner.id }]);
    expect(await db.select().from(notifications).where(and(eq(notifications.subjectId, post.id), eq(notifications.kind, 'mention')))).toHaveLength(1);
  });

  it('a comment is rendered once, when written, and stored; older ones are backfilled the same way', async () => {
    const post = await postAs(member, publicGroup, publicGeneral, 'Comment on me');
    actAs(owner);
    expect((await call(actions.createCommentAction, { postId: post.id, body: '**bold** and `@code`' })).error).toBeUndefined();
    const [stored] = await db.select().from(comments).where(eq(comments.postId, post.id));
    expect(stored.bodyHtml).toBe('<p><strong>bold</strong> and <code>@code</code></p>');
    // A comment from before rendering on write: the read renders it meanwhile, the backfill stores the same HTML.
    const [older] = await db.insert(comments).values({ postId: post.id, authorId: owner.id, body: 'An _older_ one' }).returning();
    expect((await getComments(owner, post.id)).find((c) => c.id === older.id)?.bodyHtml).toBe('<p>An <em>older</em> one</p>');
    expect(await renderUnrenderedComments(db, 1)).toBeGreaterThanOrEqual(1);
    const [backfilled] = await db.select().from(comments).where(eq(comments.id, older.id));
    expect(backfilled.bodyHtml).toBe('<p>An <em>older</em> one</p>');
    expect(await db.select().from(comments).where(isNull(comments.bodyHtml))).toHaveLength(0);
  });

  it('posts on one’s own profile, and nobody else’s', async () => {
    actAs(outsider);
    expect((await call(actions.createPostAction, { body: 'On my profile', tags: '' })).success).toBe('Posted to your profile.');
    const [mine] = await db.select().from(posts).where(and(eq(posts.authorId, outsider.id), eq(posts.body, 'On my profile')));
    expect(mine.groupId).toBeNull();
    actAs(member);
    await expectRefused(() => call(actions.editPostAction, { postId: mine.id, body: 'Hijacked', tags: '' }), { error: 'Only the author can edit a post.', others: [outsider.id, owner.id] });
    await expectRefused(() => call(actions.deletePostAction, { postId: mine.id }), { error: /Only the author/, others: [outsider.id, owner.id] });
    await expectRefused(() => call(actions.editPostAction, { postId: mine.id, body: '', tags: '' }), { others: [outsider.id] });
    await expectRefused(() => call(actions.deletePostAction, { postId: crypto.randomUUID() }), { error: /does not exist/, others: [outsider.id] });
  });

  it('the author deletes their own post and comment, with what hangs on them; nobody else can', async () => {
    const post = await postAs(member, publicGroup, publicGeneral, 'Delete me later');
    actAs(owner);
    await call(actions.createCommentAction, { postId: post.id, body: 'A comment of the owner' });
    const [ownersComment] = await db.select().from(comments).where(and(eq(comments.postId, post.id), eq(comments.authorId, owner.id)));
    actAs(member);
    await call(actions.createCommentAction, { postId: post.id, body: 'A comment of the author' });
    const [authorsComment] = await db.select().from(comments).where(and(eq(comments.postId, post.id), eq(comments.authorId, member.id)));
    // Someone else's comment, even on the caller's own post, is not theirs to delete (moderators remove instead).
    await expectRefused(() => call(actions.deleteCommentAction, { commentId: ownersComment.id }), { error: 'Only the author can delete a comment.', others: [owner.id, outsider.id] });
    await expectRefused(() => call(actions.deleteCommentAction, { commentId: crypto.randomUUID() }), { error: 'That comment no longer exists.', others: [owner.id] });
    await expectAllowed(() => call(actions.deleteCommentAction, { commentId: authorsComment.id }), {
      changes: [comments],
      effect: async () => expect((await getComments(outsider, post.id)).map((c) => c.body)).toEqual(['A comment of the owner']),
    });
    actAs(outsider);
    await expectRefused(() => call(actions.deletePostAction, { postId: post.id }), { error: /Only the author/, caller: outsider, others: [member.id, owner.id] });
    actAs(member);
    await expectAllowed(() => call(actions.deletePostAction, { postId: post.id }), {
      changes: [posts, comments],
      effect: async () => {
        expect(await getPost(outsider, post.id)).toBeNull();
        expect(await getPost(member, post.id)).toBeNull();
        expect(await db.select().from(comments).where(eq(comments.postId, post.id))).toEqual([]);
      },
    });
  });

  it('signed-out callers are turned away before anything is read', async () => {
    actAs(null);
    await expectRefused(() => call(actions.createPostAction, { body: 'Anonymous', tags: '' }), { error: 'Your session has ended — please sign in again.' });
  });
});
