'use client';
// One live stream per signed-in tab (app/api/live): the pages say what they show (<LiveWatch post|group|feed />),
// and components take the events they care about (useLiveEvent). Events carry ids only; what changed is fetched
// through the normal, authorized reads (router.refresh, /api/notifications/unread). Nothing here moves what the
// person is reading: new posts wait behind a button, new comments and reactions fill in where they belong.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export type LiveKind = 'notification' | 'comment' | 'reaction' | 'post' | 'join_request' | 'celebration' | 'congratulation' | 'report';
export type LiveMessage = { id: number; kind: LiveKind; postId?: string; groupId?: string };
type Watch = { post?: string; group?: string; feed?: boolean; reports?: boolean };
type Handler = (message: LiveMessage) => void;

/** Stable for the provider's life, so pages that register never cause a reconnect by re-rendering. */
interface LiveApi {
  subscribe(handler: Handler): () => void;
  watch(key: string, watch: Watch): () => void;
}

const Api = createContext<LiveApi | null>(null);
const Unread = createContext<number | null>(null);

/**
 * `unread` as the server counted it at `unreadAt` (its clock, ms). A count fetched after an event replaces it only if
 * it was counted later, so a slow answer never puts back a count the page has since moved past (mark all as read).
 */
export function LiveProvider({ unread: serverUnread, unreadAt, children }: { unread: number; unreadAt: number; children: ReactNode }) {
  const handlers = useRef(new Set<Handler>());
  const [watches, setWatches] = useState<Record<string, Watch>>({});
  const [count, setCount] = useState({ unread: serverUnread, at: unreadAt });
  const unread = count.unread;
  const lastId = useRef<number | null>(null);

  // A page render brings the count as the server sees it (adjusted during render, as React advises for props).
  const [fromServer, setFromServer] = useState(unreadAt);
  if (fromServer !== unreadAt) {
    setFromServer(unreadAt);
    setCount((current) => (unreadAt >= current.at ? { unread: serverUnread, at: unreadAt } : current));
  }

  const query = useMemo(() => {
    // What any mounted LiveWatch asks for (a watch that leaves a field unset does not unset another's).
    const merged: Watch = Object.values(watches).reduce((all, w) => ({ ...all, ...Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined && v !== false)) }), {} as Watch);
    const params = new URLSearchParams();
    if (merged.post) params.set('post', merged.post);
    if (merged.group) params.set('group', merged.group);
    if (merged.feed) params.set('feed', '1');
    if (merged.reports) params.set('reports', '1');
    return params.toString();
  }, [watches]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const params = new URLSearchParams(query);
    // A new stream for a new page picks up where the last one stopped (the browser sends Last-Event-ID itself when it
    // reconnects the same stream).
    if (lastId.current !== null) params.set('since', String(lastId.current));
    const search = params.toString();
    const source = new EventSource(`/api/live${search ? `?${search}` : ''}`);
    const refreshUnread = () =>
      fetch('/api/notifications/unread', { cache: 'no-store' })
        .then((r) => (r.ok ? r.json() : null))
        .then((body: { unread?: number; at?: number } | null) => {
          if (typeof body?.unread === 'number' && typeof body.at === 'number') {
            const fetched = { unread: body.unread, at: body.at };
            setCount((current) => (fetched.at > current.at ? fetched : current));
          }
        })
        .catch(() => {});
    const deliver = (event: MessageEvent<string>) => {
      let message: LiveMessage;
      try {
        message = JSON.parse(event.data) as LiveMessage;
      } catch {
        return;
      }
      lastId.current = Math.max(lastId.current ?? 0, message.id);
      if (message.kind === 'notification') refreshUnread();
      for (const handler of handlers.current) handler(message);
    };
    const kinds: LiveKind[] = ['notification', 'comment', 'reaction', 'post', 'join_request', 'celebration', 'congratulation', 'report'];
    kinds.forEach((kind) => source.addEventListener(kind, deliver as EventListener));
    source.addEventListener('open', () => {
      // After a gap (a restart, a lost connection) the count may have moved without an event reaching this tab.
      refreshUnread();
    });
    source.addEventListener('end', (event) => {
      const reason = (() => {
        try {
          return (JSON.parse((event as MessageEvent<string>).data) as { reason?: string }).reason;
        } catch {
          return undefined;
        }
      })();
      // Signed out (here or everywhere): stop. Replaced by a newer tab, or the instance restarting: the browser
      // reconnects by itself unless told otherwise.
      if (reason === 'signed-out' || reason === 'replaced') {
        source.close();
      }
    });
    return () => source.close();
  }, [query]);

  // The service worker (public/sw.js): the offline page, static assets, Web Push. Production only: in development it
  // would serve stale build files between edits.
  useEffect(() => {
    // eslint-disable-next-line no-restricted-properties -- browser code: Next writes NODE_ENV into the bundle at build time
    if (process.env.NODE_ENV === 'production' && 'serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
  }, []);

  const subscribe = useCallback((handler: Handler) => {
    handlers.current.add(handler);
    return () => void handlers.current.delete(handler);
  }, []);
  const watch = useCallback((key: string, w: Watch) => {
    setWatches((all) => ({ ...all, [key]: w }));
    return () =>
      setWatches((all) => {
        const { [key]: _gone, ...rest } = all;
        return rest;
      });
  }, []);

  const api = useMemo(() => ({ subscribe, watch }), [subscribe, watch]);
  return (
    <Api.Provider value={api}>
      <Unread.Provider value={unread}>{children}</Unread.Provider>
    </Api.Provider>
  );
}

/** Calls `handler` for each live event of these kinds (only while a LiveProvider is above). */
export function useLiveEvent(kinds: LiveKind[], handler: Handler) {
  const live = useContext(Api);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const key = kinds.join(',');
  useEffect(() => {
    if (!live) return;
    const wanted = new Set(key.split(','));
    return live.subscribe((message) => {
      if (wanted.has(message.kind)) latest.current(message);
    });
  }, [live, key]);
}

/** The unread notification count, kept current by the stream; `fallback` outside a provider. */
export function useUnread(fallback: number) {
  return useContext(Unread) ?? fallback;
}

/**
 * Tells the stream what this page shows: a post (its comments and reactions), a group (its new posts, celebrations,
 * and — for those who work them — its join requests and reports), the feed (new posts, celebrations), or the
 * instance's report queue.
 */
export function LiveWatch(props: Watch) {
  const live = useContext(Api);
  const { post, group, feed, reports } = props;
  useEffect(() => {
    if (!live) return;
    return live.watch(`${post ?? ''}|${group ?? ''}|${feed ? 1 : 0}|${reports ? 1 : 0}`, { post, group, feed, reports });
  }, [live, post, group, feed, reports]);
  return null;
}
