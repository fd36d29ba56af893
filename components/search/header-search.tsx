'use client';

// Search in the app header: a link to /search that, with JavaScript, opens the type-ahead box over the header row
// instead (there is no room for a standing box beside the navigation). "/" opens it from anywhere on the page.
import { useEffect, useRef, useState } from 'react';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Search, X } from '@/components/ui/icons';
import { SearchBox } from './search-box';

function isTyping(target: EventTarget | null) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function HeaderSearch() {
  const pathname = usePathname();
  const q = useSearchParams().get('q');
  const location = `${pathname}?${q ?? ''}`;
  // Open for the page it was opened on: going anywhere (a suggestion, the results page) closes it.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === location;
  const trigger = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !event.metaKey && !event.ctrlKey && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        setOpenAt(location);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [location]);

  const close = () => {
    setOpenAt(null);
    requestAnimationFrame(() => trigger.current?.focus());
  };

  return (
    <>
      <Link
        ref={trigger}
        href="/search"
        aria-label="Search"
        aria-keyshortcuts="/"
        title="Search (/)"
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          setOpenAt(location);
        }}
        className="rounded-lg p-2 text-muted hover:bg-raised hover:text-ink"
      >
        <Search aria-hidden="true" className="size-5" />
      </Link>
      {open && (
        <div
          className="absolute inset-0 z-40 flex items-center gap-2 bg-page px-4"
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpenAt(null);
          }}
        >
          <SearchBox variant="header" autoFocus onDismiss={close} className="mx-auto w-full max-w-xl" />
          <button type="button" onClick={close} className="shrink-0 rounded-lg p-2 text-muted hover:bg-raised hover:text-ink">
            <X aria-hidden="true" className="size-5" />
            <span className="sr-only">Close search</span>
          </button>
        </div>
      )}
    </>
  );
}
