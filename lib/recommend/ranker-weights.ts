// The ranker's numbers as one versioned artifact: the affinity term weights, the freshness half-life, the damping of
// inferred interests and how strongly the first page spreads over topics. `npm run bench:quality -- --fit` fits them
// on the quality bench's validation split (never on its test split) and rewrites this file; every list stored in
// for_you_lists shows the version that ranked it in "Why this post?".

export type RankerWeights = {
  /** Bumped by every fit; shown in "Why this post?". */
  version: number;
  /** Where the numbers come from, in words. */
  fittedOn: string;
  terms: {
    author: number;
    group: number;
    interest: number;
    friend: number;
    coEngagement: number;
    /** The learned collaborative term: taste vector · post factors of the daily taste model (taste.ts), capped to 0..1. */
    collaborative: number;
    trending: number;
    newcomer: number;
    exploration: number;
  };
  /** Freshness = 2^(−age / half-life). */
  freshnessHalfLifeHours: number;
  /** Engagement = 1 + this × ln(1 + reactions + 2 × comments): how much a post's reactions and comments lift it. */
  engagement: number;
  /**
   * What the person has already seen: a post they were shown and passed over is multiplied by `view` for each time
   * (never below `opened`); one they opened and did not react to, by `opened`. Both at most 1: a seen post never
   * gains from having been seen.
   */
  seen: { view: number; opened: number };
  /** Inferred strength = score / (strongest + damping). */
  damping: number;
  /** MMR on tag sets: a post's share of the top score minus this × its largest topic overlap (Jaccard) with the page so far. */
  topicDiversity: number;
};

export const rankerWeights: RankerWeights = {
  version: 6,
  fittedOn: 'bench:quality --scale default --seeds 3 --people 200 --db postgres --fit: one fit on the 360 validation people of three seeds from the neutral start, its caution (z=2) chosen by cross-validation inside them (one paired standard error); the test split never read',
  terms: {
    author: 1,
    group: 1,
    interest: 1,
    friend: 1,
    coEngagement: 1,
    collaborative: 1,
    trending: 1,
    newcomer: 1,
    exploration: 1,
  },
  freshnessHalfLifeHours: 12,
  engagement: 0.3,
  seen: { view: 0.6, opened: 0.2 },
  damping: 10,
  topicDiversity: 0.2,
};
