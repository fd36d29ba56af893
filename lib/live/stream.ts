// One Server-Sent Events stream per signed-in tab (app/api/live/route.ts). The instance's streams hear its events
// through one hub on the bus, which decides for all of them at once which may be told (audience.ts: one query per
// event, not one per stream); a stream sends what it is given, replays what a reconnecting tab missed
// (Last-Event-ID), sends a heartbeat every HEARTBEAT_MS, and ends when the person's session does (signed out, signed
// out everywhere, password changed, account erased or suspended) — checked with every heartbeat.
import { and, eq, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { users, userSessions } from '@/db/schema';
import { messageFor, messagesFor, type LiveMessage, type LiveWatch } from './audience';
import { eventsAfter, type LiveBus, type LiveEvent } from './bus';
import { log } from '@/lib/log';

export const HEARTBEAT_MS = 20_000;
/** Open streams one person may hold on one instance (tabs and devices); the oldest is closed for a new one. */
export const MAX_STREAMS_PER_PERSON = 8;

export interface StreamOwner {
  userId: string;
  sessionId: string;
}

/** The person's session as it is now: the version their sign-in must still match, or null when it has ended. */
export async function currentSession(handle: DatabaseHandle, owner: StreamOwner): Promise<number | null> {
  const [row] = await handle.db
    .select({ sv: users.sessionVersion })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.userId, users.id), eq(userSessions.id, owner.sessionId)))
    .where(and(eq(users.id, owner.userId), isNull(users.suspendedAt)))
    .limit(1);
  return row?.sv ?? null;
}

const encoder = new TextEncoder();
const frame = (message: LiveMessage) => encoder.encode(`id: ${message.id}\nevent: ${message.kind}\ndata: ${JSON.stringify(message)}\n\n`);

type Open = { close: (reason?: string) => void };
const openByPerson: Map<string, Open[]> = ((globalThis as { __hearthLiveStreams?: Map<string, Open[]> }).__hearthLiveStreams ??= new Map());

/** Ends every stream of this instance (shutdown: scripts/server.mjs calls it through globalThis); tabs reconnect. */
export function closeAllStreams(reason: string) {
  for (const list of [...openByPerson.values()]) for (const open of [...list]) open.close(reason);
}
(globalThis as { __hearthCloseLiveStreams?: (reason: string) => void }).__hearthCloseLiveStreams = closeAllStreams;

/** A stream as the hub knows it: whose, what it watches, and where its decided messages go (in event order). */
interface HubMember {
  viewerId: string;
  watch: LiveWatch;
  take(event: LiveEvent, message: LiveMessage | null): void;
}

/**
 * The streams on one bus. Each event is decided for every stream at once, as soon as it arrives (decisions of
 * successive events may overlap), and handed out in the order the events arrived, to the streams open when it did.
 */
function createHub(handle: DatabaseHandle, bus: LiveBus) {
  const members = new Set<HubMember>();
  let delivered: Promise<void> = Promise.resolve();
  let listening = false;
  const onEvent = (event: LiveEvent) => {
    const targets = [...members];
    if (targets.length === 0) return;
    const decided = messagesFor(handle.db, event, targets).catch((error) => {
      log.error({ err: error }, '[live] could not decide who may hear of an event');
      return targets.map(() => null);
    });
    delivered = delivered.then(async () => {
      const messages = await decided;
      targets.forEach((member, i) => {
        if (members.has(member)) member.take(event, messages[i] ?? null);
      });
    });
  };
  return {
    add(member: HubMember) {
      members.add(member);
      if (!listening) {
        listening = true;
        bus.subscribe(onEvent);
      }
      return () => void members.delete(member);
    },
  };
}

const hubs = new WeakMap<LiveBus, ReturnType<typeof createHub>>();
function hubOf(handle: DatabaseHandle, bus: LiveBus) {
  let hub = hubs.get(bus);
  if (!hub) hubs.set(bus, (hub = createHub(handle, bus)));
  return hub;
}

export function openLiveStream(options: {
  handle: DatabaseHandle;
  bus: LiveBus;
  owner: StreamOwner;
  watch: LiveWatch;
  /** From the Last-Event-ID header of a reconnecting EventSource. */
  lastEventId?: number;
  signal?: AbortSignal;
  heartbeatMs?: number;
}): ReadableStream<Uint8Array> {
  const { handle, bus, owner, watch } = options;
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (message: LiveMessage) => {
        if (closed) return;
        try {
          controller.enqueue(frame(message));
        } catch {
          close();
        }
      };
      const version = await currentSession(handle, owner);
      if (version === null) {
        controller.enqueue(encoder.encode('event: end\ndata: {"reason":"signed-out"}\n\n'));
        controller.close();
        return;
      }
      // A reconnecting tab first gets what it missed, then the live events that arrived meanwhile (without repeats).
      let held: { event: LiveEvent; message: LiveMessage | null }[] | null = options.lastEventId !== undefined ? [] : null;
      const unsubscribe = hubOf(handle, bus).add({
        viewerId: owner.userId,
        watch,
        take: (event, message) => {
          if (held) held.push({ event, message });
          else if (message) send(message);
        },
      });
      const close = (reason?: string) => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        const mine = openByPerson.get(owner.userId);
        if (mine) {
          const at = mine.indexOf(entry);
          if (at >= 0) mine.splice(at, 1);
          if (mine.length === 0) openByPerson.delete(owner.userId);
        }
        try {
          if (reason) controller.enqueue(encoder.encode(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`));
          controller.close();
        } catch {
          // the client has gone already
        }
      };
      const entry: Open = { close: (reason = 'replaced') => close(reason) };
      const list = openByPerson.get(owner.userId) ?? [];
      list.push(entry);
      openByPerson.set(owner.userId, list);
      // Over the cap, the oldest of the person's streams on this instance ends (that tab reconnects, or was closed).
      while (list.length > MAX_STREAMS_PER_PERSON) list.shift()!.close('replaced');
      cleanup = () => close();
      options.signal?.addEventListener('abort', () => close(), { once: true });

      const ping = () => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(': ping\n\n'));
        } catch {
          close();
        }
      };
      const heartbeat = setInterval(() => {
        // A client that stopped reading without the connection closing (frames piling up unread) is let go.
        if (controller.desiredSize !== null && controller.desiredSize < -8) {
          close();
          return;
        }
        currentSession(handle, owner)
          .then((now) => {
            if (now !== version) close('signed-out');
            else ping();
          })
          .catch(() => {
            // The database is away (a restart): keep the stream; the bus reads back what it missed.
            ping();
          });
      }, options.heartbeatMs ?? HEARTBEAT_MS);

      // Reconnect every 3 s if the connection drops; then say we are open.
      controller.enqueue(encoder.encode('retry: 3000\n: open\n\n'));
      await bus.ready();
      if (held && options.lastEventId !== undefined) {
        // Missed events are decided for this stream alone, one by one, in order; then what the hub decided meanwhile.
        const missed = await eventsAfter(handle, options.lastEventId).catch(() => []);
        const replayed = new Set(missed.map((e) => e.id));
        for (const event of missed) {
          if (closed) return;
          const message = await messageFor(handle.db, owner.userId, watch, event).catch(() => null);
          if (message) send(message);
        }
        for (const { event, message } of held) if (message && !replayed.has(event.id)) send(message);
        held = null;
      }
    },
    cancel() {
      cleanup();
    },
  });
}
