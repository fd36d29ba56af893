// A small in-process cache of things computed for one person that are costly and may lag the rest of Hearth by a
// few minutes (the feed's "suggested groups and people"). Whatever the person does through a Server Action forgets
// their entries at once (lib/action-state.ts), so their own choices — a mute, a follow, a new interest — show
// immediately; other people's activity shows within the TTL. Bounded: the oldest entries go first.
const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 20_000;

type Entry = { at: number; value: Promise<unknown> };
const slot = ((globalThis as { __hearthPersonCache?: Map<string, Entry> }).__hearthPersonCache ??= new Map());

/** The cached value of `key` for this person, computing it when absent or older than the TTL. */
export function cachedForPerson<T>(userId: string, key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const id = `${userId}\u0000${key}`;
  const hit = slot.get(id);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = compute();
  slot.delete(id);
  slot.set(id, { at: now, value });
  // A failed computation is not kept.
  value.catch(() => slot.get(id)?.value === value && slot.delete(id));
  while (slot.size > MAX_ENTRIES) slot.delete(slot.keys().next().value!);
  return value;
}

/** Forgets everything cached for the person (after any of their writes). */
export function forgetPerson(userId: string) {
  const prefix = `${userId}\u0000`;
  for (const id of slot.keys()) if (id.startsWith(prefix)) slot.delete(id);
}
