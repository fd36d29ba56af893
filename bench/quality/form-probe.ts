// Where Hearth's ranking loses to what the test split allows: `npm run bench:form-probe -- <seed> …`.
// No database: each seed's community is generated, and every ranker below orders the whole pool for every eligible
// person of the test split (the bench's protocol and NDCG@10, run.ts `score`). Printed as ratios to
// reverse-chronological (the better of its two variants):
//   - the ceiling: the simulation's own expected engagement, knowing latent tastes and qualities (baselines.ts);
//   - "observable": the same form with only what a ranker can see (the inferred profile and onboarding picks as a
//     taste estimate, follows, groups, reaction counts, age), and that form with one part at a time made like Hearth's;
//   - "hearth-like": Hearth's form (follow 1, group 1, interests from choices and damped inferred strength, capped,
//     exponential freshness, the engagement lift) with its topics summed or averaged and with or without a likelihood
//     factor — the two knobs ranker-weights.ts gained from this probe (`interestTagPower`, `likelihoodHalf`).
// A diagnostic for choosing what to build, not a peer and not a measurement of production (which `bench:quality` is).
import { ceiling, poolPosts, reverseChronological, type Ranker } from './baselines';
import { DAY, generateCommunity, model, scales, type Community } from './community';
import { eligible, score } from './run';
import { mean } from './stats';
import { testPositives, trainState, type TrainState } from './state';

type Variant = { recency?: 'exponential 12 h' | 'exponential 24 h'; noLikelihood?: boolean; sumTags?: boolean; hearthTaste?: boolean };

/** Per topic, what a ranker can estimate of a person's taste: Hearth's inferred scores plus the onboarding picks. */
function tasteEstimate(c: Community, s: TrainState, person: number, hearthTaste: boolean): Float64Array {
  const K = c.topics.length;
  const p = c.people[person]!;
  const inferred = s.inferred[person]!;
  const est = new Float64Array(K);
  const choice = (k: number) => (p.joinedAt < s.now ? p.explicit.get(k) : undefined);
  if (hearthTaste) {
    // Hearth's interest weight: follow 1, more 2, inferred strength score / (strongest + 10).
    const strongest = Math.max(...inferred);
    for (let k = 0; k < K; k++) est[k] = (choice(k) === 'more' ? 2 : choice(k) === 'follow' ? 1 : 0) + inferred[k]! / (strongest + 10);
    return est;
  }
  let total = 0;
  for (let k = 0; k < K; k++) total += est[k] = inferred[k]! + (choice(k) ? 3 : 0) + 1 / K;
  for (let k = 0; k < K; k++) est[k]! /= total;
  return est;
}

function ranked(pool: number[], value: (j: number) => number): number[] {
  return pool.map((j) => ({ j, v: value(j) })).sort((a, b) => b.v - a.v || b.j - a.j).map((x) => x.j);
}

/** The ceiling's form over observable signals; each variant makes one part of it like Hearth's. */
function observable(c: Community, s: TrainState, v: Variant): Ranker {
  const pool = poolPosts(s);
  const e = model.exposure;
  return (person) => {
    const est = tasteEstimate(c, s, person, !!v.hearthTaste);
    const follows = new Set(s.follows[person]);
    const groups = new Set(s.groups[person]);
    return ranked(pool, (j) => {
      const post = c.posts[j]!;
      const age = (s.now - post.createdAt) / DAY;
      const span = Math.min(c.scale.testDays, model.exposureDays - age);
      const recency =
        v.recency === 'exponential 12 h' ? Math.pow(0.5, age * 2)
        : v.recency === 'exponential 24 h' ? Math.pow(0.5, age)
        : span > 0 ? 1 / (1 + age) - 1 / (1 + age + span)
        : 0;
      let taste = 0;
      for (const k of post.tags) taste += est[k]!;
      if (!v.sumTags) taste /= post.tags.length;
      if (v.hearthTaste) taste = Math.min(2.5, taste) / 4;
      const followed = follows.has(post.author);
      const weight = e.base + (followed ? e.followed : 0) + (post.group >= 0 && groups.has(post.group) ? e.group : 0) + e.taste * taste + e.popularity * Math.log(1 + s.reactions[j]!);
      const b = taste * (followed ? model.followedBoost : 1);
      return recency * weight * (v.noLikelihood ? 1 : b / (b + model.reactHalf));
    });
  };
}

/** Hearth's form, with its topics combined by (number of tags)^−tagPower and a likelihood factor of half `half` (0: none). */
function hearthLike(c: Community, s: TrainState, tagPower: number, half: number, halfLifeHours = 12): Ranker {
  const pool = poolPosts(s);
  return (person) => {
    const est = tasteEstimate(c, s, person, true);
    const follows = new Set(s.follows[person]);
    const groups = new Set(s.groups[person]);
    return ranked(pool, (j) => {
      const post = c.posts[j]!;
      let sum = 0;
      for (const k of post.tags) sum += est[k]!;
      const interest = Math.min(2.5, sum / Math.pow(post.tags.length, tagPower));
      const followed = follows.has(post.author);
      const affinity = (followed ? 1 : 0) + (post.group >= 0 && groups.has(post.group) ? 1 : 0) + interest || 0.05;
      const m = sum / post.tags.length + 0.1;
      const likelihood = half > 0 ? m / (m + half) : 1;
      const freshness = Math.pow(0.5, (s.now - post.createdAt) / 3_600_000 / halfLifeHours);
      return affinity * likelihood * freshness * (1 + 0.3 * Math.log(1 + s.reactions[j]! + 2 * s.comments[j]!));
    });
  };
}

for (const seed of process.argv.slice(2).map(Number)) {
  const c = generateCommunity({ ...scales.default, seed });
  const s = trainState(c, c.splitAt);
  const positives = testPositives(c, s);
  const people = eligible(c, s, positives);
  const ndcg = (r: Ranker) => mean(score(c, s, positives, people, r).ndcg);
  const chrono = Math.max(ndcg(reverseChronological(c, s, { fill: true })), ndcg(reverseChronological(c, s, { fill: false })));
  const rows: [string, Ranker][] = [
    ['ceiling (latent tastes and qualities)', ceiling(c, s, { knowsQuality: true })],
    ['ceiling, every post of the mean quality', ceiling(c, s, { knowsQuality: false })],
    ['observable: the ceiling form, estimated taste', observable(c, s, {})],
    ['  with exponential freshness, 12 h', observable(c, s, { recency: 'exponential 12 h' })],
    ['  with exponential freshness, 24 h', observable(c, s, { recency: 'exponential 24 h' })],
    ['  without the likelihood factor', observable(c, s, { noLikelihood: true })],
    ['  with topics summed, not averaged', observable(c, s, { sumTags: true })],
    ["  with Hearth's interest weights", observable(c, s, { hearthTaste: true })],
    ['hearth-like: topics summed, no likelihood (version 6)', hearthLike(c, s, 0, 0)],
    ['  topics averaged', hearthLike(c, s, 1, 0)],
    ['  topics over √tags', hearthLike(c, s, 0.5, 0)],
    ['  likelihood half 1', hearthLike(c, s, 0, 1)],
    ['  topics averaged, likelihood half 1', hearthLike(c, s, 1, 1)],
    ['  topics averaged, likelihood half 1, half-life 24 h', hearthLike(c, s, 1, 1, 24)],
  ];
  console.log(`seed ${seed}: ${people.length} people, reverse-chronological NDCG@10 ${chrono.toFixed(4)}`);
  for (const [label, r] of rows) {
    const x = ndcg(r);
    console.log(`  ${label.padEnd(58)} ${x.toFixed(4)}  ×${(x / chrono).toFixed(2)}`);
  }
}
