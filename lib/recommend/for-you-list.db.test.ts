// The precomputed For you list: stored on the first view, read on the next ones, ranked again at once after the
// person's own actions, and in the background once new posts from their network have overtaken it.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { testDatabaseKind } from '@/test/db-env';
import { follows, forYouLists, posts, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { createPostAction } from '@/lib/posts/actions';
import { registry } from '@/lib/privacy/registry';
import { actAs, call } from '@/test/actions';
import { setInterestChoiceAction } from './actions';
import { getFeed } from './feed';
import { FOR_YOU_REFRESH_MS, forgetForYou, rankAndStoreForYou, readForYou, settledForYou } from './for-you-list';
import { personalizationOf } from './profile';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('@/lib/auth/config', () => ({ signOut: async () => {} }));

let counter = 0;
/**
 * The database as a ranking sees it, held still just after its first statement (where it reads the list's version)
 * until `release()`: so "the person changed something while the ranking ran" happens in that order on every engine,
 * not by the luck of two connections of a pool.
 */
function heldAfterFirstStatement() {
  let read!: () => void;
  let release!: () => void;
  const versionRead = new Promise<void>((r) => (read = r));
  const gate = new Promise<void>((r) => (release = r));
  let statements = 0;
  const executor = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop !== 'execute' || typeof value !== 'function') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (++statements === 1) {
          read();
          await gate;
        }
        return result;
      };
    },
  });
  return { executor, versionRead, release };
}

async function person(name: string): Promise<Viewer> {
  counter += 1;
  const handle = `${name.toLowerCase()}_fy${counter}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  return { id: u.id, handle, name, image: null };
}

async function post(author: Viewer, body: string, hoursAgo = 1) {
  const [p] = await db.insert(posts).values({ authorId: author.id, body, bodyHtml: `<p>${body}</p>`, createdAt: new Date(Date.now() - hoursAgo * 3_600_000) }).returning();
  return p!;
}

const stored = async (userId: string) => (await db.select().from(forYouLists).where(eq(forYouLists.userId, userId)))[0];
const ids = (feed: Awaited<ReturnType<typeof getFeed>>) => feed.items.map((i) => i.post.id);

describe('the precomputed For you list', () => {
  it('is ranked on the first view and read, unchanged, on the next ones — with the explanation it was ranked with', async () => {
    const reader = await person('Reader');
    const author = await person('Author');
    await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
    const first = await post(author, 'First light over the bay');
    const feed = await getFeed(reader, { mode: 'foryou' });
    expect(ids(feed)[0]).toBe(first.id);
    expect(feed.items[0]!.explanation!.reasons[0]!.text).toBe('Because you follow Author');
    const row = await stored(reader.id);
    expect(row!.items!.map((i) => i.postId)).toEqual(ids(feed));
    expect(feed.items[0]!.explanation!.rankedAt!.getTime()).toBe(row!.computedAt!.getTime());

    // Written behind the list's back (no action, no fan-out): the next view reads the stored list, not a new ranking.
    const unseen = await post(author, 'Written straight into the table');
    expect(ids(await getFeed(reader, { mode: 'foryou' }))).toEqual(ids(feed));
    expect((await stored(reader.id))!.computedAt!.getTime()).toBe(row!.computedAt!.getTime());
    // Forgotten: ranked again on the next view.
    await forgetForYou(db, reader.id);
    expect(ids(await getFeed(reader, { mode: 'foryou' })).slice(0, 2)).toEqual([unseen.id, first.id]);
  });

  it("is ranked again at once after the person's own action, which shows on the next view", async () => {
    const reader = await person('Chooser');
    const author = await person('Potter');
    const [pottery] = await db.insert(posts).values({ authorId: author.id, body: 'Throwing a big bowl', bodyHtml: '<p>Throwing a big bowl</p>' }).returning();
    await db.execute(sql`insert into post_tags (post_id, tag) values (${pottery!.id}, 'pottery')`);
    expect(ids(await getFeed(reader, { mode: 'foryou' }))).toContain(pottery!.id);
    actAs(reader);
    expect((await call(setInterestChoiceAction, { tag: 'pottery', choice: 'hide' })).error).toBeUndefined();
    expect((await stored(reader.id))!.items).toBeNull();
    expect(ids(await getFeed(reader, { mode: 'foryou' }))).not.toContain(pottery!.id);
  });

  it('a new post from someone followed marks the list overtaken: served once more, then ranked again in the background', async () => {
    const reader = await person('Follower');
    const author = await person('Writer');
    await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
    const old = await post(author, 'An older note', 3);
    const before = ids(await getFeed(reader, { mode: 'foryou' }));
    expect(before[0]).toBe(old.id);
    actAs(author);
    expect((await call(createPostAction, { body: 'Fresh from the press', tags: '' })).error).toBeUndefined();
    const [fresh] = await db.select().from(posts).where(eq(posts.body, 'Fresh from the press'));
    expect((await stored(reader.id))!.stale).toBe(true);
    // This view gets the list it has, and starts the new ranking…
    expect(ids(await getFeed(reader, { mode: 'foryou' }))).toEqual(before);
    await settledForYou(reader.id);
    // …which the next view reads.
    expect((await stored(reader.id))!.stale).toBe(false);
    expect(ids(await getFeed(reader, { mode: 'foryou' }))[0]).toBe(fresh!.id);
  });

  it('never stores a ranking that started before the list was made out of date', async () => {
    const reader = await person('Racer');
    const author = await person('Racee');
    await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
    await post(author, 'Something to rank');
    await getFeed(reader, { mode: 'foryou' });
    const personalization = await personalizationOf(db, reader.id);
    // The ranking starts (it has read the list's version), then the person changes something before it is written.
    const held = heldAfterFirstStatement();
    const ranking = rankAndStoreForYou(held.executor, reader.id, personalization);
    await held.versionRead;
    await forgetForYou(db, reader.id);
    held.release();
    await ranking;
    expect((await stored(reader.id))!.items).toBeNull();
  });

  it('is in the privacy dashboard with its reasons, and deleting it only means it is ranked afresh', async () => {
    const reader = await person('Private');
    const author = await person('Shown');
    await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
    const p = await post(author, 'Visible in the dashboard');
    await getFeed(reader, { mode: 'foryou' });
    const entry = registry.find((e) => e.table === 'for_you_lists')!;
    const [row] = await entry.list(db, reader.id, { limit: 10, offset: 0 });
    expect((row as { posts: unknown[] }).posts[0]).toMatchObject({ place: 1, post_id: p.id, because: ['Because you follow Shown'] });
    expect(await db.transaction((tx) => entry.deleteItem!(tx, reader.id, entry.itemKey!(row!)))).toBe(true);
    expect(await stored(reader.id)).toBeUndefined();
    expect(ids(await getFeed(reader, { mode: 'foryou' }))[0]).toBe(p.id);
    expect((await stored(reader.id))!.items).not.toBeNull();
  });

  it('never stores a first ranking that started before the person changed something (no list yet)', async () => {
    const reader = await person('First');
    const author = await person('Firstee');
    await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
    await post(author, 'Ranked before the change');
    expect(await stored(reader.id)).toBeUndefined();
    const held = heldAfterFirstStatement();
    const ranking = rankAndStoreForYou(held.executor, reader.id, await personalizationOf(db, reader.id));
    await held.versionRead;
    await forgetForYou(db, reader.id);
    held.release();
    await ranking;
    expect((await stored(reader.id))!.items).toBeNull();
    expect((await stored(reader.id))!.version).toBe(1);
  });

  async function listedOnce(name: string) {
    const reader = await person(name);
    const author = await person(`${name}ee`);
    await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
    await post(author, 'Tick');
    await getFeed(reader, { mode: 'foryou' });
    return { reader, personalization: await personalizationOf(db, reader.id), first: (await stored(reader.id))!.computedAt!.getTime() };
  }

  // (Embedded PGlite runs in this process and reads this process's clock: there the two are one.)
  it.skipIf(testDatabaseKind() === 'pglite')('judges a list’s age by the database’s clock, not this machine’s', async () => {
    const { reader, personalization, first } = await listedOnce('Clock');
    // This instance's clock runs an hour ahead: the list is not old to the database, so nothing is ranked.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    try {
      await readForYou(reader.id, personalization);
      await settledForYou(reader.id);
    } finally {
      vi.useRealTimers();
    }
    expect((await stored(reader.id))!.computedAt!.getTime()).toBe(first);
  });

  it('a list old by the database’s clock is served once more and ranked again behind it', async () => {
    const { reader, personalization } = await listedOnce('Aged');
    await db.execute(sql`update for_you_lists set computed_at = clock_timestamp() - ${`${FOR_YOU_REFRESH_MS + 60_000} milliseconds`}::interval where user_id = ${reader.id}`);
    const aged = (await stored(reader.id))!.computedAt!.getTime();
    expect((await readForYou(reader.id, personalization)).computedAt.getTime()).toBe(aged);
    await settledForYou(reader.id);
    expect((await stored(reader.id))!.computedAt!.getTime()).toBeGreaterThan(aged);
  });

  // Server only: embedded PGlite admits one process (a lock file refuses a second), so there is no second instance to
  // exclude and for-you-list.ts takes no advisory lock; the in-process map already keeps one ranking per person.
  it.skipIf(testDatabaseKind() === 'pglite')('two instances never rank one person at once: the second waits and takes the first’s list', async () => {
    const reader = await person('Twice');
    const author = await person('Twicee');
    await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
    await post(author, 'Ranked once');
    const personalization = await personalizationOf(db, reader.id);
    const inflight = (globalThis as { __hearthForYouInflight?: Map<string, unknown> }).__hearthForYouInflight!;
    // Instance A starts the first ranking; instance B (its own memory: no ranking in flight) asks at the same moment.
    const onA = readForYou(reader.id, personalization);
    inflight.clear();
    const onB = readForYou(reader.id, personalization);
    const [a, b] = await Promise.all([onA, onB]);
    expect(b.computedAt.getTime()).toBe(a.computedAt.getTime());
    expect(b.items.map((i) => i.postId)).toEqual(a.items.map((i) => i.postId));
  });
});
