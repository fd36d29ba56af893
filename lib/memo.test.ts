import { describe, expect, it } from 'vitest';
import { memo } from './memo';

describe('memo', () => {
  it('makes a value once per key, and forgets everything when full', () => {
    let made = 0;
    const kept = memo<string>(2);
    const make = (v: string) => () => (made++, v);
    expect(kept('a', make('A'))).toBe('A');
    expect(kept('a', make('other'))).toBe('A');
    expect(kept('b', make('B'))).toBe('B');
    expect(made).toBe(2);
    // A third key clears the two kept: 'a' is made again.
    expect(kept('c', make('C'))).toBe('C');
    expect(kept('a', make('A again'))).toBe('A again');
    expect(made).toBe(4);
  });
});
