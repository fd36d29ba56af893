// Live updates for one signed-in tab, as Server-Sent Events (lib/live/stream.ts): ids only, each checked against
// what the person may see. scripts/server.mjs sends this path past the admission queue (a stream is long-lived and
// must not hold a page render's place) and closes the streams first when the instance shuts down.
import { getViewer } from '@/lib/auth/viewer';
import { lastEventIdOf, liveStreamFor, watchSchema } from '@/lib/live/instance';

export const dynamic = 'force-dynamic';

const plain = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer?.sessionId) return plain('Sign in to receive live updates.', 401);
  const url = new URL(request.url);
  const watch = watchSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!watch.success) return plain('Watch a post, a group, the feed or the report queue: ?post=<id>, ?group=<id>, ?feed=1 or ?reports=1.', 400);
  const lastEventId = lastEventIdOf(request.headers.get('last-event-id') ?? url.searchParams.get('since'));
  const stream = liveStreamFor({ userId: viewer.id, sessionId: viewer.sessionId }, watch.data, lastEventId, request.signal);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      // nginx: pass each event on at once instead of buffering the response.
      'X-Accel-Buffering': 'no',
    },
  });
}
