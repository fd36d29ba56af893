import { describe, expect, it } from 'vitest';
import { absoluteTime, plural, timeAgo } from './format';
import { localeFrom } from './intl';

describe('timeAgo', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it.each([
    [10, 'now'],
    [5 * 60, '5 minutes ago'],
    [2 * 3600, '2 hours ago'],
    [86400, 'yesterday'],
    [3 * 86400, '3 days ago'],
  ])('%i seconds ago reads %s', (seconds, text) => {
    expect(timeAgo(new Date(now.getTime() - seconds * 1000), now)).toBe(text);
  });
  it('speaks the reader’s language', () => {
    expect(timeAgo(new Date(now.getTime() - 5 * 60_000), now, { locale: 'de', timeZone: 'UTC' })).toBe('vor 5 Minuten');
    expect(timeAgo(new Date(now.getTime() - 2 * 86400_000), now, { locale: 'fr', timeZone: 'UTC' })).toBe('avant-hier');
  });
  it('shows a date for anything older than a month, in the reader’s locale and time zone', () => {
    expect(timeAgo(new Date('2026-03-02T12:00:00Z'), now, { locale: 'en-GB', timeZone: 'UTC' })).toBe('2 Mar');
    expect(timeAgo(new Date('2025-03-02T12:00:00Z'), now, { locale: 'en-GB', timeZone: 'UTC' })).toBe('2 Mar 2025');
    expect(timeAgo(new Date('2025-03-02T12:00:00Z'), now, { locale: 'en-US', timeZone: 'UTC' })).toBe('Mar 2, 2025');
    // Late on 2 March in UTC is already 3 March in Tokyo.
    expect(timeAgo(new Date('2026-03-02T20:00:00Z'), now, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('3 Mar');
  });
});

describe('absoluteTime', () => {
  it('names the time zone it is in', () => {
    const at = new Date('2026-12-06T13:05:00Z');
    expect(absoluteTime(at, { locale: 'en-GB', timeZone: 'UTC' })).toBe('6 Dec 2026, 13:05 UTC');
    expect(absoluteTime(at, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('6 Dec 2026, 14:05 CET');
    // The same formatter names summer time in summer.
    expect(absoluteTime(new Date('2026-07-06T13:05:00Z'), { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('6 Jul 2026, 15:05 CEST');
    expect(absoluteTime(at, { locale: 'en-US', timeZone: 'America/New_York' })).toBe('Dec 6, 2026, 8:05 AM EST');
  });
});

describe('localeFrom', () => {
  it('takes the first supported language by weight, English when none is', () => {
    expect(localeFrom('de-CH,de;q=0.9,en;q=0.8')).toBe('de-CH');
    expect(localeFrom('en;q=0.5, fr-FR')).toBe('fr-FR');
    expect(localeFrom('*')).toBe('en');
    expect(localeFrom('not a tag!!, en-GB;q=0.1')).toBe('en-GB');
    expect(localeFrom(null)).toBe('en');
  });
});

describe('plural', () => {
  it('picks the right form', () => {
    expect(plural(1, 'member')).toBe('1 member');
    expect(plural(1200, 'member')).toBe('1,200 members');
    expect(plural(0, 'reply', 'replies')).toBe('0 replies');
  });
});
