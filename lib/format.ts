import { dateFormat, defaultDateContext, formatNumber, relativeFormat, type DateContext } from './intl';

/**
 * "5 minutes ago", "yesterday", "3 days ago" in the reader's locale (Intl.RelativeTimeFormat), or the date in their
 * time zone for anything older than a month.
 */
export function timeAgo(date: Date, now = new Date(), { locale, timeZone }: DateContext = defaultDateContext) {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  const relative = relativeFormat(locale);
  if (seconds < 60) return relative.format(0, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 30) return relative.format(-days, 'day');
  const year = (d: Date) => dateFormat(locale, { year: 'numeric', timeZone }).format(d);
  return dateFormat(locale, { day: 'numeric', month: 'short', year: year(date) === year(now) ? undefined : 'numeric', timeZone }).format(date);
}

const fullFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The date and time, in full, in the reader's locale and time zone ("6 Dec 2026, 14:05 CET"): one formatter per
 * locale and zone, made once (every time on a page asks for it, ten cards and more).
 */
export function absoluteTime(date: Date, { locale, timeZone }: DateContext = defaultDateContext) {
  const key = `${locale}\u0000${timeZone}`;
  let format = fullFormats.get(key);
  if (!format) {
    format = dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' });
    if (fullFormats.size < 2_000) fullFormats.set(key, format);
  }
  return format.format(date);
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
