'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { rememberTimeZoneAction } from '@/lib/profiles/actions';

/** Until a person picks a time zone, the greeting uses their browser's (once, then it is theirs to change). */
export function TimeZoneReporter() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const data = new FormData();
    data.set('timeZone', zone);
    rememberTimeZoneAction({}, data).then((result) => {
      if (result.success) router.refresh();
    });
  }, [router]);
  return null;
}
