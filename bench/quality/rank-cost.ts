// What ranking costs per person as the number of candidates grows: rankCandidates (scoring, sorting, the diversity
// pass) over synthetic candidates with realistic variety, median of a few runs.
import { emptyControls, rankCandidates, type Candidate, type CandidateSource, type RankContext } from '../../lib/recommend/rank';
import { rankerWeights } from '../../lib/recommend/ranker-weights';
import { createRng } from './random';

const sources: CandidateSource[] = ['following', 'group', 'interest', 'co_engagement', 'trending', 'exploration', 'recent'];

export function syntheticCandidates(n: number, seed = 1): { candidates: Candidate[]; context: RankContext } {
  const rng = createRng(seed);
  const now = new Date(Date.UTC(2026, 0, 30));
  const tag = (k: number) => `topic-${k}`;
  const candidates: Candidate[] = Array.from({ length: n }, (_, i) => {
    const author = rng.int(Math.max(10, n / 5));
    const group = rng.int(60);
    const tags = [...new Set(Array.from({ length: 1 + rng.int(3) }, () => tag(rng.int(40))))];
    return {
      postId: `p${i}`,
      authorId: `u${author}`,
      authorName: `Person ${author}`,
      authorHandle: `person${author}`,
      groupId: group < 50 ? `g${group}` : null,
      groupName: group < 50 ? `Group ${group}` : null,
      groupSlug: group < 50 ? `group-${group}` : null,
      tags,
      body: `A post about ${tags.map((t) => `#${t}`).join(' ')}`,
      createdAt: new Date(now.getTime() - rng.next() * 30 * 86_400_000),
      sources: [sources[rng.int(sources.length)]!],
      reactions: rng.int(30),
      comments: rng.int(5),
      weekReactions: rng.int(10),
      likedByFollowed: rng.next() < 0.05 ? ['Person 1'] : [],
      coEngagers: rng.int(4),
      newcomer: rng.next() < 0.01,
    };
  });
  const context: RankContext = {
    now,
    followedAuthors: new Set(Array.from({ length: 30 }, (_, k) => `u${k * 3}`)),
    joinedGroups: new Set(['g1', 'g2', 'g3', 'g4', 'g5']),
    interests: new Map(Array.from({ length: 10 }, (_, k) => [tag(k * 2), { choice: k === 0 ? ('follow' as const) : null, inferred: 10 - k }])),
    useInferred: true,
    controls: { ...emptyControls(), mutedWords: ['spoiler'] },
    seen: new Map(),
  };
  return { candidates, context };
}

/** CPU milliseconds of rankCandidates per person for each number of candidates: the fastest of a few runs. */
export function rankCost(sizes: number[], runs = 7): Record<number, number> {
  const out: Record<number, number> = {};
  for (const n of sizes) {
    const { candidates, context } = syntheticCandidates(n);
    rankCandidates(candidates, context); // warm-up
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      // CPU time of this process, not the wall clock: on a machine shared with other work, a run is often paused
      // for longer than it computes.
      const t = process.cpuUsage();
      rankCandidates(candidates, { ...context, weights: { ...rankerWeights, topicDiversity: 0.3 } });
      const used = process.cpuUsage(t);
      times.push((used.user + used.system) / 1000);
    }
    out[n] = Math.min(...times);
  }
  return out;
}
