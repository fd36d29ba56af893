// The signed-in person's unread notification count, read again when the live stream says a notification arrived.
import { getViewer } from '@/lib/auth/viewer';
import { unreadNow } from '@/lib/notifications/queries';

export const dynamic = 'force-dynamic';

export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: 'Sign in first.' }, { status: 401, headers: { 'Cache-Control': 'no-store' } });
  // With when it was counted, so the page keeps the newer of this and what it was last rendered with.
  return Response.json(await unreadNow(viewer), { headers: { 'Cache-Control': 'no-store' } });
}
