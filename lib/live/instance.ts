// The instance's one bus (one LISTEN connection), opened by the first stream and closed at shutdown.
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { onShutdown } from '@/lib/shutdown';
import type { LiveWatch } from './audience';
import { createLiveBus, type LiveBus } from './bus';
import { openLiveStream, type StreamOwner } from './stream';

const slot = ((globalThis as { __hearthLiveBus?: { bus?: LiveBus } }).__hearthLiveBus ??= {});

export function liveBus(): LiveBus {
  if (!slot.bus) {
    const bus = createLiveBus(getDatabase());
    slot.bus = bus;
    onShutdown('live streams', () => bus.close());
  }
  return slot.bus;
}

const id = z.string().regex(/^[\w-]{1,64}$/);

/**
 * What a stream watches, from its query string (`?post=…`, `?group=…`, `?feed=1`, `?reports=1` for the instance's
 * report queue); anything else is ignored. Watching is no permission: each event is still checked for the person.
 */
export const watchSchema = z
  .object({ post: id.optional(), group: id.optional(), feed: z.literal('1').optional(), reports: z.literal('1').optional() })
  .transform((q): LiveWatch => ({ postId: q.post, groupId: q.group, feed: q.feed === '1', reports: q.reports === '1' }));

/** The Last-Event-ID a reconnecting EventSource sends, if it is one. */
export function lastEventIdOf(value: string | null): number | undefined {
  return value && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** A stream for one signed-in tab on this instance's bus. */
export function liveStreamFor(owner: StreamOwner, watch: LiveWatch, lastEventId: number | undefined, signal: AbortSignal) {
  return openLiveStream({ handle: getDatabase(), bus: liveBus(), owner, watch, lastEventId, signal });
}
