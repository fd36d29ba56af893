// The signed-in person's celebration cards (the feed's, or a group page's with ?group=), read again when the live
// stream says a celebration or congratulation arrived: the same authorized reads as the page's first render.
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { getCelebrationCards } from '@/lib/milestones/celebrations';

export const dynamic = 'force-dynamic';

const query = z.object({ group: z.string().regex(/^[\w-]{1,64}$/).optional(), all: z.literal('1').optional() });

export async function GET(request: Request) {
  const headers = { 'Cache-Control': 'no-store' };
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: 'Sign in first.' }, { status: 401, headers });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: 'Ask for the feed’s cards (all of the week’s with ?all=1), or a group’s with ?group=<id>.' }, { status: 400, headers });
  return Response.json(await getCelebrationCards(viewer, parsed.data.group, new Date(), { all: parsed.data.all === '1' }), { headers });
}
