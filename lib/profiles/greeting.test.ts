import { describe, expect, it } from 'vitest';
import { greetingFor, nextAnniversary, partOfDay, type GreetingFacts } from './greeting';

const base: GreetingFacts = { name: 'Maya Kim', timeZone: 'Europe/London', newGroupPosts: 0, newFollower: null, newFollowerCount: 0, anniversaryInDays: null, anniversaryYears: 1 };
const at = (iso: string) => new Date(iso);

describe('greeting', () => {
  it('says the part of the day in the person’s own time zone', () => {
    const now = at('2026-11-20T19:30:00Z');
    expect(greetingFor(base, now).salutation).toBe('Good evening, Maya');
    expect(greetingFor({ ...base, timeZone: 'Asia/Tokyo' }, now).salutation).toBe('Hello, night owl Maya'); // 04:30 there
    expect(greetingFor({ ...base, timeZone: 'America/Los_Angeles' }, now).salutation).toBe('Good morning, Maya'); // 11:30
    expect(partOfDay(at('2026-11-20T13:00:00Z'), null)).toBe('afternoon');
  });

  it('adds one kind line: an anniversary today, then a new follower, then group news, then an anniversary soon', () => {
    const now = at('2026-11-20T09:00:00Z');
    expect(greetingFor({ ...base, anniversaryInDays: 0, anniversaryYears: 2, newFollower: 'Ana' }, now).line).toBe('It’s your 2nd Hearth anniversary today — thank you for being here.');
    expect(greetingFor({ ...base, newFollower: 'Ana Lee', newFollowerCount: 3, newGroupPosts: 9 }, now).line).toBe('Ana Lee and 2 others started following you.');
    expect(greetingFor({ ...base, newFollower: 'Ana Lee', newFollowerCount: 1 }, now).line).toBe('Ana Lee started following you.');
    expect(greetingFor({ ...base, newGroupPosts: 1 }, now).line).toBe('One new post in your groups since your last visit.');
    expect(greetingFor({ ...base, newGroupPosts: 12 }, now).line).toBe('12 new posts in your groups since your last visit.');
    expect(greetingFor({ ...base, anniversaryInDays: 1, anniversaryYears: 3 }, now).line).toBe('Your 3rd Hearth anniversary is tomorrow.');
  });

  it('never guilt-trips: with no good news there is no line at all', () => {
    const { line } = greetingFor(base, at('2026-11-20T09:00:00Z'));
    expect(line).toBeNull();
  });

  it('counts days to the next anniversary in the person’s calendar', () => {
    expect(nextAnniversary(at('2024-11-22T10:00:00Z'), at('2026-11-20T10:00:00Z'), 'UTC')).toEqual({ inDays: 2, years: 2 });
    expect(nextAnniversary(at('2024-11-20T10:00:00Z'), at('2026-11-20T10:00:00Z'), 'UTC')).toEqual({ inDays: 0, years: 2 });
    expect(nextAnniversary(at('2024-11-19T10:00:00Z'), at('2026-11-20T10:00:00Z'), 'UTC')).toMatchObject({ years: 3 });
  });
});
