import 'server-only';
import { db } from '@/db/client';
import type { Viewer } from '@/lib/auth/viewer';
import { cachedForPerson } from '@/lib/cache/person-cache';
import { goalProgress, goalsOf } from './goals';

/**
 * The viewer's own goals with this week's or month's progress. The goals themselves change only by the person's own
 * hand (set, removed: both forget the person's cache on every instance), so the feed keeps them per person
 * (lib/cache/person-cache.ts) and most people, who have none, cost it no statement; the progress is counted afresh.
 */
export async function getMyGoals(viewer: Viewer) {
  const mine = await cachedForPerson(viewer.id, 'goals', () => goalsOf(db, viewer.id), Date.now(), viewer.cacheVersion);
  return goalProgress(db, viewer.id, new Date(), mine);
}
