// A small in-memory cache of things computed for one person that are costly and may lag the rest of Hearth by a
// few minutes (the feed's "suggested groups and people"), correct on any number of app instances.
//
// Each entry remembers the person's cache version (users.cache_version) it was computed under, and is used only
// while the version in the database is the same. A Server Action that changes what is computed here declares it
// (`invalidates: ['personCache']`, applied by lib/action-state.ts on success) and bumps the version, so their own choices — a mute, a follow, a new interest — show on
// their very next request, whichever instance serves it: the check is one primary-key read, judged by equality of a
// number the database keeps, never by comparing two machines' clocks. Other people's activity shows within the TTL.
// Past the TTL an entry is still served while a fresh one is computed in the background (a person's next view gets
// it), so no view waits for the recomputation; past MAX_AGE_MS it is computed while the view waits. Bounded: the
// oldest entries go first.
import { eq, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { users } from '@/db/schema';

const TTL_MS = 5 * 60_000;
const MAX_AGE_MS = 30 * 60_000;
const MAX_ENTRIES = 20_000;

type Entry = { at: number; version: number; value: Promise<unknown>; refreshing?: boolean };
const slot = ((globalThis as { __hearthPersonCache?: Map<string, Entry> }).__hearthPersonCache ??= new Map());

/** The person's cache version now (-1 for someone who does not exist: nothing is kept for them). */
async function versionOf(userId: string): Promise<number> {
  const [row] = await db.select({ version: users.cacheVersion }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.version ?? -1;
}

function store<T>(id: string, compute: () => Promise<T>, now: number, version: number, previous?: Entry): Promise<T> {
  // Settled into a promise once: a query builder is only promise-like and would run its statement at every await.
  const value = Promise.resolve(compute());
  if (previous) {
    // A background refresh: the old value stays until the new one is ready, and a failure keeps the old one.
    previous.refreshing = true;
    value.then(
      () => slot.get(id) === previous && (slot.delete(id), slot.set(id, { at: now, version, value })),
      () => slot.get(id) === previous && (previous.refreshing = false),
    );
    return value;
  }
  slot.delete(id);
  if (version < 0) return value;
  slot.set(id, { at: now, version, value });
  // A failed computation is not kept.
  value.catch(() => slot.get(id)?.value === value && slot.delete(id));
  while (slot.size > MAX_ENTRIES) slot.delete(slot.keys().next().value!);
  return value;
}

/**
 * The cached value of `key` for this person, computing it when absent, too old or made stale (see above).
 * `knownVersion`: the person's cache version as this request already read it from the database (the viewer's, read
 * with the session: lib/auth/viewer.ts), which spares the read here; it must come from the database in this request.
 */
export async function cachedForPerson<T>(userId: string, key: string, compute: () => Promise<T>, now = Date.now(), knownVersion?: number): Promise<T> {
  const id = `${userId}\u0000${key}`;
  const version = knownVersion ?? (await versionOf(userId));
  const hit = slot.get(id);
  if (hit && hit.version === version) {
    if (now - hit.at < TTL_MS) return hit.value as Promise<T>;
    if (now - hit.at < MAX_AGE_MS) {
      if (!hit.refreshing) store(id, compute, now, version, hit).catch(() => {});
      return hit.value as Promise<T>;
    }
  }
  return store(id, compute, now, version);
}

/**
 * Everything computed for the person is stale (after any of their writes): forgotten here at once, and on every
 * other instance at its next read, through the version. Takes the executor of the write, so a transaction that
 * rolls back leaves the version as it was (a rollback changed nothing to forget).
 */
export async function forgetPerson(executor: Executor, userId: string) {
  const prefix = `${userId}\u0000`;
  for (const id of slot.keys()) if (id.startsWith(prefix)) slot.delete(id);
  await executor
    .update(users)
    .set({ cacheVersion: sql`${users.cacheVersion} + 1` })
    .where(eq(users.id, userId));
}
