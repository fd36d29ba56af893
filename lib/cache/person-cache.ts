// A small in-process cache of things computed for one person that are costly and may lag the rest of Hearth by a
// few minutes (the feed's "suggested groups and people"). Whatever the person does through a Server Action forgets
// their entries at once (lib/action-state.ts), so their own choices — a mute, a follow, a new interest — show
// immediately; other people's activity shows within the TTL. Past the TTL an entry is still served while a fresh
// one is computed in the background (a person's next view gets it), so no view waits for the recomputation;
// past MAX_AGE_MS it is computed while the view waits. Bounded: the oldest entries go first.
const TTL_MS = 5 * 60_000;
const MAX_AGE_MS = 30 * 60_000;
const MAX_ENTRIES = 20_000;

type Entry = { at: number; value: Promise<unknown>; refreshing?: boolean };
const slot = ((globalThis as { __hearthPersonCache?: Map<string, Entry> }).__hearthPersonCache ??= new Map());

function store<T>(id: string, compute: () => Promise<T>, now: number, previous?: Entry): Promise<T> {
  const value = compute();
  if (previous) {
    // A background refresh: the old value stays until the new one is ready, and a failure keeps the old one.
    previous.refreshing = true;
    value.then(
      () => slot.get(id) === previous && (slot.delete(id), slot.set(id, { at: now, value })),
      () => slot.get(id) === previous && (previous.refreshing = false),
    );
    return value;
  }
  slot.delete(id);
  slot.set(id, { at: now, value });
  // A failed computation is not kept.
  value.catch(() => slot.get(id)?.value === value && slot.delete(id));
  while (slot.size > MAX_ENTRIES) slot.delete(slot.keys().next().value!);
  return value;
}

/** The cached value of `key` for this person, computing it when absent or too old (see above). */
export function cachedForPerson<T>(userId: string, key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const id = `${userId}\u0000${key}`;
  const hit = slot.get(id);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  if (hit && now - hit.at < MAX_AGE_MS) {
    if (!hit.refreshing) store(id, compute, now, hit).catch(() => {});
    return hit.value as Promise<T>;
  }
  return store(id, compute, now);
}

/** Forgets everything cached for the person (after any of their writes). */
export function forgetPerson(userId: string) {
  const prefix = `${userId}\u0000`;
  for (const id of slot.keys()) if (id.startsWith(prefix)) slot.delete(id);
}
