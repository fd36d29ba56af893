// A post on a person's profile is seen by whom their profile is: its author always; signed-in members when the
// profile is for everyone or for members; signed-out visitors only when it is for everyone — and by nobody else
// when the posts section is hidden from others. One rule (visiblePosts), checked here on every path that reads posts.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { activitySignals, comments, feedControls, follows, groupMembers, groups, media, mediaVariants, postImages, posts, profiles, users } from '@/db/schema';
import type { ProfileVisibility } from '@/db/schema/profiles';
import type { Viewer } from '@/lib/auth/viewer';
import { getMediaAccess } from '@/lib/media/queries';
import { listNotifications, unreadCount } from '@/lib/notifications/queries';
import { registry } from '@/lib/privacy/registry';
import { getProfile } from '@/lib/profiles/queries';
import { setInterestChoiceAction } from '@/lib/recommend/actions';
import { buildDiscoverSet, getDiscover } from '@/lib/recommend/discover';
import { getFeed } from '@/lib/recommend/feed';
import { rankForYou } from '@/lib/recommend/for-you-list';
import { personalizationOf } from '@/lib/recommend/profile';
import { getFeedControlsPage } from '@/lib/recommend/queries';
import { searchAll, typeahead } from '@/lib/search/queries';
import { actAs, call } from '@/test/actions';
import { expectRefused } from '@/test/proofs';
import { generateMetadata } from '@/app/(main)/p/[id]/page';
import { createCommentAction, createPostAction, toggleBookmarkAction, toggleReactionAction } from './actions';
import { getAuthorPosts, getBookmarkedPosts, getComments, getPost, getTagPosts } from './queries';
import { visiblePosts } from './visibility';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('@/lib/auth/config', () => ({ signOut: async () => {} }));

let n = 0;
/** Letters only, so full-text search sees one word. */
const word = () => `zq${(++n).toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}${Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 6)}`;

async function person(name: string, visibility?: ProfileVisibility): Promise<Viewer> {
  const handle = `${name.toLowerCase()}_pv${++n}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  if (visibility) await db.insert(profiles).values({ userId: u.id, visibility });
  return { id: u.id, handle, name, image: null };
}

async function setProfile(who: Viewer, visibility: ProfileVisibility, showPosts = true) {
  await db
    .insert(profiles)
    .values({ userId: who.id, visibility, showPosts })
    .onConflictDoUpdate({ target: profiles.userId, set: { visibility, showPosts } });
}

/**
 * An author whose profile is for members, with a profile post (an image, a tag, a word to search for, a mention of
 * `reader`); the reader follows the author, comments, reacts and bookmarks while they may see it.
 */
async function scene() {
  const author = await person('Author', 'members');
  const reader = await person('Reader', 'members');
  const tag = word();
  const text = word();
  actAs(author);
  expect((await call(createPostAction, { body: `Tide pools at dawn, ${text} — @${reader.handle} come along`, tags: tag })).error).toBeUndefined();
  const [post] = await db.select().from(posts).where(eq(posts.authorId, author.id));
  const [image] = await db.insert(media).values({ ownerId: author.id, kind: 'post_image', width: 8, height: 8, sha256: text }).returning();
  await db.insert(mediaVariants).values({ mediaId: image.id, name: '640', width: 8, height: 8, contentType: 'image/webp', etag: `"${text}"`, bytes: Buffer.from('not really an image') });
  await db.insert(postImages).values({ postId: post.id, mediaId: image.id, position: 0 });
  await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
  actAs(reader);
  expect((await call(createCommentAction, { postId: post.id, body: 'Count me in' })).error).toBeUndefined();
  expect((await call(toggleReactionAction, { postId: post.id, emoji: '❤️' })).error).toBeUndefined();
  expect((await call(toggleBookmarkAction, { postId: post.id, on: 'true' })).error).toBeUndefined();
  const [comment] = await db.select().from(comments).where(eq(comments.postId, post.id));
  return { author, reader, post, imageId: image.id, tag, text, comment };
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const feedIds = (feed: Awaited<ReturnType<typeof getFeed>>) => feed.items.map((i) => i.post.id);

describe('the rule', () => {
  it('a profile post: members when the profile is for members, nobody else when it is only for its author, everyone when it is for everyone', async () => {
    const { author, reader, post } = await scene();
    const stranger = await person('Stranger');
    expect((await getPost(reader, post.id))?.id).toBe(post.id);
    expect((await getPost(stranger, post.id))?.id).toBe(post.id);
    expect(await getPost(null, post.id)).toBeNull();

    await setProfile(author, 'only_me');
    expect(await getPost(reader, post.id)).toBeNull();
    expect(await getPost(stranger, post.id)).toBeNull();
    expect(await getPost(null, post.id)).toBeNull();
    expect((await getPost(author, post.id))?.id).toBe(post.id);

    await setProfile(author, 'everyone');
    expect((await getPost(null, post.id))?.id).toBe(post.id);
    expect((await getPost(reader, post.id))?.id).toBe(post.id);
  });

  it('a hidden posts section keeps the profile’s posts to their author, as the profile page does', async () => {
    const { author, reader, post } = await scene();
    await setProfile(author, 'everyone', false);
    expect(await getPost(reader, post.id)).toBeNull();
    expect(await getPost(null, post.id)).toBeNull();
    expect((await getPost(author, post.id))?.id).toBe(post.id);
    expect(ids((await getAuthorPosts(reader, author.id)).items)).not.toContain(post.id);
  });

  it('someone without a profile row has the defaults: members', async () => {
    const [u] = await db.insert(users).values({ name: 'Bare', email: `bare_${word()}@example.org`, handle: `bare_${word()}` }).returning();
    const [p] = await db.insert(posts).values({ authorId: u.id, body: 'No profile row yet' }).returning();
    const reader = await person('Reader');
    expect((await getPost(reader, p.id))?.id).toBe(p.id);
    expect(await getPost(null, p.id)).toBeNull();
  });

  it('group posts keep their own rule: a public group’s post is seen even when its author’s profile is only for them', async () => {
    const author = await person('Grouper', 'only_me');
    const member = await person('Member');
    const outsider = await person('Outsider');
    const [open] = await db.insert(groups).values({ slug: `open-${word()}`, name: 'Open', topic: 'tides', visibility: 'public' }).returning();
    const [closed] = await db.insert(groups).values({ slug: `closed-${word()}`, name: 'Closed', topic: 'tides', visibility: 'invite' }).returning();
    const [elsewhere] = await db.insert(groups).values({ slug: `elsewhere-${word()}`, name: 'Elsewhere', topic: 'tides', visibility: 'invite' }).returning();
    await db.insert(groupMembers).values([open, closed].flatMap((g) => [author, member].map((p) => ({ groupId: g.id, userId: p.id }))));
    // A member of another group: a bare "group_id" in the membership check would let them into this one.
    await db.insert(groupMembers).values({ groupId: elsewhere.id, userId: outsider.id });
    const [inOpen] = await db.insert(posts).values({ authorId: author.id, groupId: open.id, body: 'In the open group' }).returning();
    const [inClosed] = await db.insert(posts).values({ authorId: author.id, groupId: closed.id, body: 'In the closed group' }).returning();
    expect((await getPost(outsider, inOpen.id))?.id).toBe(inOpen.id);
    expect((await getPost(null, inOpen.id))?.id).toBe(inOpen.id);
    expect((await getPost(member, inClosed.id))?.id).toBe(inClosed.id);
    expect(await getPost(outsider, inClosed.id)).toBeNull();
  });

  it('names the posts table in its subqueries: nested under a subquery over comments it still reads the post’s author', async () => {
    // Written as a bare "author_id", the check would read the *comment's* author here (the reader, who may see
    // their own posts) and let the post through.
    const { author, reader, post } = await scene();
    await setProfile(author, 'only_me');
    const through = (viewerId: string) =>
      db
        .select({ id: posts.id })
        .from(posts)
        .where(and(eq(posts.id, post.id), sql`exists (select 1 from comments where comments.post_id = ${posts.id} and ${visiblePosts(viewerId)})`));
    expect(await through(reader.id)).toEqual([]);
    expect(ids(await through(author.id))).toEqual([post.id]);
  });
});

describe('every path that reads a post', () => {
  it('the post page, and its title', async () => {
    const { author, reader, post, text } = await scene();
    actAs(reader);
    expect((await generateMetadata({ params: Promise.resolve({ id: post.id }) })).title).toContain(text);
    await setProfile(author, 'only_me');
    expect((await generateMetadata({ params: Promise.resolve({ id: post.id }) })).title).toBe('Post not found');
    expect(await getPost(reader, post.id)).toBeNull();
    actAs(author);
    expect((await generateMetadata({ params: Promise.resolve({ id: post.id }) })).title).toContain(text);
  });

  it('the post’s images', async () => {
    const { author, reader, imageId } = await scene();
    expect(await getMediaAccess(reader, imageId, '640')).not.toBeNull();
    expect(await getMediaAccess(null, imageId, '640')).toBeNull(); // members only
    await setProfile(author, 'only_me');
    expect(await getMediaAccess(reader, imageId, '640')).toBeNull();
    expect(await getMediaAccess(null, imageId, '640')).toBeNull();
    expect(await getMediaAccess(author, imageId, '640')).not.toBeNull();
    await setProfile(author, 'everyone');
    expect(await getMediaAccess(null, imageId, '640')).not.toBeNull();
  });

  it('the comments under it', async () => {
    const { author, reader, post, comment } = await scene();
    expect(ids(await getComments(reader, post.id))).toEqual([comment.id]);
    await setProfile(author, 'only_me');
    expect(await getComments(reader, post.id)).toEqual([]);
    expect(ids(await getComments(author, post.id))).toEqual([comment.id]);
  });

  it('its reactions: not shown, and no new ones, while the author still sees theirs', async () => {
    const { author, reader, post } = await scene();
    await setProfile(author, 'only_me');
    expect(await getPost(reader, post.id)).toBeNull();
    actAs(reader);
    await expectRefused(() => call(toggleReactionAction, { postId: post.id, emoji: '🎉' }), { error: 'That post does not exist, or you cannot see it.', others: [author.id] });
    expect((await getPost(author, post.id))?.reactions).toEqual({ '❤️': 1 });
  });

  it('notifications that quote it', async () => {
    const { author, reader, post } = await scene();
    const aboutPost = (items: Awaited<ReturnType<typeof listNotifications>>['items']) => items.filter((i) => i.link === `/p/${post.id}`).map((i) => i.kind);
    expect(aboutPost((await listNotifications(reader)).items)).toEqual(['mention']);
    const unreadBefore = await unreadCount(reader);
    await setProfile(author, 'only_me');
    expect(aboutPost((await listNotifications(reader)).items)).toEqual([]);
    expect(aboutPost((await listNotifications(reader, { kind: 'mention' })).items)).toEqual([]);
    expect(await unreadCount(reader)).toBe(unreadBefore - 1);
    // The author still hears about the comment and the reaction on their own post.
    expect(aboutPost((await listNotifications(author)).items).sort()).toEqual(['reaction', 'reply']);
  });

  it('search and the type-ahead', async () => {
    const { author, reader, post, text } = await scene();
    expect(ids((await searchAll(reader, text)).posts.items)).toEqual([post.id]);
    expect((await typeahead(reader, text)).posts.map((p) => p.id)).toEqual([post.id]);
    expect(ids((await searchAll(null, text)).posts.items)).toEqual([]); // members only
    await setProfile(author, 'only_me');
    expect(ids((await searchAll(reader, text)).posts.items)).toEqual([]);
    expect((await typeahead(reader, text)).posts).toEqual([]);
    expect(ids((await searchAll(null, text)).posts.items)).toEqual([]);
    expect(ids((await searchAll(author, text)).posts.items)).toEqual([post.id]);
    await setProfile(author, 'everyone');
    expect(ids((await searchAll(null, text)).posts.items)).toEqual([post.id]);
    // The posts section hidden from others: signed in or not, search finds them for their author alone.
    await setProfile(author, 'everyone', false);
    expect(ids((await searchAll(reader, text)).posts.items)).toEqual([]);
    expect(ids((await searchAll(null, text)).posts.items)).toEqual([]);
    expect(ids((await searchAll(author, text)).posts.items)).toEqual([post.id]);
  });

  it('Following and the chronological feed', async () => {
    const { author, reader, post } = await scene();
    expect(feedIds(await getFeed(reader, { mode: 'following' }))).toContain(post.id);
    expect(feedIds(await getFeed(reader, { mode: 'chronological' }))).toContain(post.id);
    await setProfile(author, 'only_me');
    expect(feedIds(await getFeed(reader, { mode: 'following' }))).not.toContain(post.id);
    expect(feedIds(await getFeed(reader, { mode: 'chronological' }))).not.toContain(post.id);
    expect(feedIds(await getFeed(author, { mode: 'following' }))).toContain(post.id);
  });

  it('For you: its candidates, and the stored list read after the author switched to only me', async () => {
    const { author, reader, post } = await scene();
    const ranked = async () => (await rankForYou(db, reader.id, await personalizationOf(db, reader.id))).map((s) => s.candidate.postId);
    expect(await ranked()).toContain(post.id);
    expect(feedIds(await getFeed(reader, { mode: 'foryou' }))).toContain(post.id);
    // Changed behind the list's back (no action forgets it): the stored list still names the post...
    await db.update(profiles).set({ visibility: 'only_me' }).where(eq(profiles.userId, author.id));
    const [stored] = rowsOf<{ items: { postId: string }[] }>(await db.execute(sql`select items from for_you_lists where user_id = ${reader.id}`));
    expect(stored.items.map((i) => i.postId)).toContain(post.id);
    // ...but the next read does not show it, and no new ranking proposes it.
    expect(feedIds(await getFeed(reader, { mode: 'foryou' }))).not.toContain(post.id);
    expect(await ranked()).not.toContain(post.id);
  });

  it('Discover: the week’s stored set and a new one', async () => {
    const { author, post, tag } = await scene();
    const explorer = await person('Explorer', 'members');
    actAs(explorer);
    expect((await call(setInterestChoiceAction, { tag, choice: 'follow' })).error).toBeUndefined();
    const now = new Date();
    expect((await getDiscover(explorer, now)).posts.map((p) => p.post.id)).toContain(post.id);
    await setProfile(author, 'only_me');
    expect((await getDiscover(explorer, now)).posts.map((p) => p.post.id)).not.toContain(post.id);
    expect((await buildDiscoverSet(explorer.id, now)).map((i) => i.id)).not.toContain(post.id);
  });

  it('the feed controls page names a post only while it may be seen', async () => {
    const { author, reader, post } = await scene();
    await db.insert(feedControls).values({ userId: reader.id, kind: 'not_interested', target: post.id });
    const control = async () => (await getFeedControlsPage(reader)).active.find((c) => c.kind === 'not_interested')!.text;
    expect(await control()).toContain('Tide pools at dawn');
    await setProfile(author, 'only_me');
    expect(await control()).not.toContain('Tide pools');
  });

  it('the author’s profile and its list of posts', async () => {
    const { author, reader, post } = await scene();
    expect(ids((await getAuthorPosts(reader, author.id)).items)).toEqual([post.id]);
    expect(ids((await getAuthorPosts(null, author.id, undefined, { profileOnly: true })).items)).toEqual([]);
    await setProfile(author, 'only_me');
    expect((await getProfile(reader, author.handle)).kind).toBe('restricted');
    expect(ids((await getAuthorPosts(reader, author.id)).items)).toEqual([]);
    expect(ids((await getAuthorPosts(null, author.id, undefined, { profileOnly: true })).items)).toEqual([]);
    expect(ids((await getAuthorPosts(author, author.id)).items)).toEqual([post.id]);
    await setProfile(author, 'everyone');
    expect(ids((await getAuthorPosts(null, author.id, undefined, { profileOnly: true })).items)).toEqual([post.id]);
  });

  it('bookmarks', async () => {
    const { author, reader, post } = await scene();
    actAs(author);
    expect((await call(toggleBookmarkAction, { postId: post.id, on: 'true' })).error).toBeUndefined();
    expect(ids((await getBookmarkedPosts(reader)).items)).toEqual([post.id]);
    await setProfile(author, 'only_me');
    expect(ids((await getBookmarkedPosts(reader)).items)).toEqual([]);
    expect(ids((await getBookmarkedPosts(author)).items)).toEqual([post.id]);
  });

  it('tag pages', async () => {
    const { author, reader, post, tag } = await scene();
    expect(ids((await getTagPosts(reader, tag)).items)).toEqual([post.id]);
    await setProfile(author, 'only_me');
    expect(ids((await getTagPosts(reader, tag)).items)).toEqual([]);
    expect(ids((await getTagPosts(author, tag)).items)).toEqual([post.id]);
  });

  it('the privacy dashboard and export: no words of it for others, all of them for its author', async () => {
    const { author, reader, post } = await scene();
    await db.insert(activitySignals).values({ userId: reader.id, postId: post.id, kind: 'open' });
    const entry = (table: string) => registry.find((e) => e.table === table)!;
    const page = { limit: 50, offset: 0 };
    const aboutPost = (rows: Record<string, unknown>[]) => rows.filter((r) => r.subjectId === post.id || r.postId === post.id);
    expect(aboutPost(await entry('comments').list(db, reader.id, page))[0]!.onPost).toContain('Tide pools at dawn');

    await setProfile(author, 'only_me');
    const hidden = '(a post you can no longer see)';
    expect(aboutPost(await entry('comments').list(db, reader.id, page)).map((r) => r.onPost)).toEqual([hidden]);
    expect(aboutPost(await entry('activity_signals').list(db, reader.id, page)).map((r) => r.post)).toEqual([hidden]);
    // Their notifications: the mention they got and the ones others got about what they did, without the words.
    for (const rows of [await entry('notifications').export(db, reader.id), await entry('notifications').list(db, reader.id, page)]) {
      const mine = aboutPost(rows);
      expect(mine.map((r) => r.kind).sort()).toEqual(['mention', 'reaction', 'reply']);
      for (const r of mine) expect(r.data).toMatchObject({ post: hidden });
      expect(JSON.stringify(mine)).not.toContain('Tide pools');
      expect(mine.find((r) => r.kind === 'reaction')!.data).toEqual({ emoji: '❤️', post: hidden });
    }
    // The author's own: the words stay.
    const authors = aboutPost(await entry('notifications').export(db, author.id));
    expect(authors.find((r) => r.kind === 'mention')!.data).toMatchObject({ excerpt: expect.stringContaining('Tide pools') });
    expect(authors.find((r) => r.kind === 'reaction')!.data).toMatchObject({ post: expect.stringContaining('Tide pools') });
  });
});
