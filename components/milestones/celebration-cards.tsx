// Celebration cards: the viewer's own new milestones (with a confetti moment) and those of people close to them,
// each to congratulate or thank. On a group page, the group's recent milestones in its own colour. Read here on the
// server, then kept current in the browser as celebrations and congratulations arrive (LiveCelebrations).
import type { Viewer } from '@/lib/auth/viewer';
import { getCelebrationCards } from '@/lib/milestones/celebrations';
import { LiveCelebrations } from './live-celebrations';

/**
 * Renders nothing when there is nothing to celebrate, until something arrives. With `groupId`, the group's own
 * celebrations (for its page). With `max`, only that many cards (one's own fresh milestone first, then the newest) and
 * a link to /celebrations for the rest, so the feed stays the feed. With `all`, the whole week's, for that page.
 */
export async function CelebrationCards({ viewer, groupId, max, all }: { viewer: Viewer; groupId?: string; max?: number; all?: boolean }) {
  return <LiveCelebrations initial={await getCelebrationCards(viewer, groupId, new Date(), { all })} groupId={groupId} max={max} all={all} />;
}
