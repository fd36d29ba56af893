'use client';
// Re-reads the page (router.refresh: the server renders it again through the same authorized reads; what the
// person typed and where they are stay) when events of these kinds arrive, a few at a time.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useLiveEvent, type LiveKind } from './live-provider';

export function LiveRefresh({ kinds, announce }: { kinds: LiveKind[]; announce?: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [said, setSaid] = useState('');
  useLiveEvent(kinds, () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
      if (announce) setSaid((s) => (s === announce ? `${announce}.` : announce));
    }, 400);
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return (
    // A polite live region, not a status: the page's own status lines (an action's answer) stay the only "status".
    <p aria-live="polite" aria-atomic="true" className="sr-only">
      {said}
    </p>
  );
}
