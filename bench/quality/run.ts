// The quality bench as a function. For each seed: build the community; put everything before the validation split
// (T − testDays) in an embedded database and gather For you candidates with the production SQL; tune Hearth's
// fitted numbers and every peer's knobs on the validation split; add the days up to T to the database; then rank
// the test split once with what validation chose, and score every list against what each person engaged with in the
// testDays after T. Metrics are averaged over seeds, each with a 95 % bootstrap interval (stats.ts).
import { rankCandidates, type Candidate, type RankContext } from '../../lib/recommend/rank';
import { rankerWeights, type RankerWeights } from '../../lib/recommend/ranker-weights';
import { alsRanker, ceiling, itemKnn, mostPopular, randomOrder, reverseChronological, trainAls, type Ranker } from './baselines';
import type { AlsModel, AlsOptions } from './als';
import { DAY, generateCommunity, model, REACTION, type Community, type Scale } from './community';
import { advanceCommunity, loadCommunity, type QualityEngine } from './database';
import { ndcgAt, recallAt, topicDiversity } from './metrics';
import { gatherFor, type Gathered } from './production';
import { trainTasteModel } from '../../lib/recommend/taste';
import { createRng } from './random';
import { rankCost } from './rank-cost';
import { bootstrap, mean, ratio, type Interval } from './stats';
import { testPositives, trainState, type TrainState } from './state';

export const methods = ['hearth', 'hearth_shipped', 'hearth_without_taste', 'popular', 'chrono', 'itemknn', 'als', 'random', 'ceiling', 'ceiling_without_quality'] as const;
export type Method = (typeof methods)[number];
export const peers = ['popular', 'chrono', 'itemknn', 'als'] as const satisfies readonly Method[];
export type Peer = (typeof peers)[number];

export const methodLabels: Record<Method, string> = {
  hearth: 'Hearth (production candidates, numbers fitted on validation)',
  hearth_shipped: '  same, the shipped ranker-weights.ts',
  hearth_without_taste: '  same without the taste model (no taste source, collaborative term 0)',
  popular: 'Most popular in the window',
  chrono: 'Reverse-chronological',
  itemknn: 'Item-kNN, time-aware',
  als: 'Implicit ALS + freshness prior',
  random: 'Random',
  ceiling: 'Not a peer: the expected engagement of the simulation (knows latent tastes, qualities)',
  ceiling_without_quality: '  same, every post of the mean quality',
};
const peerNames: Record<Peer, string> = { popular: 'popular', chrono: 'chronological', itemknn: 'itemknn_time', als: 'als_fresh' };

/** People with at most this many reactions and comments before T are cold-start, reported apart. */
export const COLD_START_ENGAGEMENTS = 3;

export type BenchOptions = {
  scale: Scale;
  seeds: number[];
  /** People sampled per seed for tuning on validation and for the test (every cold-start person is added to the test). */
  validationPeople: number;
  testPeople: number;
  /** Where the community is loaded for the candidate SQL (database.ts): embedded PGlite unless told. */
  engine?: QualityEngine;
  /**
   * Which Hearth the summary line reports: the shipped numbers of ranker-weights.ts (the default: the ranker people
   * get, on data it may never have seen), or this run's own fit (`--fit`, which writes it as the next version). Both
   * are rows of the table either way.
   */
  report?: 'shipped' | 'fit';
  /** Synthetic candidate counts for the ranking-cost measurement. */
  rankCostSizes?: number[];
  log?: (line: string) => void;
};

type Lists = Record<Method, Ranker>;
type PersonScores = { ndcg: Float64Array; recall: Float64Array; diversity: Float64Array };
type SeedResult = {
  seed: number;
  sample: PersonScores[] /* by method index */;
  cold: PersonScores[];
  candidateRecall: Float64Array;
  /** Candidate recall without the taste source (what the other sources propose). */
  recallWithoutTaste: Float64Array;
  tuned: Record<string, string>;
  fitted: RankerWeights;
  stats: { people: number; posts: number; poolPosts: number; evaluated: number; cold: number; meanCandidates: number; tasteCandidates: number; trainReactions: number };
};

export type BenchResult = {
  options: BenchOptions;
  seeds: SeedResult[];
  summary: Record<Method, { ndcg10: Interval; recall20: Interval; diversity: Interval; coldNdcg10: Interval }>;
  /** The Hearth row the line reports (options.report). */
  subject: Method;
  line: string;
  table: string;
  fitted: RankerWeights;
  rankMs: Record<number, number>;
  seconds: number;
};

const postIndex = (id: string) => Number(id.slice(1));

/** The evaluation protocol, the same for every method: no own posts, nothing engaged with before T, only the pool. */
function protocol(c: Community, s: TrainState, person: number, list: number[], k = 20): number[] {
  const out: number[] = [];
  for (const i of list) {
    if (i < s.windowStart || i >= s.windowEnd || c.posts[i]!.author === person || s.engaged[person]!.has(i)) continue;
    out.push(i);
    if (out.length === k) break;
  }
  return out;
}

const withoutTaste = (candidates: Candidate[]) => candidates.filter((x) => x.sources.some((s) => s !== 'taste'));

/** Production's ranking of production's candidates; `ablate` leaves the taste model out (its source and its term). */
function hearthRanker(gathered: Map<number, Gathered>, weights: RankerWeights, ablate = false): Ranker {
  return (person) => {
    const g = gathered.get(person);
    if (!g) return [];
    const context: RankContext = { ...g.context, weights: ablate ? { ...weights, terms: { ...weights.terms, collaborative: 0 } } : weights };
    const candidates = ablate ? withoutTaste(g.candidates) : g.candidates;
    return rankCandidates(candidates, context).map((x) => postIndex(x.candidate.postId));
  };
}

export function score(c: Community, s: TrainState, positives: Set<number>[], people: number[], ranker: Ranker): PersonScores {
  const out = { ndcg: new Float64Array(people.length), recall: new Float64Array(people.length), diversity: new Float64Array(people.length) };
  people.forEach((person, k) => {
    const list = protocol(c, s, person, ranker(person));
    out.ndcg[k] = ndcgAt(list, positives[person]!, 10);
    out.recall[k] = recallAt(list, positives[person]!, 20);
    out.diversity[k] = topicDiversity(list.slice(0, 10).map((i) => c.posts[i]!.tags));
  });
  return out;
}

const meanNdcg = (x: PersonScores) => mean(x.ndcg);

function sample(rng: ReturnType<typeof createRng>, people: number[], n: number): number[] {
  const list = [...people];
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list.slice(0, n).sort((a, b) => a - b);
}

export const eligible = (c: Community, s: TrainState, positives: Set<number>[]) => c.people.filter((p) => p.joinedAt < s.now && positives[p.index]!.size > 0).map((p) => p.index);

/** One seed's validation split, as the fit sees it. */
type ValidationSet = { c: Community; s: TrainState; positives: Set<number>[]; people: number[]; gathered: Map<number, Gathered> };

/**
 * Where every fit starts: a fixed, neutral point (every term 1, a day's half-life, no damping beyond 1, no topic
 * spreading), not the shipped numbers, so a fit never depends on earlier fits.
 */
export const FIT_START: RankerWeights = {
  version: 0,
  fittedOn: 'the neutral start of a fit',
  terms: { author: 1, group: 1, interest: 1, friend: 1, coEngagement: 1, collaborative: 1, trending: 1, newcomer: 1, exploration: 1 },
  freshnessHalfLifeHours: 24,
  // The engagement lift and the restraint of what was seen start where they were set by hand before any fit.
  engagement: 0.3,
  seen: { view: 0.6, opened: 0.2 },
  damping: 1,
  // Topics summed and no likelihood factor: the form before these two were fitted.
  interestTagPower: 0,
  likelihoodHalf: 0,
  topicDiversity: 0,
};

/** The values the coordinate ascent tries for a seen-restraint factor at `v`: a step down, a step up, none; at most 1. */
const seenSteps = (v: number) => [...new Set([Math.max(0.05, v - 0.2), Math.min(1, v + 0.2), 1].map((x) => Math.round(x * 100) / 100))].filter((x) => x !== v);

/**
 * A move is taken only when its gain over the current numbers exceeds z standard errors of the paired gains; z is
 * chosen among these by two-fold cross-validation inside the validation people (fitHearthCrossValidated).
 */
export const FIT_Z_CHOICES = [1, 2, 3] as const;

const concat = (arrays: Float64Array[]) => {
  const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
};

/** The mean of some per-person numbers and its standard error. */
function meanAndSe(xs: Float64Array) {
  const n = xs.length;
  const m = mean(xs);
  let sq = 0;
  for (const x of xs) sq += (x - m) * (x - m);
  return { mean: m, se: n > 1 ? Math.sqrt(sq / (n - 1) / n) : 0 };
}

/** Mean and standard error of the paired per-person gains of `next` over `current`. */
function pairedGain(next: Float64Array, current: Float64Array) {
  const { mean: gain, se } = meanAndSe(next.map((x, i) => x - current[i]!));
  return { gain, se };
}

/**
 * Whether the fit takes a move: per person of each seed, NDCG@10 with the move (`next`) and without (`current`). The
 * pooled paired gain must exceed `minZ` standard errors, and the mean gain must be positive in every seed.
 */
export function moveGains(next: Float64Array[], current: Float64Array[], minZ: number): boolean {
  const { gain, se } = pairedGain(concat(next), concat(current));
  return gain > 1e-9 && gain > minZ * se && next.every((seed, k) => mean(seed) > mean(current[k]!));
}

/**
 * Hearth's numbers fitted on the validation splits of every seed at once (the people of all seeds pooled: three
 * times the evidence of one seed): freshness half-life and damping by grid, term weights by coordinate ascent on
 * NDCG@10, then topic diversity. Each move must beat the current numbers by more than `minZ` standard errors of
 * the paired per-person gains — on a few hundred people a plain "any gain" follows noise (it did: numbers fitted per
 * seed on 72 people scored below their starting point on test) — and gain in every seed's community on its own:
 * a number that helps one community and costs another is that community's, not Hearth's. (Version 7, fitted
 * without this rule, took a newcomer weight of 4 and an author weight of 2 that carried to one set of seeds it never
 * saw and cost two others.)
 */
export function fitHearth(sets: ValidationSet[], diversityFloor: number, minZ: number) {
  const evaluate = (w: RankerWeights) => {
    const runs = sets.map((v) => score(v.c, v.s, v.positives, v.people, hearthRanker(v.gathered, w)));
    return { ndcg: concat(runs.map((r) => r.ndcg)), perSeed: runs.map((r) => r.ndcg), diversity: concat(runs.map((r) => r.diversity)) };
  };
  let best: RankerWeights = { ...FIT_START, terms: { ...FIT_START.terms }, seen: { ...FIT_START.seen } };
  let bestRun = evaluate(best);
  let moves = 0;
  const tryWeights = (w: RankerWeights) => {
    const next = evaluate(w);
    if (moveGains(next.perSeed, bestRun.perSeed, minZ)) {
      best = w;
      bestRun = next;
      moves++;
    }
  };
  // The grid: the best point of it, then only if it beats the start by the margin.
  let gridBest = best, gridNdcg = bestRun.ndcg;
  for (const freshnessHalfLifeHours of [12, 24, 36, 72, 144]) {
    for (const damping of [0.5, 1, 3, 10]) {
      const w = { ...best, freshnessHalfLifeHours, damping };
      const r = evaluate(w).ndcg;
      if (mean(r) > mean(gridNdcg)) {
        gridBest = w;
        gridNdcg = r;
      }
    }
  }
  if (gridBest !== best) tryWeights(gridBest);
  for (let pass = 0; pass < 3; pass++) {
    const before = moves;
    for (const term of Object.keys(best.terms) as (keyof RankerWeights['terms'])[]) {
      // A term at 0 is tried at a few values (a product with 0 would never leave it).
      for (const value of best.terms[term] === 0 ? [0.25, 1, 2] : [0, 0.5, 2].map((factor) => Math.round(best.terms[term] * factor * 1000) / 1000)) {
        if (value === best.terms[term]) continue;
        tryWeights({ ...best, terms: { ...best.terms, [term]: value } });
      }
    }
    for (const freshnessHalfLifeHours of [best.freshnessHalfLifeHours / 2, best.freshnessHalfLifeHours * 2]) tryWeights({ ...best, freshnessHalfLifeHours });
    for (const engagement of best.engagement === 0 ? [0.15, 0.3, 0.6] : [0, 0.5, 2].map((f) => Math.round(best.engagement * f * 1000) / 1000)) tryWeights({ ...best, engagement });
    for (const interestTagPower of [0, 0.5, 1]) if (interestTagPower !== best.interestTagPower) tryWeights({ ...best, interestTagPower });
    for (const likelihoodHalf of best.likelihoodHalf === 0 ? [0.3, 1, 3] : [0, best.likelihoodHalf / 3, best.likelihoodHalf * 3]) tryWeights({ ...best, likelihoodHalf });
    for (const view of seenSteps(best.seen.view)) tryWeights({ ...best, seen: { ...best.seen, view } });
    for (const opened of seenSteps(best.seen.opened)) tryWeights({ ...best, seen: { ...best.seen, opened } });
    if (moves === before) break;
  }
  // Topic diversity: the λ with the best NDCG among those keeping intra-list diversity ≥ 0.9 × reverse-chronological's
  // on validation; if none does, the most diverse.
  let chosen: { lambda: number; ndcg: number; diversity: number } | null = null;
  let mostDiverse = { lambda: 0, ndcg: 0, diversity: -1 };
  for (const lambda of [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8]) {
    const r = evaluate({ ...best, topicDiversity: lambda });
    const entry = { lambda, ndcg: mean(r.ndcg), diversity: mean(r.diversity) };
    if (entry.diversity > mostDiverse.diversity) mostDiverse = entry;
    if (entry.diversity >= 0.9 * diversityFloor && (!chosen || entry.ndcg > chosen.ndcg)) chosen = entry;
  }
  return { weights: { ...best, topicDiversity: (chosen ?? mostDiverse).lambda }, people: bestRun.ndcg.length, validationNdcg: mean(bestRun.ndcg) };
}

/** NDCG@10 of fixed numbers for each person of some validation sets. */
function validationNdcg(sets: ValidationSet[], w: RankerWeights) {
  return concat(sets.map((v) => score(v.c, v.s, v.positives, v.people, hearthRanker(v.gathered, w)).ndcg));
}

/**
 * The fit, with how cautious it is chosen on validation alone: the validation people split in two halves (alternate
 * people of each seed); for each z, fit on one half and score on the other, both ways; then the one-standard-error
 * rule on paired differences: the most cautious z whose held-out NDCG is within one standard error of the best one's,
 * that error taken over the per-person differences between the two (the same people score under both, so the
 * spread between people, which is most of the error of either mean, cancels). That z fits the numbers on all of
 * them. The test split plays no part.
 */
export function fitHearthCrossValidated(sets: ValidationSet[], diversityFloor: number, log: (line: string) => void = () => {}) {
  const half = (k: 0 | 1) => sets.map((v) => ({ ...v, people: v.people.filter((_, i) => i % 2 === k) }));
  const [a, b] = [half(0), half(1)];
  const perPerson: Record<number, Float64Array> = {};
  const held: Record<number, { mean: number; se: number }> = {};
  for (const z of FIT_Z_CHOICES) {
    perPerson[z] = concat([validationNdcg(b, fitHearth(a, diversityFloor, z).weights), validationNdcg(a, fitHearth(b, diversityFloor, z).weights)]);
    held[z] = meanAndSe(perPerson[z]!);
  }
  const best = FIT_Z_CHOICES.reduce((x, y) => (held[y]!.mean > held[x]!.mean ? y : x));
  const behind = (c: number) => pairedGain(perPerson[best]!, perPerson[c]!);
  const z = Math.max(...FIT_Z_CHOICES.filter((c) => c === best || behind(c).gain <= behind(c).se));
  log(
    `fit caution chosen by two-fold cross-validation on the validation people: ${FIT_Z_CHOICES.map((c) => `z=${c} held-out NDCG@10 ${held[c]!.mean.toFixed(4)} ± ${held[c]!.se.toFixed(4)}${c === best ? '' : ` (behind the best by ${behind(c).gain.toFixed(4)} ± ${behind(c).se.toFixed(4)} paired)`}`).join(', ')}; best z=${best}, the most cautious within one paired standard error z=${z}`,
  );
  const fitted = fitHearth(sets, diversityFloor, z);
  // What each hand-set-before number does on validation around the fitted point (the fit takes a move only past z).
  const probe = (name: string, variants: [string, RankerWeights][]) =>
    log(`fit probe on validation around the fitted numbers, ${name}: ${variants.map(([label, w]) => `${label} ${mean(validationNdcg(sets, w)).toFixed(4)}`).join(', ')}`);
  const w = fitted.weights;
  probe('engagement', [0, 0.15, 0.3, 0.6, 1, 1.5].map((engagement) => [`${engagement}`, { ...w, engagement }]));
  probe('seen view', [0.2, 0.4, 0.6, 0.8, 1].map((view) => [`${view}`, { ...w, seen: { ...w.seen, view } }]));
  probe('seen opened', [0.1, 0.2, 0.4, 0.7, 1].map((opened) => [`${opened}`, { ...w, seen: { ...w.seen, opened } }]));
  probe('interest tag power', [0, 0.5, 1].map((interestTagPower) => [`${interestTagPower}`, { ...w, interestTagPower }]));
  probe('likelihood half', [0, 0.3, 1, 3].map((likelihoodHalf) => [`${likelihoodHalf}`, { ...w, likelihoodHalf }]));
  return { ...fitted, z, held };
}

function argmax<T>(options: T[], value: (o: T) => number): T {
  let best: T = options[0]!;
  let bestValue = -Infinity;
  for (const o of options) {
    const v = value(o);
    if (v > bestValue) {
      best = o;
      bestValue = v;
    }
  }
  return best;
}

const alsGrid: AlsOptions[] = [
  { factors: 24, regularization: 0.1, alpha: 2, iterations: 6, horizonDays: 14 },
  { factors: 24, regularization: 1, alpha: 10, iterations: 6, horizonDays: 14 },
  { factors: 24, regularization: 0.1, alpha: 10, iterations: 6, horizonDays: 14 },
  { factors: 24, regularization: 1, alpha: 2, iterations: 6, horizonDays: 14 },
];
const freshnessGrid = [12, 24, 48, 96, Infinity];

/** A seed up to the point where Hearth's numbers are needed: validation gathered and peers tuned, the test split loaded. */
type PreparedSeed = {
  seed: number;
  c: Community;
  validation: ValidationSet;
  chronoDiversityV: number;
  tuned: Record<string, string>;
  st: TrainState;
  pt: Set<number>[];
  testPeople: number[];
  coldPeople: number[];
  gatheredT: Map<number, Gathered>;
  peerLists: Omit<Lists, 'hearth' | 'hearth_shipped' | 'hearth_without_taste'>;
};

async function prepareSeed(options: BenchOptions, seed: number): Promise<PreparedSeed> {
  const log = options.log ?? (() => {});
  const c = generateCommunity({ ...options.scale, seed });
  const testDays = options.scale.testDays;
  const T = c.splitAt;
  const Tv = T - testDays * DAY;
  const rng = createRng(seed * 13 + 1);
  let t0 = performance.now();
  const took = () => {
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    t0 = performance.now();
    return `${s} s`;
  };

  // Validation: the database and the state as they stood at Tv; positives in [Tv, T).
  const database = await loadCommunity(c, Tv, options.engine);
  log(`seed ${seed}: community loaded up to the validation split (${took()})`);
  // The daily job's taste model, trained by production's code on what the database holds at Tv.
  const tasteV = await trainTasteModel(database.handle.db, new Date(Tv));
  log(`seed ${seed}: taste model trained at the validation split: ${tasteV.people} people, ${tasteV.posts} posts, ${tasteV.engagements} pairs (${took()})`);
  const sv = trainState(c, Tv);
  const pv = testPositives(c, sv);
  const valPeople = sample(rng, eligible(c, sv, pv), options.validationPeople);
  const gatheredV = await gatherFor(database, c, valPeople, new Date(Tv));
  log(`seed ${seed}: candidates of ${valPeople.length} people gathered at the validation split (${took()})`);

  const tuned: Record<string, string> = {};
  const evalV = (r: Ranker) => score(c, sv, pv, valPeople, r);
  const popularDays = argmax([1, 2, 3, 7], (days) => meanNdcg(evalV(mostPopular(c, sv, { days }))));
  tuned.popular = `days=${popularDays}`;
  const chronoRuns = [true, false].map((fill) => ({ fill, r: evalV(reverseChronological(c, sv, { fill })) }));
  const chronoFill = argmax(chronoRuns, (x) => meanNdcg(x.r));
  tuned.chrono = `fill=${chronoFill.fill}`;
  const knnOptions = argmax(
    [3, 7, 30, Infinity].flatMap((historyHalfLifeDays) => freshnessGrid.map((freshnessHalfLifeHours) => ({ historyHalfLifeDays, freshnessHalfLifeHours }))),
    (o) => meanNdcg(evalV(itemKnn(c, sv, o))),
  );
  tuned.itemknn = `history_half_life_days=${knnOptions.historyHalfLifeDays} freshness_half_life_h=${knnOptions.freshnessHalfLifeHours}`;
  let alsBest: { options: AlsOptions; freshness: number; ndcg: number; model: AlsModel | null } = { options: alsGrid[0]!, freshness: Infinity, ndcg: -1, model: null };
  for (const o of alsGrid) {
    const m = trainAls(c, sv, o);
    for (const h of freshnessGrid) {
      const v = meanNdcg(evalV(alsRanker(c, sv, m, h)));
      if (v > alsBest.ndcg) alsBest = { options: o, freshness: h, ndcg: v, model: m };
    }
  }
  tuned.als = `factors=${alsBest.options.factors} reg=${alsBest.options.regularization} alpha=${alsBest.options.alpha} freshness_half_life_h=${alsBest.freshness}`;
  log(`seed ${seed}: peers tuned on validation (${took()})`);

  // Test: gathered now, read once after the fit, with what validation chose.
  await advanceCommunity(database, c, T);
  await trainTasteModel(database.handle.db, new Date(T));
  const st = trainState(c, T);
  const pt = testPositives(c, st);
  const all = eligible(c, st, pt);
  const isCold = (p: number) => st.engaged[p]!.size <= COLD_START_ENGAGEMENTS;
  const testPeople = sample(rng, all, options.testPeople);
  const coldPeople = all.filter(isCold);
  const gatheredT = await gatherFor(database, c, [...new Set([...testPeople, ...coldPeople])], new Date(T));
  await database.close();
  log(`seed ${seed}: test split loaded, candidates of ${gatheredT.size} people gathered (${took()})`);

  const alsT = trainAls(c, st, alsBest.options);
  return {
    seed,
    c,
    validation: { c, s: sv, positives: pv, people: valPeople, gathered: gatheredV },
    chronoDiversityV: mean(chronoFill.r.diversity),
    tuned,
    st,
    pt,
    testPeople,
    coldPeople,
    gatheredT,
    peerLists: {
      popular: mostPopular(c, st, { days: popularDays }),
      chrono: reverseChronological(c, st, { fill: chronoFill.fill }),
      itemknn: itemKnn(c, st, knnOptions),
      als: alsRanker(c, st, alsT, alsBest.freshness),
      random: randomOrder(c, st),
      ceiling: ceiling(c, st, { knowsQuality: true }),
      ceiling_without_quality: ceiling(c, st, { knowsQuality: false }),
    },
  };
}

/** The test split of one seed, scored once with the numbers fitted on validation. */
function scoreSeed(p: PreparedSeed, fitted: RankerWeights, z: number): SeedResult {
  const { c, st, pt, testPeople, coldPeople, gatheredT } = p;
  const lists: Lists = {
    hearth: hearthRanker(gatheredT, fitted),
    hearth_shipped: hearthRanker(gatheredT, rankerWeights),
    hearth_without_taste: hearthRanker(gatheredT, fitted, true),
    ...p.peerLists,
  };
  const sampleScores = methods.map((m) => score(c, st, pt, testPeople, lists[m]));
  const coldScores = methods.map((m) => score(c, st, pt, coldPeople, lists[m]));
  const recallOf = (pick: (x: Candidate[]) => Candidate[]) =>
    Float64Array.from(testPeople, (person) => {
      const ids = new Set(pick(gatheredT.get(person)!.candidates).map((x) => postIndex(x.postId)));
      let hits = 0;
      for (const i of pt[person]!) if (ids.has(i)) hits++;
      return hits / pt[person]!.size;
    });
  return {
    seed: p.seed,
    sample: sampleScores,
    cold: coldScores,
    candidateRecall: recallOf((x) => x),
    recallWithoutTaste: recallOf(withoutTaste),
    tuned: { ...p.tuned, hearth: `freshness_half_life_h=${fitted.freshnessHalfLifeHours} engagement=${fitted.engagement} seen_view=${fitted.seen.view} seen_opened=${fitted.seen.opened} damping=${fitted.damping} interest_tag_power=${fitted.interestTagPower} likelihood_half=${fitted.likelihoodHalf} topic_diversity=${fitted.topicDiversity} terms=${JSON.stringify(fitted.terms)} (one fit on the validation people of every seed, caution z=${z})` },
    fitted,
    stats: {
      people: c.people.length,
      posts: c.posts.length,
      poolPosts: st.windowEnd - st.windowStart,
      evaluated: testPeople.length,
      cold: coldPeople.length,
      meanCandidates: mean(testPeople.map((person) => gatheredT.get(person)!.candidates.length)),
      tasteCandidates: mean(testPeople.map((person) => gatheredT.get(person)!.candidates.filter((x) => x.sources.includes('taste')).length)),
      trainReactions: c.events.kind.filter((k, i) => k === REACTION && c.events.at[i]! < c.splitAt).length,
    },
  };
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const prepared: PreparedSeed[] = [];
  for (const seed of options.seeds) prepared.push(await prepareSeed(options, seed));
  const fitStarted = performance.now();
  const fit = fitHearthCrossValidated(prepared.map((p) => p.validation), mean(prepared.map((p) => p.chronoDiversityV)), log);
  log(`Hearth fitted on the validation people of ${prepared.length} seed(s) (${fit.people} people, validation NDCG@10 ${fit.validationNdcg.toFixed(3)}; ${((performance.now() - fitStarted) / 1000).toFixed(1)} s)`);
  const fittedWeights: RankerWeights = { ...fit.weights, version: rankerWeights.version + 1, fittedOn: '' };
  const seeds = prepared.map((p) => scoreSeed(p, fittedWeights, fit.z));
  const rankMs = rankCost(options.rankCostSizes ?? [1000, 10_000]);

  const idx = (m: Method) => methods.indexOf(m);
  const pooledCold = (m: Method) => concat(seeds.map((s) => s.cold[idx(m)]!.ndcg));
  const one = (pick: (s: SeedResult) => Float64Array) => bootstrap(seeds.map((s) => [pick(s)]), (m) => m[0]!);
  const summary = Object.fromEntries(
    methods.map((m) => [
      m,
      {
        ndcg10: one((s) => s.sample[idx(m)]!.ndcg),
        recall20: one((s) => s.sample[idx(m)]!.recall),
        diversity: one((s) => s.sample[idx(m)]!.diversity),
        coldNdcg10: bootstrap([[pooledCold(m)]], (x) => x[0]!),
      },
    ]),
  ) as BenchResult['summary'];
  const best = argmax([...peers], (p) => summary[p].ndcg10.value);
  const subject: Method = options.report === 'fit' ? 'hearth' : 'hearth_shipped';
  const vs = (m: Method) => bootstrap(seeds.map((s) => [s.sample[idx(subject)]!.ndcg, s.sample[idx(m)]!.ndcg]), (x) => ratio(x[0]!, x[1]!));
  const vsBest = vs(best), vsChrono = vs('chrono'), vsPopular = vs('popular');
  // Cold start against the strongest peer on the cold-start people themselves (not the best peer overall, which may
  // be weak for people with no history).
  const bestCold = argmax([...peers], (p) => summary[p].coldNdcg10.value);
  const coldVsBest = bootstrap([[pooledCold(subject), pooledCold(bestCold)]], (x) => ratio(x[0]!, x[1]!));
  const candidateRecall = one((s) => s.candidateRecall);
  const recallWithoutTaste = one((s) => s.recallWithoutTaste);
  const vsWithoutTaste = bootstrap(seeds.map((s) => [s.sample[idx('hearth')]!.ndcg, s.sample[idx('hearth_without_taste')]!.ndcg]), (x) => ratio(x[0]!, x[1]!));

  const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : String(x));
  const f1 = (x: number) => x.toFixed(1);
  const line =
    `quality hearth_ndcg10=${f3(summary[subject].ndcg10.value)} best_peer=${peerNames[best]} best_peer_ndcg10=${f3(summary[best].ndcg10.value)} ` +
    `vs_best_peer=${f3(vsBest.value)} vs_best_peer_lo=${f3(vsBest.lo)} vs_chronological=${f3(vsChrono.value)} vs_chronological_lo=${f3(vsChrono.lo)} ` +
    `vs_popular=${f3(vsPopular.value)} vs_popular_lo=${f3(vsPopular.lo)} diversity=${f3(summary[subject].diversity.value)} ` +
    `chronological_diversity=${f3(summary.chrono.diversity.value)} candidate_recall=${f3(candidateRecall.value)} ` +
    `coldstart_vs_best_peer=${f3(coldVsBest.value)} coldstart_vs_best_peer_lo=${f3(coldVsBest.lo)} rank_ms_10k=${f1(rankMs[10_000] ?? NaN)} seeds=${seeds.length}`;

  const ci = (x: Interval) => `${f3(x.value)} [${f3(x.lo)}, ${f3(x.hi)}]`;
  const header = ['method', 'NDCG@10 [95% CI]', 'Recall@20 [95% CI]', 'diversity@10 [95% CI]', 'cold-start NDCG@10 [95% CI]'];
  const rows = methods.map((m) => [methodLabels[m], ci(summary[m].ndcg10), ci(summary[m].recall20), ci(summary[m].diversity), ci(summary[m].coldNdcg10)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const st = seeds[0]!.stats;
  const table = [
    `Quality bench (${options.scale.name}, seeds ${options.seeds.join(', ')}, candidates from ${options.engine ?? 'pglite'}): ${st.people} people, ~${st.posts} posts per seed; pool = the ${model.exposureDays} days before T ` +
      `(~${st.poolPosts} posts, the simulation's exposure window); tuned on the ${options.scale.testDays} days before T, tested on the ${options.scale.testDays} days after; ` +
      `${seeds.map((s) => s.stats.evaluated).join('/')} people sampled for the test, ${seeds.map((s) => s.stats.cold).join('/')} cold-start people (≤ ${COLD_START_ENGAGEMENTS} engagements) apart; ` +
      `${f1(mean(seeds.map((s) => s.stats.meanCandidates)))} production candidates per person (${f1(mean(seeds.map((s) => s.stats.tasteCandidates)))} from the taste source); candidate recall ${ci(candidateRecall)}`,
    '',
    fmt(header),
    fmt(widths.map((w) => '-'.repeat(w))),
    ...rows.map(fmt),
    '',
    `Best peer: ${methodLabels[best]}. Ratios of ${subject === 'hearth' ? "this run's fit" : `the shipped numbers (version ${rankerWeights.version})`}, as in the line below (mean over seeds [95% CI]): vs best peer ${ci(vsBest)}, vs reverse-chronological ${ci(vsChrono)}, vs most popular ${ci(vsPopular)}, cold-start vs the best peer on cold-start people (${methodLabels[bestCold]}) ${ci(coldVsBest)}.`,
    `Taste model (production's, lib/recommend/taste.ts): Hearth's NDCG@10 is × ${ci(vsWithoutTaste)} of the same without it; candidate recall without the taste source ${ci(recallWithoutTaste)}.`,
    `Ranking cost (rankCandidates, CPU ms per person, fastest of 7 runs): ${Object.entries(rankMs).map(([n, ms]) => `${Number(n).toLocaleString('en')} candidates ${ms.toFixed(1)} ms`).join(', ')}.`,
    '',
    'Tuned on validation:',
    ...seeds.flatMap((s) => Object.entries(s.tuned).map(([k, v]) => `  seed ${s.seed} ${k}: ${v}`)),
  ].join('\n');
  return { options, seeds, summary, subject, line, table, fitted: fittedWeights, rankMs, seconds: (performance.now() - started) / 1000 };
}
