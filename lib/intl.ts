// Intl formatters are costly to create (a new DateTimeFormat with a time zone takes about a millisecond) and cheap to
// reuse: one per locale and options, made on first use. toLocaleString and toLocaleDateString make a new one on
// every call, so code on hot paths formats through these instead.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    // Time zones are the only open-ended key; a few hundred exist.
    if (dateFormats.size < 2_000) dateFormats.set(key, format);
  }
  return format;
}

/** 1,234 (English grouping). */
export function formatNumber(n: number): string {
  let format = numberFormats.get('en');
  if (!format) numberFormats.set('en', (format = new Intl.NumberFormat('en')));
  return format.format(n);
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** Intl.RelativeTimeFormat for a locale ("5 minutes ago"), made once. */
export function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    if (relativeFormats.size < 500) relativeFormats.set(locale, format);
  }
  return format;
}

/** Where and how a person reads dates: their locale and their time zone. */
export type DateContext = { locale: string; timeZone: string };

/** Before anything is known of the reader (and on the server, which cannot know their clock): English, UTC. */
export const defaultDateContext: DateContext = { locale: 'en', timeZone: 'UTC' };

/**
 * The reader's preferred locale from an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8"): the first one Intl
 * supports, by weight; English when none is.
 */
export function localeFrom(acceptLanguage: string | null | undefined): string {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag: tag!.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of wanted) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // Not a well-formed language tag: try the next one.
    }
  }
  return defaultDateContext.locale;
}

/** The minute a page is rendered in (minutes since the epoch): the server's "now" for the times on it (RelativeTime). */
export function renderMinute(now = Date.now()) {
  return Math.floor(now / 60_000);
}
