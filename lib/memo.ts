// Values that are a pure function of their key (a time's words, an avatar's colours), kept once made. Nothing here
// can go stale, so no instance needs telling: a key names its value for ever. Bounded: when full, everything is
// forgotten at once (the keys hot on a page are few, and come back at the next view).

/** A store of at most `limit` values: `(key, make)` answers the kept value, or makes and keeps it. */
export function memo<T>(limit: number): (key: string, make: () => T) => T {
  const values = new Map<string, T>();
  return (key, make) => {
    let value = values.get(key);
    if (value === undefined) {
      if (values.size >= limit) values.clear();
      values.set(key, (value = make()));
    }
    return value;
  };
}
