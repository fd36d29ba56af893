import 'server-only';
import { db } from '@/db/client';
import type { Viewer } from '@/lib/auth/viewer';
import { goalProgress } from './goals';

/** The viewer's own goals with this week's or month's progress. */
export function getMyGoals(viewer: Viewer) {
  return goalProgress(db, viewer.id);
}
