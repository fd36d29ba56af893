// The signed-in person's unread notification count, read again when the live stream says a notification arrived.
import { getViewer } from '@/lib/auth/viewer';
import { unreadCount } from '@/lib/notifications/queries';

export const dynamic = 'force-dynamic';

export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: 'Sign in first.' }, { status: 401, headers: { 'Cache-Control': 'no-store' } });
  return Response.json({ unread: await unreadCount(viewer) }, { headers: { 'Cache-Control': 'no-store' } });
}
