// Where Hearth's ranking loses to what the test split allows: `npm run bench:form-probe -- <seed> …`.
// No database: each seed's community is generated, and every ranker below orders the whole pool for every eligible
// person of the test split (the bench's protocol and NDCG@10, run.ts `score`). Printed as ratios to
// reverse-chronological (the better of its two variants):
//   - the ceiling: the simulation's own expected engagement, knowing latent tastes and qualities (baselines.ts);
//   - "observable": the same form with only what a ranker can see (the inferred profile and onboarding picks as a
//     taste estimate, follows, groups, reaction counts, age), and that form with one part at a time made like Hearth's;
//   - Hearth: production's own scoring (lib/recommend/rank.ts `scoreCandidate`, no diversity pass) over every pool post
//     as a candidate, with version 6's numbers and then the two knobs this probe led to (`interestTagPower`,
//     `likelihoodHalf`) one at a time and together, and the shipped numbers.
// A diagnostic for choosing what to build, not a peer and not a measurement of production (which `bench:quality` is).
import { emptyControls, scoreCandidate, type Candidate, type RankContext } from '../../lib/recommend/rank';
import { rankerWeights, type RankerWeights } from '../../lib/recommend/ranker-weights';
import { interestWeight, strongestInferred } from '../../lib/recommend/weights';
import { byScore, ceiling, poolPosts, reverseChronological, type Ranker } from './baselines';
import { DAY, generateCommunity, model, scales, type Community } from './community';
import { eligible, FIT_START, score } from './run';
import { mean } from './stats';
import { testPositives, trainState, type TrainState } from './state';

type Variant = { recency?: 'exponential 12 h' | 'exponential 24 h'; noLikelihood?: boolean; sumTags?: boolean; hearthTaste?: boolean };

/** Per topic, what a ranker can estimate of a person's taste: Hearth's interest weights, or a share of the inferred profile and the onboarding picks. */
function tasteEstimate(c: Community, s: TrainState, person: number, hearthTaste: boolean): Float64Array {
  const K = c.topics.length;
  const est = new Float64Array(K);
  if (hearthTaste) {
    const profile = s.profile[person]!;
    const strongest = strongestInferred(profile.values());
    for (let k = 0; k < K; k++) est[k] = interestWeight(profile.get(c.topics[k]!), true, strongest, 10);
    return est;
  }
  const p = c.people[person]!;
  let total = 0;
  for (let k = 0; k < K; k++) total += est[k] = s.inferred[person]![k]! + (p.joinedAt < s.now && p.explicit.has(k) ? 3 : 0) + 1 / K;
  for (let k = 0; k < K; k++) est[k]! /= total;
  return est;
}

/** The ceiling's form over observable signals; each variant makes one part of it like Hearth's. */
function observable(c: Community, s: TrainState, v: Variant): Ranker {
  const pool = poolPosts(s);
  const e = model.exposure;
  return (person) => {
    const est = tasteEstimate(c, s, person, !!v.hearthTaste);
    const follows = new Set(s.follows[person]);
    const groups = new Set(s.groups[person]);
    return byScore(pool, pool.map((j) => {
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
    }));
  };
}

/** Version 6's numbers: the fit's neutral start with a 12-hour half-life, damping 10 and topic spreading λ 0.2 (topics summed, no likelihood factor). */
const VERSION_6: RankerWeights = { ...FIT_START, version: 6, fittedOn: 'version 6', freshnessHalfLifeHours: 12, damping: 10, topicDiversity: 0.2 };

/** Production's score (scoreCandidate) of every pool post as a candidate, with the given numbers. */
function hearth(c: Community, s: TrainState, weights: RankerWeights): Ranker {
  const pool = poolPosts(s);
  const candidates = pool.map((j): Candidate => {
    const post = c.posts[j]!;
    const author = c.people[post.author]!;
    const group = post.group >= 0 ? c.groups[post.group]! : null;
    return {
      postId: post.id,
      authorId: author.id,
      authorName: author.name,
      authorHandle: author.handle,
      groupId: group?.id ?? null,
      groupName: group?.name ?? null,
      groupSlug: group?.slug ?? null,
      tags: post.tags.map((t) => c.topics[t]!),
      body: '',
      createdAt: new Date(post.createdAt),
      sources: ['recent'],
      reactions: s.reactions[j]!,
      comments: s.comments[j]!,
      weekReactions: s.weekReactions[j]!,
      likedByFollowed: [],
      coEngagers: 0,
      newcomer: post.newcomer,
    };
  });
  return (person) => {
    const context: RankContext = {
      now: new Date(s.now),
      followedAuthors: new Set(s.follows[person]!.map((i) => c.people[i]!.id)),
      joinedGroups: new Set(s.groups[person]!.map((g) => c.groups[g]!.id)),
      interests: s.profile[person]!,
      useInferred: true,
      controls: emptyControls(),
      seen: new Map(),
      weights,
    };
    return byScore(pool, candidates.map((x) => scoreCandidate(x, context).score));
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
    ["Hearth's scoring, version 6's numbers (topics summed, no likelihood)", hearth(c, s, VERSION_6)],
    ['  topics averaged', hearth(c, s, { ...VERSION_6, interestTagPower: 1 })],
    ['  topics over √tags', hearth(c, s, { ...VERSION_6, interestTagPower: 0.5 })],
    ['  likelihood half 1', hearth(c, s, { ...VERSION_6, likelihoodHalf: 1 })],
    ['  topics averaged, likelihood half 1', hearth(c, s, { ...VERSION_6, interestTagPower: 1, likelihoodHalf: 1 })],
    [`  the shipped numbers (version ${rankerWeights.version})`, hearth(c, s, rankerWeights)],
  ];
  console.log(`seed ${seed}: ${people.length} people, reverse-chronological NDCG@10 ${chrono.toFixed(4)}`);
  for (const [label, r] of rows) {
    const x = ndcg(r);
    console.log(`  ${label.padEnd(70)} ${x.toFixed(4)}  ×${(x / chrono).toFixed(2)}`);
  }
}
