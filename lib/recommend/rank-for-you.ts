// The For you ranking of one person, end to end: context, candidates, what they have seen, then the ranker. Read-only
// (it records nothing). Used by the stored For you list (for-you-list.ts) and by the digest mail (lib/digest), which
// is why it carries no server-only guard: the daily job also runs from `npm run jobs:daily`.
import type { Executor } from '@/db/client';
import { gatherCandidates, loadRankContext, loadSeen } from './candidates';
import type { Personalization } from './profile';
import { rankCandidates, type Scored } from './rank';

/** The ranked, explained For you list, before paging. `now` is a parameter so tests and the bench can fix time. */
export async function rankForYou(executor: Executor, userId: string, personalization: Personalization, now = new Date()): Promise<Scored[]> {
  const context = await loadRankContext(executor, userId, personalization, now);
  const candidates = await gatherCandidates(executor, userId, context, personalization);
  context.seen = await loadSeen(executor, userId, candidates.map((c) => c.postId));
  return rankCandidates(candidates, context);
}
