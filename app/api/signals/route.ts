// Views and opens from the browser, sent in batches with navigator.sendBeacon (fire-and-forget, so recording never
// slows scrolling). Same-origin only; the signed-in person's own signals; consent and pause are checked in recordSignals.
import { getViewer } from '@/lib/auth/viewer';
import { limitPersonNow, rules } from '@/lib/rate-limit';
import { recordSignals, signalBatchSchema } from '@/lib/recommend/signals';

export const dynamic = 'force-dynamic';

const plain = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/** The host an Origin header names; null for one that names none ("null" from a sandboxed page, or garbage). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

export async function POST(request: Request) {
  // sendBeacon cannot set headers, but browsers send Origin and Sec-Fetch-Site: refuse anything cross-site.
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if ((site && site !== 'same-origin') || (origin && host && hostOf(origin) !== host)) return plain('Cross-site requests are refused.', 403);
  const viewer = await getViewer();
  if (!viewer) return plain('Sign in first.', 401);
  if (viewer.suspended) return plain('Your account is suspended: nothing is recorded for it.', 403);
  const verdict = await limitPersonNow(viewer.id, rules.signals);
  if (!verdict.allowed) return plain(verdict.message, 429);
  const text = await request.text();
  if (text.length > 20_000) return plain('Too many signals at once.', 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return plain('Send JSON.', 400);
  }
  const parsed = signalBatchSchema.safeParse(body);
  if (!parsed.success) return plain('Send up to 50 events, each a post id and "view" or "open".', 400);
  const outcome = await recordSignals(viewer.id, parsed.data);
  return new Response(JSON.stringify(outcome), { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
}
