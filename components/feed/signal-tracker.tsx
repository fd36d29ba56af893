'use client';
// Records which posts were actually seen (≥ 50 % visible for ≥ 1 s) and which were opened, in batches sent with
// navigator.sendBeacon: fire-and-forget, off the scrolling path. Rendered only when the person allows it; the
// server checks consent, pause and mode again anyway.
import { useEffect, useRef, type ReactNode } from 'react';

type Event = { postId: string; kind: 'view' | 'open' };

const queue: Event[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

function flush() {
  if (timer) clearTimeout(timer);
  timer = null;
  if (queue.length === 0) return;
  const events = queue.splice(0, 50);
  const body = JSON.stringify({ events });
  // text/plain keeps the beacon a simple request (no preflight); the route reads and validates the JSON itself.
  const sent = typeof navigator.sendBeacon === 'function' && navigator.sendBeacon('/api/signals', new Blob([body], { type: 'text/plain' }));
  if (!sent) void fetch('/api/signals', { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'text/plain' } }).catch(() => {});
  if (queue.length > 0) schedule();
}

function schedule() {
  if (!timer) timer = setTimeout(flush, 4000);
}

export function record(event: Event) {
  queue.push(event);
  if (queue.length >= 20) flush();
  else schedule();
}

/** Watches every [data-post-id] inside it; each post counts as viewed at most once per page. */
export function SignalTracker({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root || typeof IntersectionObserver === 'undefined') return;
    const seen = new Set<string>();
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.postId;
          if (!id || seen.has(id)) continue;
          if (entry.isIntersecting && entry.intersectionRatio >= 0.5) {
            if (!timers.has(id))
              timers.set(
                id,
                setTimeout(() => {
                  seen.add(id);
                  timers.delete(id);
                  record({ postId: id, kind: 'view' });
                }, 1000),
              );
          } else {
            clearTimeout(timers.get(id));
            timers.delete(id);
          }
        }
      },
      { threshold: [0, 0.5, 1] },
    );
    root.querySelectorAll<HTMLElement>('[data-post-id]').forEach((el) => observer.observe(el));
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      observer.disconnect();
      timers.forEach(clearTimeout);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [children]);
  return <div ref={ref}>{children}</div>;
}

/** On a post's own page: one "open" signal. */
export function OpenSignal({ postId }: { postId: string }) {
  useEffect(() => {
    record({ postId, kind: 'open' });
    flush();
  }, [postId]);
  return null;
}
