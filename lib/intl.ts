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
