import { describe, expect, it } from 'vitest';
import { plural, timeAgo } from './format';

describe('timeAgo', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it.each([
    [10, 'just now'],
    [5 * 60, '5 min ago'],
    [2 * 3600, '2 h ago'],
    [3 * 86400, '3 d ago'],
  ])('%i seconds ago reads %s', (seconds, text) => {
    expect(timeAgo(new Date(now.getTime() - seconds * 1000), now)).toBe(text);
  });
  it('shows a date for anything older than a month', () => {
    expect(timeAgo(new Date('2026-03-02T12:00:00Z'), now)).toBe('2 Mar');
    expect(timeAgo(new Date('2025-03-02T12:00:00Z'), now)).toBe('2 Mar 2025');
  });
});

describe('plural', () => {
  it('picks the right form', () => {
    expect(plural(1, 'member')).toBe('1 member');
    expect(plural(1200, 'member')).toBe('1,200 members');
    expect(plural(0, 'reply', 'replies')).toBe('0 replies');
  });
});
