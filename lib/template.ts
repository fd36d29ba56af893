// The one template engine of Hearth, for group welcome messages and thank-you templates: {placeholder} filled from
// plain values. Pure, so forms preview with the very code that fills the message.
import { formatNumber } from '@/lib/intl';

/**
 * Fills the {placeholders} of `template` named in `allowed`, in one pass: values are never read as templates
 * themselves (a member named "{group}" stays "{group}"), a placeholder without a value stays as typed, numbers read
 * "1,234". The result is plain text — React escapes it wherever it is shown, so markup in a value is never run.
 */
export function fillTemplate<K extends string>(template: string, allowed: readonly K[], values: Partial<Record<K, string | number>>): string {
  return template.replace(/\{([a-zA-Z]{1,30})\}/g, (whole, key: string) => {
    if (!(allowed as readonly string[]).includes(key)) return whole;
    const value = values[key as K];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
