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
  /**
   * How a post's topics add up: the interest terms are divided by (number of tags)^this. 0: summed (a post with three
   * of your topics counts three times); 1: averaged (a post is as much yours as its topics are on average, so adding
   * tags never raises it).
   */
  interestTagPower: number;
  /**
   * How likely the person is to engage once shown the post, from how well its topics match theirs (the average
   * interest weight over its tags, m): the score is multiplied by (m + 0.1) / (m + 0.1 + this). 0 leaves it out.
   */
  likelihoodHalf: number;
  /** MMR on tag sets: a post's share of the top score times (1 − this × its largest topic overlap (Jaccard) with the page so far), so a post never falls behind one less than (1 − this) as relevant. */
  topicDiversity: number;
};

export const rankerWeights: RankerWeights = {
  version: 8,
  fittedOn: "bench:quality --scale default --seeds 3 --people 200: one fit on the validation people of every seed, its caution chosen by cross-validation inside them, each move gaining in every seed (never the test split)",
  terms: {
    author: 1,
    group: 0.5,
    interest: 1,
    friend: 0,
    coEngagement: 0,
    collaborative: 1,
    trending: 0,
    newcomer: 1,
    exploration: 0,
  },
  freshnessHalfLifeHours: 24,
  engagement: 0.15,
  seen: {
    view: 0.6,
    opened: 0.2,
  },
  damping: 1,
  interestTagPower: 0.5,
  likelihoodHalf: 0.3,
  topicDiversity: 0.8,
};
