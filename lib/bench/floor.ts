import 'server-only';
// The benchmark floor: the cheapest signed-in page Hearth can serve (the app shell, the viewer, one trivial query).
// Load benchmarks measure every page against it. It exists only when HEARTH_BENCH=1; otherwise it is a 404.
import { count, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { userSessions } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { env } from '@/lib/env';

export const benchEnabled = () => env.HEARTH_BENCH === '1';

/** One trivial, indexed query about the viewer: how many browsers they are signed in on. */
export async function floorReading(viewer: Viewer): Promise<number> {
  const [row] = await db.select({ n: count() }).from(userSessions).where(eq(userSessions.userId, viewer.id));
  return row?.n ?? 0;
}
