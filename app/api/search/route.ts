// The header's type-ahead: a few groups, people, interests and posts for what is typed so far, as JSON.
// Signed in or not; the results are only what the caller may see, and the caller is rate-limited.
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { clientAddress } from '@/lib/rate-limit';
import { throttleTypeahead } from '@/lib/search/limits';
import { typeahead } from '@/lib/search/queries';

export const dynamic = 'force-dynamic';

const params = z.object({ q: z.string().max(200, 'That search is too long.').default('') });

// Results depend on who asks: never stored by a shared cache.
const headers = { 'Cache-Control': 'private, no-store', 'Content-Type': 'application/json; charset=utf-8' };

export async function GET(request: Request) {
  const parsed = params.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? 'Bad search.' }, { status: 400, headers });
  const viewer = await getViewer();
  const verdict = await throttleTypeahead(viewer, clientAddress(request.headers.get('x-forwarded-for')));
  if (!verdict.allowed) {
    return Response.json({ error: verdict.message }, { status: 429, headers: { ...headers, 'Retry-After': String(verdict.retryAfterSeconds) } });
  }
  return Response.json(await typeahead(viewer, parsed.data.q), { headers });
}
