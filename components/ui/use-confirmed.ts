'use client';

import { useState } from 'react';

/**
 * A value the server rendered that the browser may confirm on its own: it starts from the server's, follows it
 * whenever the server renders it anew (any of `from`, the props it is made of, changed), and holds what an action
 * confirmed in between (an action need not re-render the page for its answer to stay on screen).
 */
export function useConfirmed<T>(server: T, from: readonly unknown[] = [server]): [T, (next: T | ((current: T) => T)) => void] {
  const [value, setValue] = useState(server);
  const [received, setReceived] = useState(from);
  if (from.length !== received.length || from.some((prop, i) => !Object.is(prop, received[i]))) {
    setReceived(from);
    setValue(server);
  }
  return [value, setValue];
}
