'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A native disclosure (<details>, keyboard and screen readers as usual) whose content is drawn only once it is
 * opened: lists of cards do not render forms and tables nobody opened. Opened before the page hydrated, it
 * catches up on hydration.
 */
export function LazyDetails({ summary, className, summaryClassName, children }: { summary: ReactNode; className?: string; summaryClassName?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={ref} className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={summaryClassName}>{summary}</summary>
      {open && children}
    </details>
  );
}
