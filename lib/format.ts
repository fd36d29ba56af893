import { memo } from './memo';
import { dateFormat, defaultDateContext, formatNumber, relativeFormat, type DateContext } from './intl';

// The words for a time: every card on every page asks for two (its age, and the full date as the title), and
// formatting is slow next to a lookup (~10 µs). They depend only on the locale, zone and instant, so each is kept
// once made (a community's recent posts are few, and each is seen by many).
const remembered = memo<string>(10_000);

/**
 * "5 minutes ago", "yesterday", "3 days ago" in the reader's locale (Intl.RelativeTimeFormat), or the date in their
 * time zone for anything older than a month.
 */
export function timeAgo(date: Date, now = new Date(), { locale, timeZone }: DateContext = defaultDateContext) {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  const relative = (value: number, unit: Intl.RelativeTimeFormatUnit) => remembered(`r\u0000${locale}\u0000${value}\u0000${unit}`, () => relativeFormat(locale).format(value, unit));
  if (seconds < 60) return relative(0, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 30) return relative(-days, 'day');
  const year = (d: Date) => dateFormat(locale, { year: 'numeric', timeZone }).format(d);
  return dateFormat(locale, { day: 'numeric', month: 'short', year: year(date) === year(now) ? undefined : 'numeric', timeZone }).format(date);
}

/** The date and time, in full, in the reader's locale and time zone ("6 Dec 2026, 14:05 CET"). */
export function absoluteTime(date: Date, { locale, timeZone }: DateContext = defaultDateContext) {
  return remembered(`a\u0000${locale}\u0000${timeZone}\u0000${date.getTime()}`, () =>
    dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(date),
  );
}

export function plural(n: number, one: string, many = `${one}s`) {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/**
 * Any stored value in words, for logs and lists people read: text as it is, yes/no, numbers, dates in UTC, lists
 * joined with commas, an object as "key: value" pairs — never JSON.
 */
export function plainValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString('en');
  if (value instanceof Date) return dateTimeText(value);
  if (Array.isArray(value)) return value.length ? value.map(plainValue).join(', ') : 'none';
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${plainValue(v)}`).join('; ');
  return String(value);
}

/** A moment as people read it, the same on every page that lists one: "6 Dec 2026, 05:56 UTC". */
export function dateTimeText(date: Date): string {
  return `${date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}
