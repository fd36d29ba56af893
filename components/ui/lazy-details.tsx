'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { element, Noscript } from './noscript';

/**
 * A native disclosure (<details>, keyboard and screen readers as usual) whose content is drawn only once it is
 * opened: lists of cards do not render forms and tables nobody opened. Opened before the page hydrated, it
 * catches up on hydration. Without JavaScript the content is in the HTML inside <noscript> (which a browser running
 * scripts never draws, and React never hydrates), so the disclosure opens onto real forms there too — or, with
 * `noscriptHref`, the disclosure hides without JavaScript and a link leads to a page holding the same content, so a
 * list of twenty cards does not carry twenty copies of it (they were a fifth of the feed's server time).
 */
export function LazyDetails({
  summary,
  className,
  summaryClassName,
  summaryId,
  noscriptHref,
  children,
}: {
  /** Words: without JavaScript they are a link's (see `noscriptHref`). */
  summary: string;
  className?: string;
  summaryClassName?: string;
  /** For a page that moves focus back to the summary. */
  summaryId?: string;
  /** Without JavaScript, a link here instead of the content in place. */
  noscriptHref?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  if (noscriptHref) {
    return (
      <>
        <details ref={ref} className={cn(className, 'noscript:hidden')} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary id={summaryId} className={summaryClassName}>{summary}</summary>
          {open ? children : null}
        </details>
        <Noscript html={element('p', { class: className }, { inner: element('a', { href: noscriptHref, class: summaryClassName }, { text: summary }) })} />
      </>
    );
  }
  return (
    <details ref={ref} className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary id={summaryId} className={summaryClassName}>{summary}</summary>
      {open ? children : <noscript>{children}</noscript>}
    </details>
  );
}
