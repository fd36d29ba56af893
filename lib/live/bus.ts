// One listening connection per instance, fanned out in the process. Triggers on the tables (migration 0017) write
// a `live_events` row and NOTIFY 'hearth_live' with its ids when a transaction commits; this hears every one and
// hands it to the streams of this instance (app/api/live), each of which decides whether its person may be told.
//
// On a server, postgres.js keeps the LISTEN connection and reconnects by itself after a restart; events written
// while it was away are read back from `live_events` (by id) when it is listening again, so no stream misses them.
// On embedded PGlite the listen is in-process.
import { and, asc, gt, lt, sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '@/db/client';
import { liveEvents, type LiveEventKind } from '@/db/schema';
import { log } from '@/lib/log';

export const LIVE_CHANNEL = 'hearth_live';
/** How long events are kept for streams that reconnect with Last-Event-ID. */
export const LIVE_REPLAY_MINUTES = 60;

export interface LiveEvent {
  id: number;
  kind: LiveEventKind;
  userId: string | null;
  postId: string | null;
  groupId: string | null;
  subjectId: string | null;
}

export type LiveListener = (event: LiveEvent) => void;

export function parseLiveEvent(payload: string): LiveEvent | null {
  try {
    const value = JSON.parse(payload) as Partial<LiveEvent>;
    if (typeof value.id !== 'number' || typeof value.kind !== 'string') return null;
    return {
      id: value.id,
      kind: value.kind as LiveEventKind,
      userId: value.userId ?? null,
      postId: value.postId ?? null,
      groupId: value.groupId ?? null,
      subjectId: value.subjectId ?? null,
    };
  } catch {
    return null;
  }
}

/** Events after `afterId` still kept (newest last): what a reconnecting stream or listener missed. */
export async function eventsAfter(handle: DatabaseHandle, afterId: number, limit = 500): Promise<LiveEvent[]> {
  return handle.db
    .select({ id: liveEvents.id, kind: liveEvents.kind, userId: liveEvents.userId, postId: liveEvents.postId, groupId: liveEvents.groupId, subjectId: liveEvents.subjectId })
    .from(liveEvents)
    .where(gt(liveEvents.id, afterId))
    .orderBy(asc(liveEvents.id))
    .limit(limit);
}

/** The newest event id, where a new stream starts counting. */
export async function latestEventId(handle: DatabaseHandle): Promise<number> {
  const [row] = await handle.db.select({ id: sql<number>`coalesce(max(${liveEvents.id}), 0)`.mapWith(Number) }).from(liveEvents);
  return row?.id ?? 0;
}

/** Deletes events older than the replay window. */
export async function purgeLiveEvents(db: Executor, now = new Date()) {
  await db.delete(liveEvents).where(and(lt(liveEvents.createdAt, new Date(now.getTime() - LIVE_REPLAY_MINUTES * 60_000))));
}

export interface LiveBus {
  subscribe(listener: LiveListener): () => void;
  /** Resolves once the bus is listening (the first subscribe starts it). */
  ready(): Promise<void>;
  /** How many listeners (streams) this instance holds. */
  size(): number;
  close(): Promise<void>;
}

export function createLiveBus(handle: DatabaseHandle): LiveBus {
  const listeners = new Set<LiveListener>();
  let lastId = 0;
  let started: Promise<void> | undefined;
  let stop: (() => Promise<void>) | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;

  // Ids handed out lately: a read-back after a reconnect may overlap what NOTIFY delivered. (Not "id <= last":
  // transactions commit out of id order, so a smaller id can legitimately arrive after a larger one.)
  const recent = new Set<number>();
  const dispatch = (event: LiveEvent) => {
    if (recent.has(event.id)) return;
    recent.add(event.id);
    if (recent.size > 5000) recent.delete(recent.values().next().value!);
    lastId = Math.max(lastId, event.id);
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error({ err: error }, '[live] a stream failed to take an event');
      }
    }
  };
  const onPayload = (payload: string) => {
    const event = parseLiveEvent(payload);
    if (event) dispatch(event);
  };
  // After a reconnect: whatever was written while the connection was down, from the table, in order.
  const catchUp = async () => {
    for (;;) {
      const missed = await eventsAfter(handle, lastId);
      missed.forEach(dispatch);
      if (missed.length < 500) return;
    }
  };

  async function start() {
    lastId = await latestEventId(handle);
    if (handle.kind === 'pglite') {
      const unlisten = await handle.pglite!.listen(LIVE_CHANNEL, onPayload);
      stop = async () => unlisten();
    } else {
      let first = true;
      const { unlisten } = await handle.postgres!.listen(LIVE_CHANNEL, onPayload, () => {
        if (first) {
          first = false;
          return;
        }
        catchUp().catch((error) => log.error({ err: error }, '[live] could not read back the events missed while reconnecting'));
      });
      stop = unlisten;
    }
    // Each instance trims the replay window now and then (cheap: an indexed range delete).
    purgeTimer = setInterval(() => purgeLiveEvents(handle.db).catch(() => {}), 10 * 60_000);
    purgeTimer.unref();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      started ??= start().catch((error) => {
        started = undefined;
        throw error;
      });
      return () => listeners.delete(listener);
    },
    ready: () => started ?? Promise.resolve(),
    size: () => listeners.size,
    async close() {
      clearInterval(purgeTimer);
      listeners.clear();
      await stop?.();
      started = undefined;
    },
  };
}
