// Readiness for a load balancer: 200 when the database answers and every migration of this build is applied, 503
// with the reason otherwise. scripts/server.mjs sends it past the admission queue (a full queue is not "not ready")
// and answers 503 itself while shutting down. Liveness is /healthz, answered by scripts/server.mjs without Next.
import { readiness } from '@/lib/health';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'no-store', 'Content-Type': 'application/json; charset=utf-8' };

export async function GET() {
  const state = await readiness();
  if (state.ready) return Response.json({ status: 'ready', migrations: state.migrations }, { headers });
  return Response.json({ status: 'unavailable', reason: state.reason }, { status: 503, headers: { ...headers, 'Retry-After': '5' } });
}
