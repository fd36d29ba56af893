// The peers the bench compares Hearth with, each with knobs tuned on the validation split exactly like Hearth's.
// Each returns pool posts (indexes), best first. The pool is the posts of the exposure window before T (state.ts).
import { als, type AlsModel, type AlsOptions } from './als';
import { COMMENT, DAY, model, REACTION, type Community } from './community';
import { createRng } from './random';
import type { TrainState } from './state';

export type Ranker = (person: number) => number[];

export function poolPosts(s: TrainState): number[] {
  return Array.from({ length: s.windowEnd - s.windowStart }, (_, k) => s.windowStart + k);
}

const byNewest = (c: Community) => (a: number, b: number) => c.posts[b]!.createdAt - c.posts[a]!.createdAt || b - a;
const freshness = (c: Community, s: TrainState, post: number, halfLifeHours: number) =>
  Number.isFinite(halfLifeHours) ? Math.pow(0.5, (s.now - c.posts[post]!.createdAt) / 3_600_000 / halfLifeHours) : 1;

export type PopularOptions = { days: number };
/** Most popular: reactions + comments received in the last `days` before T, over the pool; ties newest first. */
export function mostPopular(c: Community, s: TrainState, options: PopularOptions = { days: 3 }): Ranker {
  const from = s.now - options.days * DAY;
  const counts = new Float64Array(c.posts.length);
  const ev = c.events;
  for (let i = 0; i < ev.kind.length; i++) {
    const at = ev.at[i]!;
    if (at < from || at >= s.now || (ev.kind[i] !== REACTION && ev.kind[i] !== COMMENT)) continue;
    counts[ev.post[i]!]! += 1;
  }
  const newest = byNewest(c);
  const order = poolPosts(s).sort((a, b) => counts[b]! - counts[a]! || newest(a, b));
  return () => order;
}

export type ChronoOptions = { fill: boolean };
/** Reverse-chronological from what the person follows (people and groups); with `fill`, then everything else, newest first. */
export function reverseChronological(c: Community, s: TrainState, options: ChronoOptions = { fill: true }): Ranker {
  const newest = byNewest(c);
  const all = poolPosts(s).sort(newest);
  return (person) => {
    const follows = new Set(s.follows[person]);
    const groups = new Set(s.groups[person]);
    const mine = (i: number) => follows.has(c.posts[i]!.author) || groups.has(c.posts[i]!.group);
    const followed = all.filter(mine);
    return options.fill ? [...followed, ...all.filter((i) => !mine(i))] : followed;
  };
}

export type KnnOptions = { historyHalfLifeDays: number; freshnessHalfLifeHours: number };
/**
 * Time-aware item-kNN: item-item cosine over reactions and comments before T (|U_i ∩ U_j| / √(|U_i||U_j|)); a pool
 * post's score is the sum of its similarities to what the person engaged with, each weighted by 2^(−age / history
 * half-life), times a freshness prior 2^(−post age / freshness half-life). Posts it cannot score come after, in
 * most-popular order, so a person with little history still gets a full list.
 */
export function itemKnn(c: Community, s: TrainState, options: KnnOptions): Ranker {
  const popular = mostPopular(c, s)(0);
  const inPool = (j: number) => j >= s.windowStart && j < s.windowEnd;
  const poolReactions = s.reactedBy.map((list) => list.filter((r) => inPool(r.post)).map((r) => r.post));
  const score = new Float64Array(c.posts.length);
  const historyMs = options.historyHalfLifeDays * DAY;
  return (person) => {
    const touched: number[] = [];
    for (const { post: i, at } of s.reactedBy[person]!) {
      const ui = s.reactorsOf[i]!;
      const weight = Number.isFinite(historyMs) ? Math.pow(0.5, (s.now - at) / historyMs) : 1;
      for (const v of ui) {
        if (v === person) continue;
        for (const j of poolReactions[v]!) {
          if (j === i) continue;
          if (score[j] === 0) touched.push(j);
          score[j]! += weight / Math.sqrt(ui.length * s.reactorsOf[j]!.length);
        }
      }
    }
    for (const j of touched) score[j]! *= freshness(c, s, j, options.freshnessHalfLifeHours);
    const scored = touched.sort((a, b) => score[b]! - score[a]! || b - a);
    const inList = new Set(scored);
    const result = [...scored, ...popular.filter((j) => !inList.has(j))];
    for (const j of touched) score[j] = 0;
    return result;
  };
}

/** Implicit ALS (alsmodel in als.ts) with a freshness prior: pool posts by max(0, x_u·y_i) × 2^(−age / half-life), then the rest by x_u·y_i. */
export function alsRanker(c: Community, s: TrainState, model: AlsModel, freshnessHalfLifeHours: number): Ranker {
  const pool = poolPosts(s);
  const prior = Float64Array.from(pool, (j) => freshness(c, s, j, freshnessHalfLifeHours));
  return (person) => {
    const scores = pool.map((j, k) => {
      const dot = model.score(person, j);
      return dot > 0 ? dot * prior[k]! : dot * 1e-6;
    });
    return byScore(pool, scores);
  };
}

/** Pool posts ordered by their scores (`scores[k]` belongs to `pool[k]`), best first; ties newest (higher index) first. */
export function byScore(pool: number[], scores: ArrayLike<number>): number[] {
  return pool
    .map((j, k) => ({ j, v: scores[k]! }))
    .sort((a, b) => b.v - a.v || b.j - a.j)
    .map((x) => x.j);
}

export function trainAls(c: Community, s: TrainState, options: AlsOptions): AlsModel {
  return als(c, s.now, options);
}

/** Random order over the pool, seeded per person. */
export function randomOrder(c: Community, s: TrainState): Ranker {
  return (person) => {
    const rng = createRng(c.scale.seed * 7919 + person);
    const list = poolPosts(s);
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
}

export type CeilingOptions = { knowsQuality: boolean };
/**
 * Not a peer: a yardstick of how much the test split lets any ranker reach. It reads what no method may see — the
 * simulation's latent tastes and post qualities — and orders the pool by the expected engagement the simulation's own
 * model gives each post over the test window: the exposure a post of age a collects in [T, T + test days) (its
 * 1 / (1 + age)² integrated, ended at the exposure window), times the exposure weight (base, followed, group, taste,
 * popularity so far), times the expected P(react) over the log-normal noise. Approximate (it ignores that a visit's
 * views are drawn without repeats and that new posts compete), so it is a near-ceiling, not a bound; with
 * `knowsQuality: false` every post has the mean quality, to tell how much of the ceiling is knowing quality.
 */
export function ceiling(c: Community, s: TrainState, options: CeilingOptions): Ranker {
  const pool = poolPosts(s);
  const m = model;
  const days = c.scale.testDays;
  const meanQuality = pool.reduce((sum, j) => sum + c.posts[j]!.quality, 0) / Math.max(1, pool.length);
  // The expectation over the log-normal noise, by a fixed sample of it (the same for every post and person).
  const rng = createRng(19);
  const noise = Array.from({ length: 64 }, () => rng.logNormal(0, m.noiseSigma));
  const recency = Float64Array.from(pool, (j) => {
    const a = (s.now - c.posts[j]!.createdAt) / DAY;
    const span = Math.min(days, m.exposureDays - a);
    return span > 0 ? 1 / (1 + a) - 1 / (1 + a + span) : 0;
  });
  return (person) => {
    const p = c.people[person]!;
    const follows = new Set(s.follows[person]);
    const groups = new Set(s.groups[person]);
    const scores = pool.map((j, k) => {
      const post = c.posts[j]!;
      let taste = 0;
      for (const t of post.tags) taste += p.taste[t]!;
      taste /= post.tags.length;
      const followed = follows.has(post.author);
      const weight =
        m.exposure.base + (followed ? m.exposure.followed : 0) + (post.group >= 0 && groups.has(post.group) ? m.exposure.group : 0) + m.exposure.taste * taste + m.exposure.popularity * Math.log(1 + s.reactions[j]!);
      const base = taste * (options.knowsQuality ? post.quality : meanQuality) * (followed ? m.followedBoost : 1);
      let react = 0;
      for (const n of noise) react += (base * n) / (base * n + m.reactHalf);
      return recency[k]! * weight * (react / noise.length);
    });
    return byScore(pool, scores);
  };
}
