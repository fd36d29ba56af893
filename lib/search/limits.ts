import 'server-only';
// The type-ahead asks on nearly every keystroke (debounced): generous for a person, a ceiling for a script.
import { db } from '@/db/client';
import type { Viewer } from '@/lib/auth/viewer';
import { consume, type Verdict } from '@/lib/rate-limit';

export const typeaheadPerMinute = { name: 'search:1m', limit: 120, windowSeconds: 60 };

/** Counted per person when signed in, else per address (IPv6 per /64). */
export function throttleTypeahead(viewer: Viewer | null, address: string): Promise<Verdict> {
  return consume(db, [{ rule: typeaheadPerMinute, subject: viewer ? `user:${viewer.id}` : `ip:${address}` }], new Date(), 'Searching a little fast.');
}
