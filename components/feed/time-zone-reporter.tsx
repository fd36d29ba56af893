'use client';

import { useEffect } from 'react';
import { rememberTimeZoneAction } from '@/lib/profiles/actions';

/**
 * Until a person picks a time zone, the greeting uses their browser's (once, then it is theirs to change). The next
 * view greets in it; this one is not refreshed for it, so nothing on the page moves while the person is using it.
 */
export function TimeZoneReporter() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const data = new FormData();
    data.set('timeZone', zone);
    void rememberTimeZoneAction({}, data);
  }, []);
  return null;
}
