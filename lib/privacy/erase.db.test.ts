// Account erasure through its Server Action: a heavy person is erased and nothing anywhere still names them, or
// quotes what they wrote — in their own rows or in anyone else's.
import { and, eq, ne, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { comments, discoverSets, follows, forYouLists, notifications, posts, releasedHandles, users } from '@/db/schema';
import { authenticate, createAccount, isHandleTaken } from '@/lib/auth/users';
import type { Viewer } from '@/lib/auth/viewer';
import * as postActions from '@/lib/posts/actions';
import { muteAction, notInterestedAction } from '@/lib/recommend/actions';
import { isoWeek } from '@/lib/recommend/discover';
import { rankAndStoreForYou } from '@/lib/recommend/for-you-list';
import { personalizationOf } from '@/lib/recommend/profile';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { seedHeavyPerson } from '@/test/privacy';
import { eraseAccountAction } from './actions';
import { handleDigest } from './handles';
import { deletedMemberId, registry } from './registry';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
const signedOut: string[] = [];
vi.mock('@/lib/auth/config', () => ({ signOut: async ({ redirectTo }: { redirectTo: string }) => void signedOut.push(redirectTo) }));

type Column = { table_name: string; column_name: string; references_table: string | null };

async function columns(): Promise<Column[]> {
  return rowsOf<Column>(
    await db.execute(sql`
      select c.relname as table_name, a.attname as column_name,
             (select r.relname from pg_constraint f join pg_class r on r.oid = f.confrelid
               where f.conrelid = c.oid and f.contype = 'f' and a.attnum = any(f.conkey) limit 1) as references_table
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`),
  );
}

/** Rows in any column that refers to users and holds this id. */
async function rowsReferencing(userId: string) {
  let total = 0;
  for (const c of (await columns()).filter((c) => c.references_table === 'users')) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)} = ${userId}`));
    total += row.n;
  }
  return total;
}

/** Rows of any table whose text form contains the value anywhere (as a whole word), in any column. */
async function rowsContaining(value: string) {
  const tables = [...new Set((await columns()).map((c) => c.table_name))];
  const pattern = `(^|[^a-z0-9_.@-])${value.replace(/[.+]/g, '\\$&')}($|[^a-z0-9_.@-])`;
  let total = 0;
  for (const t of tables) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(t)} x where x::text ~* ${pattern}`));
    total += row.n;
  }
  return total;
}

const asViewer = (u: { id: string; handle: string; name: string | null }): Viewer => ({ id: u.id, handle: u.handle, name: u.name ?? '', image: null });

/** People whose profile shows their posts to other members. */
const showsPosts = sql`not exists (select 1 from profiles pr where pr.user_id = ${users.id} and (pr.visibility = 'only_me' or not pr.show_posts))`;

/** Members other than these, with a password and posts others see: the people around the one being erased. */
async function othersThan(n: number, ...not: string[]) {
  const rows = await db
    .select({ id: users.id, handle: users.handle, name: users.name })
    .from(users)
    .where(and(sql`${users.id} not in ${not}`, sql`${users.passwordHash} is not null`, showsPosts))
    .orderBy(users.handle)
    .limit(n);
  expect(rows).toHaveLength(n);
  return rows.map(asViewer);
}

async function act(who: Viewer, action: Parameters<typeof call>[0], fields: Parameters<typeof call>[1]) {
  actAs(who);
  const result = await call(action, fields);
  expect(result.error, JSON.stringify(fields)).toBeUndefined();
}

async function postId(authorId: string, body: string) {
  const [row] = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.authorId, authorId), eq(posts.body, body)));
  return row.id;
}

async function commentId(authorId: string, body: string) {
  const [row] = await db.select({ id: comments.id }).from(comments).where(and(eq(comments.authorId, authorId), eq(comments.body, body)));
  return row.id;
}

/** Who follows whom, made sure of (the seed may already have it). */
async function follow(follower: Viewer, followee: { id: string }) {
  await db.delete(follows).where(and(eq(follows.followerId, follower.id), eq(follows.followeeId, followee.id)));
  await act(follower, postActions.followPersonAction, { userId: followee.id, on: 'true' });
}

/** Ranks and stores a person's For you list, as a visit to the feed does. */
async function rankForYouOf(person: Viewer) {
  return rankAndStoreForYou(db, person.id, await personalizationOf(db, person.id));
}

/** Rows in other people's inboxes whose texts hold the word. */
async function othersNotificationsQuoting(word: string, notOf: string) {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from notifications where user_id <> ${notOf} and data::text ~* ${word}`),
  );
  return row.n;
}

/**
 * Words only the heavy person's post and comment hold (and the replies under them): after erasure with "delete", no
 * table may hold them — not in their rows, not quoted in anyone's notifications.
 */
const words = { post: 'quokkaphant', commentOnTheirPost: 'brambleoctave', replyOnTheirPost: 'lanternmoss', theirComment: 'zirconwhisper', replyToTheirComment: 'velvetanchor' };

let heavy: Awaited<ReturnType<typeof seedHeavyPerson>>;
let viewer: Viewer;
/** Ids of the posts and comments that go with the heavy person. */
const goes: Record<string, string> = {};
/** A notification someone got of the heavy person's reaction, which goes with the reaction. */
let reactionNotice: string;

beforeAll(async () => {
  heavy = await seedHeavyPerson();
  viewer = asViewer(heavy.user);
  const [ana, ben, cleo, dev] = await othersThan(4, heavy.user.id);
  // Their post, mentioning Ana; Ben comments on it and Cleo replies to Ben (Ben is told, quoting the post).
  const postBody = `The ${words.post} glaze finally worked, thank you @${ana.handle}`;
  await act(viewer, postActions.createPostAction, { body: postBody, tags: '' });
  goes.post = await postId(viewer.id, postBody);
  await act(ben, postActions.createCommentAction, { postId: goes.post, body: `${words.commentOnTheirPost} colours, lovely` });
  goes.commentOnTheirPost = await commentId(ben.id, `${words.commentOnTheirPost} colours, lovely`);
  await act(cleo, postActions.createCommentAction, { postId: goes.post, parentId: goes.commentOnTheirPost, body: `${words.replyOnTheirPost} too` });
  goes.replyOnTheirPost = await commentId(cleo.id, `${words.replyOnTheirPost} too`);
  // Their comment on a post of Ana's (Ana is told, quoting it), and Dev's reply to it (Ana is told of that too).
  await act(ana, postActions.createPostAction, { body: 'Kiln day tomorrow', tags: '' });
  const anasPostId = await postId(ana.id, 'Kiln day tomorrow');
  await act(viewer, postActions.createCommentAction, { postId: anasPostId, body: `${words.theirComment} is the trick` });
  goes.theirComment = await commentId(viewer.id, `${words.theirComment} is the trick`);
  await act(dev, postActions.createCommentAction, { postId: anasPostId, parentId: goes.theirComment, body: `${words.replyToTheirComment} works as well` });
  goes.replyToTheirComment = await commentId(dev.id, `${words.replyToTheirComment} works as well`);
  // Their reaction and their follow reach other inboxes; Ben follows them, so his ranked feed names them.
  await db.execute(sql`delete from reactions where post_id = ${anasPostId} and user_id = ${viewer.id}`);
  await act(viewer, postActions.toggleReactionAction, { postId: anasPostId, emoji: '🎉' });
  [{ id: reactionNotice }] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, ana.id), eq(notifications.actorId, viewer.id), eq(notifications.kind, 'reaction')));
  await follow(viewer, ben);
  await follow(ben, viewer);
  // Cleo is not interested in their post, Dev mutes them, and Cleo's Discover set picks them and their post.
  await act(cleo, notInterestedAction, { postId: goes.post });
  await act(dev, muteAction, { kind: 'user', target: viewer.id });
  await db.insert(discoverSets).values({
    userId: cleo.id,
    week: isoWeek(new Date()),
    items: [
      { kind: 'post', id: goes.post, reason: 'Popular with people like you' },
      { kind: 'person', id: viewer.id, reason: 'Also into ceramics' },
    ],
  }).onConflictDoNothing();
  const bensFeed = await rankForYouOf(ben);
  expect(bensFeed.items.map((i) => i.postId)).toContain(goes.post);
});

describe('account erasure', () => {
  it('is a heavy person: rows in most registry tables, their email and handle in text', async () => {
    const counts = Object.fromEntries(await Promise.all(registry.map(async (e) => [e.table, await e.count(db, heavy.user.id)] as const)));
    const filled = Object.entries(counts).filter(([, n]) => n > 0).map(([t]) => t);
    expect(filled).toEqual(expect.arrayContaining(['users', 'profiles', 'media', 'posts', 'comments', 'reactions', 'follows', 'group_members']));
    expect(await rowsReferencing(heavy.user.id)).toBeGreaterThan(20);
    expect(await rowsContaining(heavy.user.email)).toBeGreaterThan(0);
    expect(await rowsContaining(heavy.user.handle)).toBeGreaterThan(0);
  });

  it('refuses without the exact handle or the right password, and changes nothing', async () => {
    actAs(viewer);
    const before = await rowsReferencing(heavy.user.id);
    const wrongHandle = () => call(eraseAccountAction, { password: heavy.password, confirmHandle: 'someone_else', content: 'delete' });
    await expectRefused(wrongHandle, { error: 'Please fix the highlighted fields.', caller: viewer });
    expect((await wrongHandle()).fieldErrors?.confirmHandle).toMatch(/Type your handle/);
    const noChoice = () => call(eraseAccountAction, { password: heavy.password, confirmHandle: heavy.user.handle });
    await expectRefused(noChoice, { error: 'Please fix the highlighted fields.', caller: viewer });
    expect((await noChoice()).fieldErrors?.content).toMatch(/Choose what happens/);
    const wrongPassword = () => call(eraseAccountAction, { password: 'not the password', confirmHandle: heavy.user.handle, content: 'delete' });
    await expectRefused(wrongPassword, { error: 'Please fix the highlighted fields.', caller: viewer });
    expect((await wrongPassword()).fieldErrors?.password).toBe('That is not your password.');
    actAs(null);
    await expectRefused(() => call(eraseAccountAction, { password: heavy.password, confirmHandle: heavy.user.handle, content: 'delete' }), { error: /session has ended/, others: [viewer.id] });
    expect(await rowsReferencing(heavy.user.id)).toBe(before);
    expect(signedOut).toEqual([]);
  });

  it('has left its words in other people’s rows: notifications quoting their post and comments, a feed naming them', async () => {
    for (const word of Object.values(words)) expect(await rowsContaining(word), word).toBeGreaterThan(0);
    // Ben's notice of Cleo's reply quotes their post; Ana's quote their comment and Dev's reply to it.
    for (const word of [words.post, words.replyOnTheirPost, words.theirComment, words.replyToTheirComment]) {
      expect(await othersNotificationsQuoting(word, viewer.id), word).toBeGreaterThan(0);
    }
    expect(await rowsContaining(heavy.user.name!)).toBeGreaterThan(0);
    const [bens] = await db
      .select({ items: forYouLists.items })
      .from(forYouLists)
      .where(and(ne(forYouLists.userId, viewer.id), sql`${forYouLists.items}::text ~ ${`/u/${heavy.user.handle}"`}`));
    expect(bens?.items?.length).toBeGreaterThan(0);
  });

  it('erases everything in one go: no row refers to them, no text holds their email or handle, sign-in fails', async () => {
    actAs(viewer);
    await expectAllowed(() => call(eraseAccountAction, { password: heavy.password, confirmHandle: `@${heavy.user.handle.toUpperCase()}`, content: 'delete' }), {
      changes: [users, posts, comments, follows],
      effect: () => expect(signedOut).toEqual(['/?erased=1']),
    });
    expect(await db.select().from(users).where(eq(users.id, heavy.user.id))).toEqual([]);
    expect(await rowsReferencing(heavy.user.id)).toBe(0);
    expect(await rowsContaining(heavy.user.id)).toBe(0);
    expect(await rowsContaining(heavy.user.email)).toBe(0);
    expect(await rowsContaining(heavy.user.handle)).toBe(0);
    expect(await db.select().from(posts).where(eq(posts.authorId, deletedMemberId))).toEqual([]);
    expect(await authenticate(db, { email: heavy.user.email, password: heavy.password })).toBeNull();
  });

  it('with "delete", leaves no word of their posts and comments, nor of the replies under them, in any table', async () => {
    // A scan of every column of every table, whoever's rows they are: notification excerpts, ranked feeds, controls.
    for (const word of Object.values(words)) expect(await rowsContaining(word), word).toBe(0);
    // Nor anything that points at them (a notification's link, a "not interested", a Discover pick).
    for (const [what, id] of Object.entries(goes)) expect(await rowsContaining(id), what).toBe(0);
    // Nor their name, in someone's ranked feed ("Because you follow …").
    expect(await rowsContaining(heavy.user.name!)).toBe(0);
    // Their reaction went, and so did the notification of it.
    expect(await db.select().from(notifications).where(eq(notifications.id, reactionNotice))).toEqual([]);
  });

  it('rests the handle for 30 days, then frees it', async () => {
    expect(await db.select().from(releasedHandles).where(eq(releasedHandles.handleDigest, handleDigest(heavy.user.handle)))).toHaveLength(1);
    expect(await isHandleTaken(db, heavy.user.handle)).toBe(true);
    expect(await isHandleTaken(db, heavy.user.handle.toUpperCase())).toBe(true);
    expect(await isHandleTaken(db, heavy.user.handle, new Date(Date.now() + 31 * 86_400_000))).toBe(false);
    // The email is free at once: the person may come back.
    const again = await createAccount(db, { name: 'Back again', handle: `back_${Date.now().toString(36)}`, email: heavy.user.email, password: 'a new beginning here' });
    expect(again.ok).toBe(true);
  });

  it('can keep posts and comments as [deleted member]: notifications may still lead to them, but not name the person', async () => {
    const [other] = await db
      .select({ id: users.id, handle: users.handle, name: users.name, email: users.email })
      .from(users)
      .where(and(sql`exists (select 1 from posts p where p.author_id = ${users.id}) and ${users.passwordHash} is not null and ${users.id} <> ${deletedMemberId}`, showsPosts))
      .limit(1);
    // A name no one else has, to look for everywhere afterwards.
    await db.update(users).set({ name: 'Quillon Vantablack' }).where(eq(users.id, other.id));
    const person = asViewer({ ...other, name: 'Quillon Vantablack' });
    const [xena, yuri] = await othersThan(2, other.id, deletedMemberId);
    const body = `Wintergreenkiln notes for @${xena.handle}`;
    await act(person, postActions.createPostAction, { body, tags: '' });
    const kept = await postId(person.id, body);
    await follow(person, yuri);
    await follow(yuri, person);
    expect((await rankForYouOf(yuri)).items.map((i) => i.postId)).toContain(kept);
    expect(await rowsContaining(person.handle)).toBeGreaterThan(0);
    expect(await rowsContaining('Vantablack')).toBeGreaterThan(1);

    const theirPosts = await db.select({ id: posts.id }).from(posts).where(eq(posts.authorId, other.id));
    actAs(person);
    const result = await call(eraseAccountAction, { password: heavy.password, confirmHandle: other.handle, content: 'keep' });
    expect(result.error).toBeUndefined();
    expect(await rowsReferencing(other.id)).toBe(0);
    expect(await rowsContaining(other.email)).toBe(0);
    const keptPosts = await db.select({ authorId: posts.authorId }).from(posts).where(sql`${posts.id} in ${theirPosts.map((p) => p.id)}`);
    expect(keptPosts.map((p) => p.authorId)).toEqual(theirPosts.map(() => deletedMemberId));
    // Xena's mention still leads to the kept post and quotes it, as [deleted member]'s …
    const mentions = await db.select().from(notifications).where(and(eq(notifications.userId, xena.id), eq(notifications.subjectId, kept)));
    expect(mentions).toEqual([expect.objectContaining({ kind: 'mention', link: `/p/${kept}`, actorId: deletedMemberId })]);
    expect(await rowsContaining('Wintergreenkiln')).toBeGreaterThan(1);
    // … but no row anywhere names them: not a follow notice leading to their profile, not Yuri's ranked feed.
    expect(await rowsContaining(person.handle)).toBe(0);
    expect(await rowsContaining('Vantablack')).toBe(0);
  });

  it('asks a person without a password for a fresh sign-in instead', async () => {
    const [u] = await db.insert(users).values({ name: 'Oauth Only', email: `oauth.${Date.now()}@example.org`, handle: `oauth_${Date.now().toString(36)}` }).returning();
    actAs({ id: u.id, handle: u.handle, name: 'Oauth Only', image: null, signedInAt: Date.now() - 60 * 60_000 });
    await expectRefused(() => call(eraseAccountAction, { confirmHandle: u.handle, content: 'delete' }), { error: /sign in again/ });
    actAs({ id: u.id, handle: u.handle, name: 'Oauth Only', image: null, signedInAt: Date.now() - 60_000 });
    expect((await call(eraseAccountAction, { confirmHandle: u.handle, content: 'delete' })).error).toBeUndefined();
    expect(await rowsReferencing(u.id)).toBe(0);
  });
});
