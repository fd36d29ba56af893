// For you candidates as production gathers them: the person's personalization, rank context, candidate SQL and
// seen-suppression, read from the quality community's database through lib/recommend itself — the same calls as
// rankForYou (lib/recommend/for-you-list.ts), which only adds rankCandidates on top.
import { gatherCandidates, loadRankContext, loadSeen } from '../../lib/recommend/candidates';
import { personalizationOf } from '../../lib/recommend/profile';
import type { Candidate, RankContext } from '../../lib/recommend/rank';
import type { Community } from './community';
import type { QualityDatabase } from './database';

export type Gathered = { candidates: Candidate[]; context: RankContext };

export async function gatherFor(database: QualityDatabase, c: Community, people: number[], now: Date): Promise<Map<number, Gathered>> {
  const db = database.handle.db;
  const out = new Map<number, Gathered>();
  for (const person of people) {
    const userId = c.people[person]!.id;
    const personalization = await personalizationOf(db, userId, now);
    const context = await loadRankContext(db, userId, personalization, now);
    const candidates = await gatherCandidates(db, userId, context, personalization);
    context.seen = await loadSeen(db, userId, candidates.map((x) => x.postId));
    out.set(person, { candidates, context });
  }
  return out;
}
