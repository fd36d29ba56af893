// Blocking, both ways: neither sees the other's posts, comments or profile on any path that reads them, and neither
// can reply to, mention, follow or congratulate the other. Group moderators keep seeing what they moderate.
import { and, count, eq, or, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { activitySignals, bookmarks, channels, comments, feedControls, follows, groupMembers, media, mediaVariants, mentions, milestones, notifications, postImages, posts, profiles, reactions, userBlocks, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { createGroupRecords } from '@/lib/groups/setup';
import { getMediaAccess } from '@/lib/media/queries';
import { congratulateAction, sendThankYouNoteAction } from '@/lib/milestones/actions';
import { getCelebrationsFor, getGroupCelebrations } from '@/lib/milestones/celebrations';
import { milestoneSeenBy } from '@/lib/milestones/visibility';
import { notify } from '@/lib/notifications/notify';
import { listNotifications, unreadCount } from '@/lib/notifications/queries';
import { createCommentAction, createPostAction, followPersonAction, removeCommentAction, toggleBookmarkAction, toggleReactionAction } from '@/lib/posts/actions';
import { getAuthorPosts, getBookmarkedPosts, getComments, getGroupPosts, getPost, getTagPosts } from '@/lib/posts/queries';
import { eraseAccountData, registry } from '@/lib/privacy/registry';
import { getProfile, listSuggestedPeople } from '@/lib/profiles/queries';
import { setInterestChoiceAction } from '@/lib/recommend/actions';
import { buildDiscoverSet, getDiscover } from '@/lib/recommend/discover';
import { getFeed } from '@/lib/recommend/feed';
import { rankForYou } from '@/lib/recommend/for-you-list';
import { personalizationOf } from '@/lib/recommend/profile';
import { getFeedControlsPage } from '@/lib/recommend/queries';
import { searchAll, typeahead } from '@/lib/search/queries';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { generateMetadata } from '@/app/(main)/p/[id]/page';
import { blockPersonAction, unblockPersonAction } from './actions';
import { listBlockedPeople } from './queries';
import { blockBetween } from './rule';
import { sayYes } from '@/test/consents';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('@/lib/auth/config', () => ({ signOut: async () => {} }));

let n = 0;
/** Letters only, so full-text search sees one word. */
const word = () => `zb${(++n).toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}${Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 6)}`;

async function person(name: string): Promise<Viewer> {
  const handle = `${name.toLowerCase()}_bl${++n}${Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 4)}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  // They said yes to everything asked at onboarding (consents are off until a person does).
  await sayYes(u.id);
  return { id: u.id, handle, name, image: null };
}

async function block(who: Viewer, whom: Viewer) {
  actAs(who);
  const result = await call(blockPersonAction, { userId: whom.id });
  expect(result.error).toBeUndefined();
  return result;
}

/**
 * An author's profile post (an image, a tag, a word to search for, a mention of `reader`); the reader follows the
 * author, comments, reacts and bookmarks while they may see it.
 */
async function scene() {
  const author = await person('Author');
  const reader = await person('Reader');
  const tag = word();
  const text = word();
  actAs(author);
  await expectAllowed(() => call(createPostAction, { body: `Tide pools at dawn, ${text} — @${reader.handle} come along`, tags: tag }), { changes: [posts] });
  const [post] = await db.select().from(posts).where(eq(posts.authorId, author.id));
  const [image] = await db.insert(media).values({ ownerId: author.id, kind: 'post_image', width: 8, height: 8, sha256: text }).returning();
  await db.insert(mediaVariants).values({ mediaId: image.id, name: '640', width: 8, height: 8, contentType: 'image/webp', etag: `"${text}"`, bytes: Buffer.from('not really an image') });
  await db.insert(postImages).values({ postId: post.id, mediaId: image.id, position: 0 });
  await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
  actAs(reader);
  await expectAllowed(() => call(createCommentAction, { postId: post.id, body: 'Count me in' }), { changes: [comments] });
  await expectAllowed(() => call(toggleReactionAction, { postId: post.id, emoji: '❤️' }), { changes: [reactions] });
  await expectAllowed(() => call(toggleBookmarkAction, { postId: post.id, on: 'true' }), { changes: [bookmarks] });
  const [comment] = await db.select().from(comments).where(eq(comments.postId, post.id));
  return { author, reader, post, imageId: image.id, tag, text, comment };
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const feedIds = (feed: Awaited<ReturnType<typeof getFeed>>) => feed.items.map((i) => i.post.id);
const blocksOf = async (blockerId: string) => (await db.select().from(userBlocks).where(eq(userBlocks.blockerId, blockerId))).map((b) => b.blockedId);

async function groupWith(owner: Viewer, members: Viewer[], visibility: 'public' | 'invite' = 'public') {
  const slug = `blk-${word()}`;
  return db.transaction(async (tx) => {
    const { group } = await createGroupRecords(tx, { name: slug, slug, description: '', topic: 'testing', visibility }, owner.id);
    if (members.length) await tx.insert(groupMembers).values(members.map((m) => ({ groupId: group.id, userId: m.id })));
    const [general] = await tx.select().from(channels).where(and(eq(channels.groupId, group.id), eq(channels.name, 'general')));
    return { groupId: group.id, channelId: general.id };
  });
}

describe('blocking and unblocking', () => {
  it('refuses blocking yourself or someone who does not exist, and writes nothing', async () => {
    const me = await person('Me');
    actAs(me);
    await expectRefused(() => call(blockPersonAction, { userId: me.id }), { error: 'You cannot block yourself.' });
    await expectRefused(() => call(blockPersonAction, { userId: crypto.randomUUID() }), { error: 'That person no longer has an account.' });
    await expectRefused(() => call(blockPersonAction, { userId: '' }), { error: 'Please fix the highlighted fields.' });
    const [row] = await db.select({ n: count() }).from(userBlocks).where(or(eq(userBlocks.blockerId, me.id), eq(userBlocks.blockedId, me.id)));
    expect(Number(row.n)).toBe(0);
    actAs(null);
    await expectRefused(() => call(blockPersonAction, { userId: me.id }), { error: 'Your session has ended — please sign in again.', others: [me.id] });
  });

  it('a block is stored once, ends follows both ways, and is listed for the blocker alone', async () => {
    const a = await person('Ana');
    const b = await person('Ben');
    await db.insert(follows).values([
      { followerId: a.id, followeeId: b.id },
      { followerId: b.id, followeeId: a.id },
    ]);
    actAs(a);
    const result = await expectAllowed(() => call(blockPersonAction, { userId: b.id }), {
      changes: [userBlocks, follows],
      effect: async () => expect(await db.select().from(userBlocks).where(eq(userBlocks.blockedId, b.id))).toEqual([expect.objectContaining({ blockerId: a.id })]),
    });
    expect(result.success).toContain(`You blocked @${b.handle}`);
    await block(a, b); // a second click: still one row
    expect(await blocksOf(a.id)).toEqual([b.id]);
    expect(await db.select().from(follows).where(or(eq(follows.followerId, a.id), eq(follows.followeeId, a.id)))).toEqual([]);
    expect((await listBlockedPeople(a)).map((p) => p.handle)).toEqual([b.handle]);
    expect(await listBlockedPeople(b)).toEqual([]);
    expect(await blockBetween(db, a.id, b.id)).toBe('you_blocked');
    expect(await blockBetween(db, b.id, a.id)).toBe('blocked_you');
  });

  it('only the blocker can unblock; unblocking restores what the block hid (not the follows)', async () => {
    const { author, reader, post } = await scene();
    await block(author, reader);
    expect(await getPost(reader, post.id)).toBeNull();
    // The blocked person cannot lift it, nor can anyone else: nothing changes.
    actAs(reader);
    await expectRefused(() => call(unblockPersonAction, { userId: author.id }), { error: 'You have not blocked that person.' });
    const stranger = await person('Stranger');
    actAs(stranger);
    await expectRefused(() => call(unblockPersonAction, { userId: reader.id }), { error: 'You have not blocked that person.' });
    expect(await blocksOf(author.id)).toEqual([reader.id]);
    actAs(author);
    expect((await expectAllowed(() => call(unblockPersonAction, { userId: reader.id }), { changes: [userBlocks] })).success).toBe(`You unblocked @${reader.handle}.`);
    expect(await blocksOf(author.id)).toEqual([]);
    expect((await getPost(reader, post.id))?.id).toBe(post.id);
    expect(await db.select().from(follows).where(eq(follows.followerId, reader.id))).toEqual([]);
  });
});

// Each path that reads a post (postReadPaths in lib/security/authorization.ts), for a block made by either side.
describe.each([
  ['the author blocked the reader', 'author'],
  ['the reader blocked the author', 'reader'],
] as const)('every path that reads a post, when %s', (_title, blocker) => {
  const blockIn = async (s: { author: Viewer; reader: Viewer }) => (blocker === 'author' ? block(s.author, s.reader) : block(s.reader, s.author));

  it('the post page, and its title', async () => {
    const s = await scene();
    actAs(s.reader);
    expect((await generateMetadata({ params: Promise.resolve({ id: s.post.id }) })).title).toContain(s.text);
    await blockIn(s);
    actAs(s.reader);
    expect((await generateMetadata({ params: Promise.resolve({ id: s.post.id }) })).title).toBe('Post not found');
    expect(await getPost(s.reader, s.post.id)).toBeNull();
    expect((await getPost(s.author, s.post.id))?.id).toBe(s.post.id);
  });

  it('the post’s images', async () => {
    const s = await scene();
    expect(await getMediaAccess(s.reader, s.imageId, '640')).not.toBeNull();
    await blockIn(s);
    expect(await getMediaAccess(s.reader, s.imageId, '640')).toBeNull();
    expect(await getMediaAccess(s.author, s.imageId, '640')).not.toBeNull();
  });

  it('the comments under it, on its author’s side too', async () => {
    const s = await scene();
    expect(ids(await getComments(s.author, s.post.id))).toEqual([s.comment.id]);
    await blockIn(s);
    expect(await getComments(s.reader, s.post.id)).toEqual([]);
    // The reader's comment stays under the post for everyone else, not for the author on the other side of the block.
    expect(await getComments(s.author, s.post.id)).toEqual([]);
    const other = await person('Other');
    expect(ids(await getComments(other, s.post.id))).toEqual([s.comment.id]);
  });

  it('its reactions: none from across the block, while the ones left stay counted', async () => {
    const s = await scene();
    await blockIn(s);
    actAs(s.reader);
    await expectRefused(() => call(toggleReactionAction, { postId: s.post.id, emoji: '🎉' }), { error: 'That post does not exist, or you cannot see it.' });
    expect((await getPost(s.author, s.post.id))?.reactions).toEqual({ '❤️': 1 });
  });

  it('notifications from the other side: hidden, and not counted', async () => {
    const s = await scene();
    const aboutPost = (items: Awaited<ReturnType<typeof listNotifications>>['items']) => items.filter((i) => i.link === `/p/${s.post.id}`).map((i) => i.kind);
    expect(aboutPost((await listNotifications(s.reader)).items)).toEqual(['mention']);
    expect(aboutPost((await listNotifications(s.author)).items).sort()).toEqual(['reaction', 'reply']);
    const [readerUnread, authorUnread] = [await unreadCount(s.reader), await unreadCount(s.author)];
    await blockIn(s);
    expect(aboutPost((await listNotifications(s.reader)).items)).toEqual([]);
    expect(aboutPost((await listNotifications(s.reader, { kind: 'mention' })).items)).toEqual([]);
    expect(aboutPost((await listNotifications(s.author)).items)).toEqual([]);
    expect(await unreadCount(s.reader)).toBe(readerUnread - 1);
    expect(await unreadCount(s.author)).toBe(authorUnread - 2);
    // Kept, not deleted: an unblock brings them back.
    const [kept] = await db.select({ n: count() }).from(notifications).where(eq(notifications.subjectId, s.post.id));
    expect(Number(kept.n)).toBe(3);
  });

  it('search and the type-ahead: the post, and the person', async () => {
    const s = await scene();
    expect(ids((await searchAll(s.reader, s.text)).posts.items)).toEqual([s.post.id]);
    expect((await typeahead(s.reader, s.text)).posts.map((p) => p.id)).toEqual([s.post.id]);
    expect(ids((await searchAll(s.reader, s.author.handle)).people)).toContain(s.author.id);
    expect((await typeahead(s.author, s.reader.handle)).people.map((p) => p.id)).toContain(s.reader.id);
    await blockIn(s);
    expect(ids((await searchAll(s.reader, s.text)).posts.items)).toEqual([]);
    expect((await typeahead(s.reader, s.text)).posts).toEqual([]);
    expect(ids((await searchAll(s.author, s.text)).posts.items)).toEqual([s.post.id]);
    expect(ids((await searchAll(s.reader, s.author.handle)).people)).not.toContain(s.author.id);
    expect((await typeahead(s.author, s.reader.handle)).people.map((p) => p.id)).not.toContain(s.reader.id);
  });

  it('Following and the chronological feed', async () => {
    const s = await scene();
    expect(feedIds(await getFeed(s.reader, { mode: 'following' }))).toContain(s.post.id);
    await blockIn(s);
    // Put the follow back behind the block's back: the rule alone must hide the post.
    await db.insert(follows).values({ followerId: s.reader.id, followeeId: s.author.id });
    expect(feedIds(await getFeed(s.reader, { mode: 'following' }))).not.toContain(s.post.id);
    expect(feedIds(await getFeed(s.reader, { mode: 'chronological' }))).not.toContain(s.post.id);
    expect(feedIds(await getFeed(s.author, { mode: 'following' }))).toContain(s.post.id);
  });

  it('For you: its candidates, and the stored list', async () => {
    const s = await scene();
    const ranked = async () => (await rankForYou(db, s.reader.id, await personalizationOf(db, s.reader.id))).map((c) => c.candidate.postId);
    expect(await ranked()).toContain(s.post.id);
    expect(feedIds(await getFeed(s.reader, { mode: 'foryou' }))).toContain(s.post.id);
    // Written straight to the table (no action marks the list stale): the stored list still names the post...
    await db.insert(userBlocks).values(blocker === 'author' ? { blockerId: s.author.id, blockedId: s.reader.id } : { blockerId: s.reader.id, blockedId: s.author.id }).onConflictDoNothing();
    const [stored] = rowsOf<{ items: { postId: string }[] }>(await db.execute(sql`select items from for_you_lists where user_id = ${s.reader.id}`));
    expect(stored.items.map((i) => i.postId)).toContain(s.post.id);
    // ...but the next read does not show it, and no new ranking proposes it.
    expect(feedIds(await getFeed(s.reader, { mode: 'foryou' }))).not.toContain(s.post.id);
    expect(await ranked()).not.toContain(s.post.id);
  });

  it('Discover: the week’s stored set and a new one', async () => {
    const s = await scene();
    const explorer = await person('Explorer');
    actAs(explorer);
    expect((await call(setInterestChoiceAction, { tag: s.tag, choice: 'follow' })).error).toBeUndefined();
    const now = new Date();
    expect((await getDiscover(explorer, now)).posts.map((p) => p.post.id)).toContain(s.post.id);
    if (blocker === 'author') await block(s.author, explorer);
    else await block(explorer, s.author);
    expect((await getDiscover(explorer, now)).posts.map((p) => p.post.id)).not.toContain(s.post.id);
    expect((await buildDiscoverSet(explorer.id, now)).map((i) => i.id)).not.toContain(s.post.id);
  });

  it('the feed controls page names a post only while it may be seen', async () => {
    const s = await scene();
    await db.insert(feedControls).values({ userId: s.reader.id, kind: 'not_interested', target: s.post.id });
    const control = async () => (await getFeedControlsPage(s.reader)).active.find((c) => c.kind === 'not_interested')!.text;
    expect(await control()).toContain('Tide pools at dawn');
    await blockIn(s);
    expect(await control()).not.toContain('Tide pools');
  });

  it('the profile and its list of posts', async () => {
    const s = await scene();
    expect((await getProfile(s.reader, s.author.handle)).kind).toBe('found');
    expect(ids((await getAuthorPosts(s.reader, s.author.id)).items)).toEqual([s.post.id]);
    await blockIn(s);
    expect(ids((await getAuthorPosts(s.reader, s.author.id)).items)).toEqual([]);
    const [blockerSide, blockedSide] = blocker === 'author' ? [s.author, s.reader] : [s.reader, s.author];
    const [blockedHandle, blockerHandle] = blocker === 'author' ? [s.reader.handle, s.author.handle] : [s.author.handle, s.reader.handle];
    // The blocker sees a minimal page with the way back; the blocked person finds no one there.
    expect(await getProfile(blockerSide, blockedHandle)).toMatchObject({ kind: 'blocked', handle: blockedHandle });
    expect(await getProfile(blockedSide, blockerHandle)).toEqual({ kind: 'not_found' });
    expect(ids((await getAuthorPosts(s.author, s.author.id)).items)).toEqual([s.post.id]);
  });

  it('bookmarks', async () => {
    const s = await scene();
    expect(ids((await getBookmarkedPosts(s.reader)).items)).toEqual([s.post.id]);
    await blockIn(s);
    expect(ids((await getBookmarkedPosts(s.reader)).items)).toEqual([]);
  });

  it('tag pages', async () => {
    const s = await scene();
    expect(ids((await getTagPosts(s.reader, s.tag)).items)).toEqual([s.post.id]);
    await blockIn(s);
    expect(ids((await getTagPosts(s.reader, s.tag)).items)).toEqual([]);
    expect(ids((await getTagPosts(s.author, s.tag)).items)).toEqual([s.post.id]);
  });

  it('the privacy dashboard: no words of the post for the other side', async () => {
    const s = await scene();
    await db.insert(activitySignals).values({ userId: s.reader.id, postId: s.post.id, kind: 'open' });
    const entry = (table: string) => registry.find((e) => e.table === table)!;
    const page = { limit: 50, offset: 0 };
    const aboutPost = (rows: Record<string, unknown>[]) => rows.filter((r) => r.subjectId === s.post.id || r.postId === s.post.id);
    expect(aboutPost(await entry('comments').list(db, s.reader.id, page))[0]!.onPost).toContain('Tide pools at dawn');
    await blockIn(s);
    const hidden = '(a post you can no longer see)';
    expect(aboutPost(await entry('comments').list(db, s.reader.id, page)).map((r) => r.onPost)).toEqual([hidden]);
    expect(aboutPost(await entry('activity_signals').list(db, s.reader.id, page)).map((r) => r.post)).toEqual([hidden]);
  });
});

describe('the block registered with the privacy registry', () => {
  it('listed and exported for the blocker only; deleting it from the dashboard unblocks; erasing either side removes it', async () => {
    const entry = registry.find((e) => e.table === 'user_blocks')!;
    const page = { limit: 50, offset: 0 };
    const [a, b, c] = [await person('Ana'), await person('Ben'), await person('Cy')];
    await block(a, b);
    await block(c, a);
    expect((await entry.list(db, a.id, page)).map((r) => r.blocked)).toEqual([b.handle]);
    expect((await entry.export(db, a.id)).map((r) => r.blocked)).toEqual([b.handle]);
    expect(await entry.count(db, a.id)).toBe(1);
    // Ben is not told who blocked him: nothing in his dashboard.
    expect(await entry.list(db, b.id, page)).toEqual([]);
    expect(await entry.export(db, b.id)).toEqual([]);
    // A key of someone else's block deletes nothing.
    expect(await db.transaction((tx) => entry.deleteItem!(tx, b.id, a.id))).toBe(false);
    expect(await db.transaction((tx) => entry.deleteItem!(tx, a.id, b.id))).toBe(true);
    expect(await blocksOf(a.id)).toEqual([]);
    await block(a, b);
    // Erasing Ana removes her block of Ben and Cy's block of her.
    await db.transaction((tx) => eraseAccountData(tx, a.id, { keepContent: false }));
    const left = await db.select().from(userBlocks).where(or(eq(userBlocks.blockerId, a.id), eq(userBlocks.blockedId, a.id)));
    expect(left).toEqual([]);
  });
});

describe('they cannot reach you', () => {
  it('a comment or a reply across a block is refused, with a clear message, even for a moderator who still sees it', async () => {
    const owner = await person('Owner');
    const member = await person('Member');
    const third = await person('Third');
    const neutral = await person('Neutral');
    const g = await groupWith(owner, [member, third, neutral]);
    const postBy = async (who: Viewer, body: string) => {
      actAs(who);
      await expectAllowed(() => call(createPostAction, { groupId: g.groupId, channelId: g.channelId, body }), { changes: [posts] });
      const [p] = await db.select().from(posts).where(eq(posts.authorId, who.id));
      return p;
    };
    const post = await postBy(member, 'A member’s post');
    const open = await postBy(neutral, 'A neutral post');
    actAs(third);
    await expectAllowed(() => call(createCommentAction, { postId: open.id, body: 'A third person answers' }), { changes: [comments] });
    const [thirds] = await db.select().from(comments).where(eq(comments.authorId, third.id));
    await block(owner, member);
    await block(third, owner);
    const before = await db.select({ n: count() }).from(comments);
    actAs(owner);
    // The owner moderates the group, so both are still in view; neither may be answered.
    expect((await getPost(owner, post.id))?.id).toBe(post.id);
    await expectRefused(() => call(createCommentAction, { postId: post.id, body: 'Hello?' }), {
      error: 'You blocked this person, so you cannot comment on this post. Unblock them in Settings → Blocked people first.',
    });
    expect(ids(await getComments(owner, open.id))).toEqual([thirds.id]);
    await expectRefused(() => call(createCommentAction, { postId: open.id, parentId: thirds.id, body: 'Reply' }), { error: 'You cannot reply to this comment.' });
    expect(await db.select({ n: count() }).from(comments)).toEqual(before);
  });

  it('a reply to the comment of someone who blocked you, under a third person’s post, is refused', async () => {
    const host = await person('Host');
    const blocker = await person('Blocker');
    const blocked = await person('Blocked');
    actAs(host);
    await expectAllowed(() => call(createPostAction, { body: 'Open thread' }), { changes: [posts] });
    const [post] = await db.select().from(posts).where(eq(posts.authorId, host.id));
    actAs(blocker);
    await expectAllowed(() => call(createCommentAction, { postId: post.id, body: 'First!' }), { changes: [comments] });
    const [first] = await db.select().from(comments).where(eq(comments.authorId, blocker.id));
    await block(blocker, blocked);
    actAs(blocked);
    // Hidden from them: they do not see it under the post...
    expect(ids(await getComments(blocked, post.id))).not.toContain(first.id);
    // ...and a reply sent anyway is refused; a comment of their own on the post is fine, and the blocker never sees it.
    await expectRefused(() => call(createCommentAction, { postId: post.id, parentId: first.id, body: 'Reply' }), { error: 'You cannot reply to this comment.' });
    await expectAllowed(() => call(createCommentAction, { postId: post.id, body: 'My own comment' }), { changes: [comments] });
    const [mine] = await db.select().from(comments).where(eq(comments.authorId, blocked.id));
    expect(ids(await getComments(blocker, post.id))).toEqual([first.id]);
    expect(ids(await getComments(host, post.id)).sort()).toEqual([first.id, mine.id].sort());
    // No reply notification reaches the blocker through the host's post either.
    expect((await listNotifications(blocker)).items.filter((i) => i.kind === 'reply')).toEqual([]);
  });

  it('an @mention across a block is not linked, not stored and not notified', async () => {
    const blocker = await person('Blocker');
    const blocked = await person('Blocked');
    const friend = await person('Friend');
    await block(blocker, blocked);
    actAs(blocked);
    await expectAllowed(() => call(createPostAction, { body: `Hey @${blocker.handle} and @${friend.handle}` }), { changes: [posts] });
    const [post] = await db.select().from(posts).where(eq(posts.authorId, blocked.id));
    expect((await db.select().from(mentions).where(eq(mentions.postId, post.id))).map((m) => m.userId)).toEqual([friend.id]);
    expect(post.bodyHtml).toContain(`/u/${friend.handle}`);
    expect(post.bodyHtml).not.toContain(`/u/${blocker.handle}`);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, blocker.id), eq(notifications.actorId, blocked.id)))).toEqual([]);
    // The other way: the blocker mentioning the person they blocked.
    actAs(blocker);
    await expectAllowed(() => call(createPostAction, { body: `Not talking to @${blocked.handle}` }), { changes: [posts] });
    const [theirs] = await db.select().from(posts).where(eq(posts.authorId, blocker.id));
    expect(await db.select().from(mentions).where(eq(mentions.postId, theirs.id))).toEqual([]);
  });

  it('following is refused both ways, with nothing written', async () => {
    const a = await person('Ana');
    const b = await person('Ben');
    await block(a, b);
    actAs(b);
    await expectRefused(() => call(followPersonAction, { userId: a.id, on: 'true' }), { error: `You cannot follow @${a.handle}.`, others: [a.id] });
    actAs(a);
    await expectRefused(() => call(followPersonAction, { userId: b.id, on: 'true' }), { error: `You blocked @${b.handle}. Unblock them first to follow them.`, others: [b.id] });
    expect(await db.select().from(follows).where(or(eq(follows.followerId, a.id), eq(follows.followerId, b.id)))).toEqual([]);
    expect(await db.select().from(notifications).where(or(eq(notifications.userId, a.id), eq(notifications.userId, b.id)))).toEqual([]);
  });

  it('notifications from across a block are not created; group notices still are', async () => {
    const a = await person('Ana');
    const b = await person('Ben');
    await block(a, b);
    for (const kind of ['reply', 'mention', 'reaction', 'follow', 'celebration', 'thank_you'] as const) {
      expect(await notify(db, { userId: a.id, kind, actorId: b.id, link: '/feed' })).toBe(false);
      expect(await notify(db, { userId: b.id, kind, actorId: a.id, link: '/feed' })).toBe(false);
    }
    expect(await notify(db, { userId: b.id, kind: 'moderation', actorId: a.id, link: '/feed', data: { what: 'post', reason: 'spam', group: 'G' } })).toBe(true);
    expect((await db.select().from(notifications).where(eq(notifications.userId, b.id))).map((r) => r.kind)).toEqual(['moderation']);
  });

  it('no congratulations or thank-you notes across a block, and their milestones are not shown', async () => {
    const a = await person('Ana');
    const b = await person('Ben');
    const [m] = await db.insert(milestones).values({ userId: a.id, rule: 'first_post' }).returning();
    await db.insert(follows).values({ followerId: b.id, followeeId: a.id });
    expect(await milestoneSeenBy(db, b.id, m.id)).toMatchObject({ celebrated: true, onProfile: true });
    await block(a, b);
    await db.insert(follows).values({ followerId: b.id, followeeId: a.id }); // behind the block's back
    expect(await milestoneSeenBy(db, b.id, m.id)).toMatchObject({ celebrated: false, onProfile: false });
    actAs(b);
    await expectRefused(() => call(congratulateAction, { milestoneId: m.id }), { error: 'That milestone is not there, or it is not shared with you.' });
    await expectRefused(() => call(sendThankYouNoteAction, { milestoneId: m.id, body: 'Well done!' }), { error: 'That milestone is not there, or it is not shared with you.' });
    expect(await db.select().from(notifications).where(eq(notifications.userId, a.id))).toEqual([]);
  });

  it('celebration cards, on the feed and on a group page, leave out the other side', async () => {
    const a = await person('Ana');
    const b = await person('Ben');
    const g = await groupWith(a, [b]);
    const [m] = await db.insert(milestones).values({ userId: b.id, rule: 'first_group_post', scope: g.groupId, groupId: g.groupId }).returning();
    expect((await getGroupCelebrations(a, g.groupId)).map((c) => c.id)).toContain(m.id);
    expect((await getCelebrationsFor(a)).map((c) => c.id)).toContain(m.id);
    await block(b, a);
    expect((await getGroupCelebrations(a, g.groupId)).map((c) => c.id)).not.toContain(m.id);
    expect((await getCelebrationsFor(a)).map((c) => c.id)).not.toContain(m.id);
    // Ben still sees his own.
    expect((await getGroupCelebrations(b, g.groupId)).map((c) => c.id)).toContain(m.id);
  });

  it('people suggestions leave out both sides', async () => {
    const a = await person('Ana');
    const b = await person('Ben');
    await groupWith(a, [b]);
    await db.insert(profiles).values([a, b].map((p) => ({ userId: p.id, suggestMe: true })));
    expect((await listSuggestedPeople(a)).map((p) => p.id)).toContain(b.id);
    await block(b, a);
    expect((await listSuggestedPeople(a)).map((p) => p.id)).not.toContain(b.id);
    expect((await listSuggestedPeople(b)).map((p) => p.id)).not.toContain(a.id);
  });
});

describe('group moderation across a block', () => {
  it('the group’s moderators still see, and can remove, what a member who blocked them writes in the group — members do not', async () => {
    const owner = await person('Owner');
    const member = await person('Member');
    const peer = await person('Peer');
    const g = await groupWith(owner, [member, peer]);
    actAs(member);
    await expectAllowed(() => call(createPostAction, { groupId: g.groupId, channelId: g.channelId, body: 'Spam in the group' }), { changes: [posts] });
    const [post] = await db.select().from(posts).where(eq(posts.authorId, member.id));
    actAs(peer);
    await expectAllowed(() => call(createCommentAction, { postId: post.id, body: 'Hm' }), { changes: [comments] });
    const [peerComment] = await db.select().from(comments).where(eq(comments.authorId, peer.id));
    await block(member, owner);
    await block(member, peer);
    await block(owner, peer);
    // The owner moderates: the post and the peer's comment stay in view, on the post and on the group page.
    expect((await getPost(owner, post.id))?.id).toBe(post.id);
    expect(ids((await getGroupPosts(owner, g.groupId)).items)).toContain(post.id);
    expect(ids(await getComments(owner, post.id))).toEqual([peerComment.id]);
    // A plain member does not.
    expect(await getPost(peer, post.id)).toBeNull();
    expect(ids((await getGroupPosts(peer, g.groupId)).items)).not.toContain(post.id);
    actAs(owner);
    await expectAllowed(() => call(removeCommentAction, { commentId: peerComment.id, reason: 'Off topic' }), { changes: [comments] });
    const [removed] = await db.select().from(comments).where(eq(comments.id, peerComment.id));
    expect(removed.removedAt).not.toBeNull();
  });
});
