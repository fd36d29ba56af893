'use client';

import { CheckCircle2 } from '@/components/ui/icons';
import { useEffect, useState } from 'react';

/**
 * A short confirmation that appears at the bottom of the screen and fades after a few seconds. Announced politely
 * to screen readers. Pass a new `id` (e.g. the action state object) to show the same message again.
 */
export function Toast({ message, id }: { message?: string; id?: unknown }) {
  const [shown, setShown] = useState<{ message: string; id: unknown } | null>(null);
  // Showing follows the action state; hiding follows a timer.
  const [prev, setPrev] = useState<unknown>(undefined);
  if (id !== prev) {
    setPrev(id);
    setShown(message ? { message, id } : null);
  }
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), 5000);
    return () => clearTimeout(timer);
  }, [shown]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-24 z-50 flex justify-center px-4 md:bottom-6">
      {shown && (
        <p className="pointer-events-auto inline-flex items-center gap-2 rounded-xl border border-line bg-surface px-4 py-3 text-sm font-medium text-ink shadow-lg">
          <CheckCircle2 aria-hidden="true" className="size-5 text-success" />
          {shown.message}
        </p>
      )}
    </div>
  );
}
