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
    /** The learned collaborative term (0..1 from a taste model); 0 while production has no model to supply it. */
    collaborative: number;
    trending: number;
    newcomer: number;
    exploration: number;
  };
  /** Freshness = 2^(−age / half-life). */
  freshnessHalfLifeHours: number;
  /** Inferred strength = score / (strongest + damping). */
  damping: number;
  /** MMR on tag sets: a post's share of the top score minus this × its largest topic overlap (Jaccard) with the page so far. */
  topicDiversity: number;
};

export const rankerWeights: RankerWeights = {
  version: 2,
  fittedOn: 'bench:quality --scale default --seeds 3 --people 120 --db postgres: validation splits (never the test split), median over seeds; the collaborative term stays 0 until production supplies it (the bench fitted 0, 4, 0.5)',
  terms: {
    author: 1,
    group: 0.5,
    interest: 1,
    friend: 0.25,
    coEngagement: 0,
    collaborative: 0,
    trending: 0.4,
    newcomer: 0.25,
    exploration: 0.35,
  },
  freshnessHalfLifeHours: 24,
  damping: 0.5,
  topicDiversity: 0.3,
};
