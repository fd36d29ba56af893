// The person cache on any number of instances: an entry is used only while the person's cache version in the
// database is the one it was computed under.
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action-state';
import { actAs } from '@/test/actions';
import { cachedForPerson, forgetPerson } from './person-cache';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));

let n = 0;
async function person(name: string) {
  const handle = `${name.toLowerCase()}_pc${++n}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  return u.id;
}

/** What another instance holds in its memory: this process's entries as they are now. */
const instanceMemory = () => new Map((globalThis as { __hearthPersonCache?: Map<string, unknown> }).__hearthPersonCache!);
const restoreMemory = (memory: Map<string, unknown>) => {
  const slot = (globalThis as { __hearthPersonCache?: Map<string, unknown> }).__hearthPersonCache!;
  slot.clear();
  for (const [k, v] of memory) slot.set(k, v);
};

describe('person cache', () => {
  it('keeps a query builder’s answer, not the builder: awaiting the cached value never runs its statement again', async () => {
    const ada = await person('Ada');
    let statements = 0;
    // A drizzle query is promise-like: each await runs it. The cache must settle it once.
    const query = { then: (resolve: (rows: string[]) => void) => resolve([`row ${++statements}`]) } as unknown as Promise<string[]>;
    expect(await cachedForPerson(ada, 'rows', () => query, 1_000)).toEqual(['row 1']);
    expect(await cachedForPerson(ada, 'rows', () => query, 2_000)).toEqual(['row 1']);
    expect(await cachedForPerson(ada, 'rows', () => query, 3_000)).toEqual(['row 1']);
    expect(statements).toBe(1);
  });

  it('computes once within the TTL, per person; after it serves the old value once while computing the next', async () => {
    const ada = await person('Ada');
    const bo = await person('Bo');
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cachedForPerson(ada, 'k', compute, 1_000)).toBe(1);
    expect(await cachedForPerson(ada, 'k', compute, 2_000)).toBe(1);
    expect(await cachedForPerson(bo, 'k', compute, 2_000)).toBe(2);
    // Past the TTL: the old value, and one refresh behind it (not two).
    const later = 1_000 + 5 * 60_000;
    const [first, second] = [cachedForPerson(ada, 'k', compute, later), cachedForPerson(ada, 'k', compute, later + 1)];
    expect(await first).toBe(1);
    // The second sees the old value or, if the refresh ended first, the new one: never a second refresh.
    expect([1, 3]).toContain(await second);
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(3);
    expect(await cachedForPerson(ada, 'k', compute, later + 2)).toBe(3);
    // Far past it (30 minutes): computed while the caller waits.
    expect(await cachedForPerson(ada, 'k', compute, later + 31 * 60_000)).toBe(4);
  });

  it('forgets a person (only that person) and never keeps a failure', async () => {
    const [cy, di, ed] = [await person('Cy'), await person('Di'), await person('Ed')];
    let runs = 0;
    const compute = async () => ++runs;
    await cachedForPerson(cy, 'k', compute);
    await cachedForPerson(di, 'k', compute);
    await forgetPerson(db, cy);
    expect(await cachedForPerson(cy, 'k', compute)).toBe(3);
    expect(await cachedForPerson(di, 'k', compute)).toBe(2);
    await expect(cachedForPerson(ed, 'k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cachedForPerson(ed, 'k', compute)).toBe(4);
  });

  it('is forgotten on another instance by its next read, without any message reaching it', async () => {
    const fay = await person('Fay');
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cachedForPerson(fay, 'k', compute)).toBe(1);
    // Instance B keeps its memory; the action runs on instance A, which forgets only its own.
    const instanceB = instanceMemory();
    await forgetPerson(db, fay);
    restoreMemory(instanceB);
    // B still holds the entry computed before the action, but does not use it.
    expect(await cachedForPerson(fay, 'k', compute)).toBe(2);
    expect(await cachedForPerson(fay, 'k', compute)).toBe(2);
  });

  it('a computation that started before the action is not used after it', async () => {
    const gil = await person('Gil');
    let release!: () => void;
    const slow = () => new Promise<string>((resolve) => (release = () => resolve('before the mute')));
    const pending = cachedForPerson(gil, 'k', slow);
    await new Promise((r) => setTimeout(r, 20));
    await forgetPerson(db, gil);
    release();
    expect(await pending).toBe('before the mute');
    expect(await cachedForPerson(gil, 'k', async () => 'after the mute')).toBe('after the mute');
  });

  it('rolls back with the write it belonged to', async () => {
    const hal = await person('Hal');
    const version = async () => (await db.select({ v: users.cacheVersion }).from(users).where(eq(users.id, hal)))[0]!.v;
    const before = await version();
    await db
      .transaction(async (tx) => {
        await forgetPerson(tx, hal);
        throw new Error('the action failed');
      })
      .catch(() => {});
    expect(await version()).toBe(before);
    await forgetPerson(db, hal);
    expect(await version()).toBe(before + 1);
  });

  it("is forgotten, on every instance, after a Server Action of the person's that declares it and went through, not after a refused one", async () => {
    const ivy = await person('Ivy');
    let runs = 0;
    const compute = async () => ++runs;
    await cachedForPerson(ivy, 'k', compute);
    const instanceB = instanceMemory();
    actAs({ id: ivy, handle: 'ivy', name: 'Ivy', image: null });
    const action = validatedActionWithUser(z.object({ n: z.coerce.number().min(1) }), async () => ({ success: 'ok' }), { invalidates: ['personCache'] });
    expect((await action({}, new FormData())).error).toBeTruthy();
    restoreMemory(instanceB);
    expect(await cachedForPerson(ivy, 'k', compute)).toBe(1);
    const ok = new FormData();
    ok.set('n', '2');
    expect((await action({}, ok)).success).toBe('ok');
    restoreMemory(instanceB);
    expect(await cachedForPerson(ivy, 'k', compute)).toBe(2);
  });

  it('uses the version the request read with the session, and an action that forgets the person makes its page read it again', async () => {
    const jo = await person('Jo');
    const version = async () => (await db.select({ v: users.cacheVersion }).from(users).where(eq(users.id, jo)))[0]!.v;
    let runs = 0;
    const compute = async () => ++runs;
    const read = await version();
    expect(await cachedForPerson(jo, 'k', compute, Date.now(), read)).toBe(1);
    expect(await cachedForPerson(jo, 'k', compute, Date.now(), read)).toBe(1);
    // Another instance forgot the person: a request that read the new version does not use this instance's entry.
    const instanceB = instanceMemory();
    await forgetPerson(db, jo);
    restoreMemory(instanceB);
    expect(await cachedForPerson(jo, 'k', compute, Date.now(), await version())).toBe(2);
    // An action of theirs that forgets the cache: the viewer of its request (read before it) no longer names a version,
    // so the page it answers with reads the version afresh instead of trusting the old one.
    const viewer = { id: jo, handle: 'jo', name: 'Jo', image: null, cacheVersion: await version() };
    actAs(viewer);
    const action = validatedActionWithUser(z.object({}), async () => ({ success: 'ok' }), { invalidates: ['personCache'] });
    const instanceC = instanceMemory();
    expect((await action({}, new FormData())).success).toBe('ok');
    restoreMemory(instanceC);
    expect(viewer.cacheVersion).toBeUndefined();
    expect(await cachedForPerson(jo, 'k', compute, Date.now(), viewer.cacheVersion)).toBe(3);
  });
});
