// The dashboard's drill-down: paged lists, deleting one item (only one's own) and clearing a whole kind of data.
import { and, desc, eq, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { bookmarks, follows, posts, reactions, tagFollows } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { actAs, call } from '@/test/actions';
import { seedHeavyPerson } from '@/test/privacy';
import { clearPrivacyCategoryAction, deletePrivacyItemAction } from './actions';
import { getPrivacyItems } from './queries';
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
    expect((await getPrivacyItems(me, 'posts', 1))!.items[0].deletable).toBe(false);
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
    expect((await call(deletePrivacyItemAction, { table: 'reactions', key })).error).toBe('That item is already gone.');
    actAs(me);
    expect((await call(deletePrivacyItemAction, { table: 'posts', key: 'x' })).error).toMatch(/cannot be deleted one item at a time/);
    expect((await call(deletePrivacyItemAction, { table: 'reactions', key: 'malformed' })).error).toBe('That item is already gone.');
    expect((await call(deletePrivacyItemAction, { table: 'reactions', key })).success).toBe('Deleted.');
    expect(await db.select().from(reactions).where(and(eq(reactions.userId, me.id), eq(reactions.postId, mine.postId), eq(reactions.emoji, mine.emoji)))).toEqual([]);
    actAs(null);
    expect((await call(deletePrivacyItemAction, { table: 'reactions', key })).error).toMatch(/session has ended/);
  });

  it('clears a whole kind of data only after the box is ticked, and only the person’s own', async () => {
    const othersBefore = (await db.select().from(bookmarks)).filter((b) => b.userId !== me.id).length;
    await db.insert(tagFollows).values({ userId: me.id, tag: 'glaze' }).onConflictDoNothing();
    actAs(me);
    expect((await call(clearPrivacyCategoryAction, { table: 'bookmarks' })).fieldErrors?.confirm).toMatch(/Tick the box/);
    expect((await call(clearPrivacyCategoryAction, { table: 'users', confirm: 'yes' })).error).toMatch(/cannot be cleared/);
    const mineBefore = (await db.select().from(bookmarks).where(eq(bookmarks.userId, me.id))).length;
    const result = await call(clearPrivacyCategoryAction, { table: 'bookmarks', confirm: 'yes' });
    expect(result.success).toBe(mineBefore === 0 ? 'There was nothing to delete.' : `Deleted ${mineBefore} ${mineBefore === 1 ? 'item' : 'items'}.`);
    expect(await db.select().from(bookmarks).where(eq(bookmarks.userId, me.id))).toEqual([]);
    expect((await db.select().from(bookmarks)).filter((b) => b.userId !== me.id)).toHaveLength(othersBefore);
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
});
