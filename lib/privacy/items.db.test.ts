// The dashboard's drill-down: paged lists, deleting one item (only one's own) and clearing a whole kind of data.
import { and, desc, eq, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { activitySignals, bookmarks, comments, follows, interestScores, media, notifications, postImages, posts, postTags, reactions, tagFollows } from '@/db/schema';
import { processImage } from '@/lib/media/process-image';
import { storeImage } from '@/lib/media/store';
import { learnFromEngagement } from '@/lib/recommend/profile';
import { jpegWithGps } from '@/test/fixtures/images';
import type { Viewer } from '@/lib/auth/viewer';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { seedHeavyPerson } from '@/test/privacy';
import { clearPrivacyCategoryAction, deletePrivacyItemAction } from './actions';
import { getMyInterests, getPrivacyItems } from './queries';
import { registry, summarize } from './registry';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('@/lib/auth/config', () => ({ signOut: async () => {} }));

let heavy: Awaited<ReturnType<typeof seedHeavyPerson>>;
let me: Viewer;
let someone: Viewer;

beforeAll(async () => {
  heavy = await seedHeavyPerson();
  me = { id: heavy.user.id, handle: heavy.user.handle, name: 'Demo', image: null };
  const [r] = await db.select({ userId: reactions.userId }).from(reactions).where(ne(reactions.userId, me.id)).limit(1);
  someone = { id: r.userId, handle: 'someone', name: 'Someone', image: null };
  // Enough reactions for more than one page.
  const others = await db.select({ id: posts.id }).from(posts).where(ne(posts.authorId, me.id)).limit(30);
  await db.insert(reactions).values(others.map((p) => ({ postId: p.id, userId: me.id, emoji: '🎉' }))).onConflictDoNothing();
});

describe('privacy drill-down', () => {
  it('lists a person’s rows page by page, newest first', async () => {
    const total = await registry.find((e) => e.table === 'reactions')!.count(db, me.id);
    expect(total).toBeGreaterThan(20);
    const first = (await getPrivacyItems(me, 'reactions', 1))!;
    const second = (await getPrivacyItems(me, 'reactions', 2))!;
    expect(first.total).toBe(total);
    expect(first.pages).toBe(Math.ceil(total / 20));
    expect(first.items).toHaveLength(20);
    expect(first.items.every((i) => i.deletable && i.key)).toBe(true);
    expect(new Set([...first.items, ...second.items].map((i) => i.key)).size).toBe(first.items.length + second.items.length);
    expect(await getPrivacyItems(me, 'no_such_table', 1)).toBeNull();
    expect((await getPrivacyItems(me, 'mentions', 1))?.items.every((i) => !i.deletable)).toBe(true);
  });

  it('tells when each kind of data last changed, where the table keeps time', async () => {
    const summary = await summarize(db, me.id);
    const [newest] = await db.select({ at: posts.createdAt }).from(posts).where(eq(posts.authorId, me.id)).orderBy(desc(posts.createdAt)).limit(1);
    expect(summary.find((e) => e.table === 'posts')?.lastChange?.toISOString()).toBe(newest.at.toISOString());
    expect(summary.find((e) => e.table === 'mentions')?.lastChange).toBeNull();
    expect(summary.filter((e) => e.lastChange).length).toBeGreaterThan(5);
  });

  it('every deletable entry deletes exactly the listed row by its key, and a key in someone else’s hands deletes none of it', async () => {
    for (const entry of registry.filter((e) => e.deleteItem)) {
      const [row] = await entry.list(db, me.id, { limit: 1, offset: 0 });
      if (!row) continue;
      const key = entry.itemKey!(row);
      const before = await entry.count(db, me.id);
      await db
        .transaction(async (tx) => {
          // Someone else using the key touches none of my rows (at most their own row with the same key, e.g. a tag).
          await entry.deleteItem!(tx, someone.id, key);
          expect(await entry.count(tx, me.id), `${entry.table}: someone else's call`).toBe(before);
          expect(await entry.deleteItem!(tx, me.id, key), entry.table).toBe(true);
          expect(await entry.count(tx, me.id), entry.table).toBe(before - 1);
          throw new Error('roll back');
        })
        .catch((error: Error) => expect(error.message).toBe('roll back'));
    }
  });

  it('deletes one reaction through its action, refusing another person’s', async () => {
    const [mine] = await db.select().from(reactions).where(eq(reactions.userId, me.id)).limit(1);
    const key = `${mine.postId}|${mine.emoji}`;
    actAs(someone);
    await expectRefused(() => call(deletePrivacyItemAction, { table: 'reactions', key }), { error: 'That item is already gone.', caller: someone, others: [me.id] });
    actAs(me);
    await expectRefused(() => call(deletePrivacyItemAction, { table: 'consent_log', key: 'x' }), { error: /cannot be deleted one item at a time/, caller: me, others: [someone.id] });
    await expectRefused(() => call(deletePrivacyItemAction, { table: 'reactions', key: 'malformed' }), { error: 'That item is already gone.', caller: me, others: [someone.id] });
    await expectRefused(() => call(deletePrivacyItemAction, { table: '', key }), { error: 'Please fix the highlighted fields.', caller: me, others: [someone.id] });
    const deleted = await expectAllowed(() => call(deletePrivacyItemAction, { table: 'reactions', key }), {
      changes: [reactions],
      effect: async () => expect(await db.select().from(reactions).where(and(eq(reactions.userId, me.id), eq(reactions.postId, mine.postId), eq(reactions.emoji, mine.emoji)))).toEqual([]),
    });
    expect(deleted.success).toBe('Deleted.');
    actAs(null);
    await expectRefused(() => call(deletePrivacyItemAction, { table: 'reactions', key }), { error: /session has ended/, others: [me.id, someone.id] });
  });

  it('clears a whole kind of data only after the box is ticked, and only the person’s own', async () => {
    const othersBefore = (await db.select().from(bookmarks)).filter((b) => b.userId !== me.id).length;
    await db.insert(tagFollows).values({ userId: me.id, tag: 'glaze' }).onConflictDoNothing();
    actAs(me);
    const unticked = () => call(clearPrivacyCategoryAction, { table: 'bookmarks' });
    await expectRefused(unticked, { error: 'Please fix the highlighted fields.', caller: me, others: [someone.id] });
    expect((await unticked()).fieldErrors?.confirm).toMatch(/Tick the box/);
    await expectRefused(() => call(clearPrivacyCategoryAction, { table: 'users', confirm: 'yes' }), { error: /cannot be cleared/, caller: me, others: [someone.id] });
    actAs(null);
    await expectRefused(() => call(clearPrivacyCategoryAction, { table: 'bookmarks', confirm: 'yes' }), { error: /session has ended/, others: [me.id, someone.id] });
    actAs(me);
    const mineBefore = (await db.select().from(bookmarks).where(eq(bookmarks.userId, me.id))).length;
    expect(mineBefore, 'the heavy person has bookmarks to clear').toBeGreaterThan(0);
    const result = await expectAllowed(() => call(clearPrivacyCategoryAction, { table: 'bookmarks', confirm: 'yes' }), {
      changes: [bookmarks],
      effect: async () => {
        expect(await db.select().from(bookmarks).where(eq(bookmarks.userId, me.id))).toEqual([]);
        expect((await db.select().from(bookmarks)).filter((b) => b.userId !== me.id)).toHaveLength(othersBefore);
      },
    });
    expect(result.success).toBe(`Deleted ${mineBefore} ${mineBefore === 1 ? 'item' : 'items'}.`);
    expect((await call(clearPrivacyCategoryAction, { table: 'tag_follows', confirm: 'yes' })).error).toBeUndefined();
    expect(await db.select().from(tagFollows).where(eq(tagFollows.userId, me.id))).toEqual([]);
  });

  it('removing a follower or unfollowing: either side of a follow is the person’s to end', async () => {
    const [following] = await db.select().from(follows).where(eq(follows.followerId, me.id)).limit(1);
    const [follower] = await db.select().from(follows).where(eq(follows.followeeId, me.id)).limit(1);
    actAs(me);
    for (const f of [following, follower].filter(Boolean)) {
      expect((await call(deletePrivacyItemAction, { table: 'follows', key: `${f.followerId}|${f.followeeId}` })).success).toBe('Deleted.');
      expect(await db.select().from(follows).where(and(eq(follows.followerId, f.followerId), eq(follows.followeeId, f.followeeId)))).toEqual([]);
    }
    expect(following ?? follower).toBeDefined();
  });

  it('deletes one of the person’s posts with everything that is its own, and one comment — never someone else’s', async () => {
    const image = await processImage(await jpegWithGps(200, 200), { kind: 'post_image' });
    const { post, mediaId } = await db.transaction(async (tx) => {
      const [post] = await tx.insert(posts).values({ authorId: me.id, body: 'Raku firing day', bodyHtml: '' }).returning();
      await tx.insert(postTags).values({ postId: post.id, tag: 'rakufiring' });
      const mediaId = await storeImage(tx, me.id, 'post_image', image);
      await tx.insert(postImages).values({ postId: post.id, mediaId, position: 0 });
      await learnFromEngagement(tx, me.id, post.id, 'post');
      await tx.insert(comments).values({ postId: post.id, authorId: someone.id, body: 'Lovely' });
      await tx.insert(reactions).values({ postId: post.id, userId: someone.id, emoji: '❤️' });
      await tx.insert(notifications).values({ userId: someone.id, kind: 'mention', link: `/p/${post.id}`, subjectId: post.id, data: { excerpt: 'Raku firing day' } });
      return { post, mediaId };
    });
    const [learned] = await db.select().from(interestScores).where(and(eq(interestScores.userId, me.id), eq(interestScores.tag, 'rakufiring')));
    expect(learned.signalCounts).toEqual({ post: 1 });
    const listed = (await getPrivacyItems(me, 'posts', 1))!.items.find((i) => i.key === post.id)!;
    expect(listed.deletable).toBe(true);
    expect(listed.postHref).toBe(`/p/${post.id}`);
    expect(listed.fields.map((f) => f.name)).not.toContain('Body html');

    actAs(someone);
    await expectRefused(() => call(deletePrivacyItemAction, { table: 'posts', key: post.id }), { error: 'That item is already gone.', others: [me.id] });
    expect(await db.select().from(posts).where(eq(posts.id, post.id))).toHaveLength(1);
    actAs(me);
    expect((await call(deletePrivacyItemAction, { table: 'posts', key: post.id })).success).toBe('Deleted.');
    expect(await db.select().from(posts).where(eq(posts.id, post.id))).toEqual([]);
    expect(await db.select().from(comments).where(eq(comments.postId, post.id))).toEqual([]);
    expect(await db.select().from(postImages).where(eq(postImages.postId, post.id))).toEqual([]);
    expect(await db.select().from(media).where(eq(media.id, mediaId))).toEqual([]);
    expect(await db.select().from(notifications).where(eq(notifications.subjectId, post.id))).toEqual([]);
    const [forgotten] = await db.select().from(interestScores).where(and(eq(interestScores.userId, me.id), eq(interestScores.tag, 'rakufiring')));
    expect(forgotten.signalCounts).toEqual({ post: 0 });
    expect(forgotten.inferred).toBeLessThan(0.001);

    const [theirs] = await db.select().from(comments).where(ne(comments.authorId, me.id)).limit(1);
    const [mine] = await db.select().from(comments).where(eq(comments.authorId, me.id)).limit(1);
    await expectRefused(() => call(deletePrivacyItemAction, { table: 'comments', key: theirs.id }), { error: 'That item is already gone.', others: [someone.id] });
    expect((await call(deletePrivacyItemAction, { table: 'comments', key: mine.id })).success).toBe('Deleted.');
    expect(await db.select().from(comments).where(eq(comments.id, mine.id))).toEqual([]);
    expect(await db.select().from(comments).where(eq(comments.id, theirs.id))).toHaveLength(1);
  });

  it('lists views and opens with the words of the post, and deleting one changes the numbers on “What Hearth thinks you like”', async () => {
    const [other] = await db.select({ id: posts.id, body: posts.body }).from(posts).where(ne(posts.authorId, me.id)).orderBy(desc(posts.createdAt)).limit(1);
    await db.insert(postTags).values({ postId: other.id, tag: 'signaltest' }).onConflictDoNothing();
    await db.transaction(async (tx) => {
      await tx.insert(activitySignals).values([
        { userId: me.id, postId: other.id, kind: 'open' },
        { userId: me.id, postId: other.id, kind: 'view' },
      ]);
      await learnFromEngagement(tx, me.id, other.id, 'open');
      await learnFromEngagement(tx, me.id, other.id, 'view');
    });
    const page = (await getPrivacyItems(me, 'activity_signals', 1))!;
    const shown = page.items.find((i) => i.fields.some((f) => f.name === 'Kind' && f.value === 'open') && i.postHref === `/p/${other.id}`)!;
    expect(shown.fields.find((f) => f.name === 'Post')?.value).toBe(other.body.slice(0, 120));
    expect(shown.fields.map((f) => f.name)).not.toContain('User');
    // People read these lists: names and first words, dates as dates — never a raw id or an ISO timestamp.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
    for (const table of ['activity_signals', 'reactions', 'bookmarks', 'follows', 'group_members', 'notifications', 'consent_log', 'feed_controls']) {
      const listedPage = (await getPrivacyItems(me, table, 1))!;
      for (const item of listedPage.items) {
        for (const f of item.fields) {
          expect(f.value, `${table}.${f.name}`).not.toMatch(uuid);
          expect(f.value, `${table}.${f.name}`).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
        }
      }
    }
    expect(shown.fields.find((f) => f.name === 'Created at')?.value).toMatch(/^\d{1,2} \w{3} \d{4}, \d\d:\d\d UTC$/);

    const before = (await getMyInterests(me)).interests.find((i) => i.tag === 'signaltest')!;
    expect(before.signalsText).toBe('from 1 open and 1 view in #signaltest');
    expect(before.inferred).toBeCloseTo(2, 2);
    actAs(me);
    expect((await call(deletePrivacyItemAction, { table: 'activity_signals', key: shown.key! })).success).toBe('Deleted.');
    const after = (await getMyInterests(me)).interests.find((i) => i.tag === 'signaltest')!;
    expect(after.signalsText).toBe('from 1 view in #signaltest');
    expect(after.inferred).toBeCloseTo(0.5, 2);
    expect(after.signals).toBe(before.signals - 1);
  });
});
