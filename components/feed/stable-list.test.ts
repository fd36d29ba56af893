import { describe, expect, it } from 'vitest';
import { keepPlaces } from './stable-list';

describe('keepPlaces', () => {
  it('keeps the posts on screen in their places, fresh where the server sent them again, and adds none', () => {
    const shown = [{ id: 'a', node: 'a1' }, { id: 'b', node: 'b1' }, { id: 'c', node: 'c1' }];
    // Ranked again after a reaction on b: b dropped, c first, a new post d.
    const next = [{ id: 'c', node: 'c2' }, { id: 'd', node: 'd2' }, { id: 'a', node: 'a2' }];
    expect(keepPlaces(shown, next)).toEqual([{ id: 'a', node: 'a2' }, { id: 'b', node: 'b1' }, { id: 'c', node: 'c2' }]);
  });
});
