'use client';
// The posts a person is reading hold their places for the whole visit. Any Server Action that revalidates makes Next
// render the page again in its answer (whichever path it names), and a ranked list read again may be ordered
// differently (a background refresh finished, or the person's action made the list rank anew): that new order waits
// for the next visit or an explicit refresh (adoptNextOrder, called by "N new posts"). Posts keep their keys, so the
// control the person used keeps its focus.
import { useState, useSyncExternalStore, type ReactNode } from 'react';

export type StableItem = { id: string; node: ReactNode };

// Explicit refreshes asked for in this tab, counted: a list adopts the server's order when the count moved.
let refreshes = 0;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const refreshesAsked = () => refreshes;
const noneOnServer = () => 0;

/** The next list the server sends replaces the one shown (an explicit refresh). */
export function adoptNextOrder() {
  refreshes++;
  listeners.forEach((listener) => listener());
}

/** What to show when the server sends `next` while `shown` is on screen: the same posts, in the same places, fresh. */
export function keepPlaces(shown: StableItem[], next: StableItem[]): StableItem[] {
  const fresh = new Map(next.map((item) => [item.id, item.node]));
  return shown.map((item) => ({ id: item.id, node: fresh.get(item.id) ?? item.node }));
}

/** With `id`, the list can take focus (a skip link's target). */
export function StableList({ items, label, className, id }: { items: StableItem[]; label: string; className?: string; id?: string }) {
  const asked = useSyncExternalStore(subscribe, refreshesAsked, noneOnServer);
  const [adopted, setAdopted] = useState(asked);
  const [shown, setShown] = useState(items);
  const [received, setReceived] = useState(items);
  if (received !== items) {
    // Adjusting state while rendering (React's pattern for props that change): no extra paint with the new order.
    setReceived(items);
    if (asked !== adopted) {
      setAdopted(asked);
      setShown(items);
    } else setShown(keepPlaces(shown, items));
  }
  return (
    <ul id={id} tabIndex={id ? -1 : undefined} className={className} aria-label={label}>
      {shown.map((item) => (
        <li key={item.id}>{item.node}</li>
      ))}
    </ul>
  );
}
