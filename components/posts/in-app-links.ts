'use client';
// A card's links are plain <a> elements, followed inside the app by one handler on the card: ten <Link>s a card
// were a hundred components on a feed page (each with its hooks and a context provider, rendered on the server for
// every view), and each prefetched its page as it scrolled into view. Here a click on any of the card's links
// navigates as <Link> does (no page load; modified clicks, other windows and other sites as the browser does), and
// the page is prefetched when the pointer or focus comes to the link, not for every link on the screen.
import { useRouter } from 'next/navigation';
import type { FocusEvent, MouseEvent, PointerEvent } from 'react';

type Router = ReturnType<typeof useRouter>;

/** The same-site path of the link an event happened in, inside `container`, when the app may follow it itself. */
function inAppHref(target: EventTarget | null, container: Element, here: Location = window.location): string | null {
  const link = target instanceof Element ? target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || !container.contains(link)) return null;
  if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return null;
  const url = new URL(link.href, here.href);
  if (url.origin !== here.origin) return null;
  // Route handlers (a post's full-size image, an avatar) are files, not pages: the browser opens them.
  if (url.pathname.startsWith('/api/')) return null;
  // A link to a place on this same page: the browser scrolls there.
  if (url.pathname === here.pathname && url.search === here.search && url.hash) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Handlers for a card (spread on its <article>): clicks on its links navigate in the app, intent prefetches. */
export function inAppLinks(router: Router) {
  const prefetch = (event: PointerEvent<HTMLElement> | FocusEvent<HTMLElement>) => {
    const href = inAppHref(event.target, event.currentTarget);
    if (href) router.prefetch(href);
  };
  return {
    onClick(event: MouseEvent<HTMLElement>) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const href = inAppHref(event.target, event.currentTarget);
      if (!href) return;
      event.preventDefault();
      router.push(href);
    },
    onPointerOver: prefetch,
    onFocus: prefetch,
  };
}
