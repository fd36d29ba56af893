// Keeps the quality bench honest: a one-seed tiny run through the real pipeline (production candidate SQL on an
// embedded database, validation tuning, one test read) prints the agreed summary line consistent with its table,
// and on planted tastes Hearth must beat a random order. The parts are checked alone: no test event reaches the
// state a method trains on, ALS learns a planted pattern, the bootstrap interval behaves.
import { beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATE_WINDOW_DAYS } from '../lib/recommend/candidates';
import { als } from './quality/als';
import { DAY, generateCommunity, model, REACTION, scales } from './quality/community';
import { ndcgAt, recallAt, topicDiversity } from './quality/metrics';
import { methods, moveGains, runBench, type BenchResult } from './quality/run';
import { bootstrap } from './quality/stats';
import { testPositives, trainState } from './quality/state';

// A tiny run takes about 20 s alone, minutes on a machine busy with other work.
const SLOW = 600_000;

const keys = [
  'hearth_ndcg10', 'best_peer', 'best_peer_ndcg10', 'vs_best_peer', 'vs_best_peer_lo', 'vs_chronological', 'vs_chronological_lo', 'vs_popular', 'vs_popular_lo',
  'diversity', 'chronological_diversity', 'candidate_recall', 'coldstart_vs_best_peer', 'coldstart_vs_best_peer_lo', 'rank_ms_10k', 'seeds',
];

describe('quality bench (tiny scale, one seed)', () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBench({ scale: scales.tiny, seeds: [scales.tiny.seed], validationPeople: 25, testPeople: 30, rankCostSizes: [1000, 10_000] });
  }, SLOW);

  it('prints the summary line in the agreed form, consistent with the table', () => {
    expect(result.line.startsWith('quality ')).toBe(true);
    const pairs = result.line.slice('quality '.length).split(' ').map((p) => p.split('='));
    expect(pairs.map(([k]) => k)).toEqual(keys);
    const value = Object.fromEntries(pairs) as Record<string, string>;
    // The shipped numbers, unless the run fits (report: 'fit').
    expect(result.subject).toBe('hearth_shipped');
    expect(Number(value.hearth_ndcg10)).toBeCloseTo(result.summary.hearth_shipped.ndcg10.value, 3);
    expect(['popular', 'chronological', 'itemknn_time', 'als_fresh']).toContain(value.best_peer);
    expect(Number(value.vs_best_peer_lo)).toBeLessThanOrEqual(Number(value.vs_best_peer) + 1e-9);
    expect(Number(value.vs_chronological)).toBeCloseTo(result.summary.hearth_shipped.ndcg10.value / result.summary.chrono.ndcg10.value, 2);
    expect(value.seeds).toBe('1');
    for (const m of methods) expect(result.table).toContain(result.summary[m].ndcg10.value.toFixed(3));
  });

  it('evaluates real people, with every metric in [0, 1] and each interval around its value', () => {
    expect(result.seeds[0]!.stats.evaluated).toBe(30);
    for (const m of methods) {
      const s = result.summary[m];
      for (const x of [s.ndcg10, s.recall20, s.diversity]) {
        expect(x.value).toBeGreaterThanOrEqual(0);
        expect(x.value).toBeLessThanOrEqual(1);
        expect(x.lo).toBeLessThanOrEqual(x.value + 1e-9);
        expect(x.hi).toBeGreaterThanOrEqual(x.value - 1e-9);
      }
    }
  });

  it('ranks production candidates: the 30-day window of lib/recommend/candidates.ts, more than the pool holds', () => {
    expect(CANDIDATE_WINDOW_DAYS).toBeGreaterThan(model.exposureDays);
    expect(result.seeds[0]!.stats.meanCandidates).toBeGreaterThan(result.seeds[0]!.stats.poolPosts);
  });

  it('the production taste model takes part: its source adds candidates, never removes any', () => {
    const seed = result.seeds[0]!;
    seed.candidateRecall.forEach((withTaste, i) => expect(withTaste).toBeGreaterThanOrEqual(seed.recallWithoutTaste[i]!));
    expect(seed.stats.tasteCandidates).toBeGreaterThan(0);
  });

  it('tunes on validation: every method reports what it chose', () => {
    expect(Object.keys(result.seeds[0]!.tuned).sort()).toEqual(['als', 'chrono', 'hearth', 'itemknn', 'popular']);
  });

  it('on planted tastes, Hearth clearly beats a random order', () => {
    expect(result.summary.hearth.ndcg10.value).toBeGreaterThan(3 * result.summary.random.ndcg10.value);
  });
});

describe('quality bench parts', () => {
  const c = generateCommunity(scales.tiny);
  const Tv = c.splitAt - scales.tiny.testDays * DAY;

  it('the state at a split counts only what happened before it, and its held-out set only the days after', () => {
    const s = trainState(c, Tv);
    const before = c.events.kind.filter((k, i) => k === REACTION && c.events.at[i]! < Tv).length;
    expect(s.reactions.reduce((a, b) => a + b, 0)).toBe(before);
    const positives = testPositives(c, s);
    for (const [person, set] of positives.entries()) {
      for (const post of set) {
        expect(post).toBeGreaterThanOrEqual(s.windowStart);
        expect(post).toBeLessThan(s.windowEnd);
        expect(s.engaged[person]!.has(post)).toBe(false);
      }
    }
    // The pool is the exposure window: nothing older can be shown in the simulation.
    expect(c.posts[s.windowStart]!.createdAt).toBeGreaterThanOrEqual(Tv - model.exposureDays * DAY);
  });

  it('ALS scores what like-minded people engaged with above what they did not', () => {
    const model = als(c, Tv, { factors: 8, regularization: 0.1, alpha: 5, iterations: 5, horizonDays: 14 });
    const s = trainState(c, Tv);
    // Over people with history, their own engaged posts score above random pool posts on average.
    let own = 0, other = 0, n = 0;
    for (let p = 0; p < c.people.length; p++) {
      const engaged = [...s.engaged[p]!].filter((i) => i >= s.windowStart && i < s.windowEnd);
      if (engaged.length === 0) continue;
      own += model.score(p, engaged[0]!);
      other += model.score(p, s.windowStart + ((p * 7919) % (s.windowEnd - s.windowStart)));
      n++;
    }
    expect(n).toBeGreaterThan(20);
    expect(own / n).toBeGreaterThan(other / n);
  });

  it('the fit takes a move only when it gains clearly over everyone and in every seed', () => {
    // Three seeds of 100 people; the move adds 0.02 to everyone's NDCG in the first two seeds, with a little noise.
    let k = 1;
    const noise = () => ((k = (k * 16807) % 2147483647) / 2147483647 - 0.5) * 0.01;
    const current = [0, 1, 2].map(() => Float64Array.from({ length: 100 }, () => 0.1 + noise()));
    const gained = (third: number) => current.map((seed, s) => seed.map((x) => x + (s < 2 ? 0.02 : third) + noise()));
    expect(moveGains(gained(0.02), current, 3)).toBe(true);
    // The same pooled gain, but the third community loses: not taken.
    expect(moveGains(gained(-0.005), current, 3)).toBe(false);
    // A gain lost in the noise is not taken either, however it splits.
    const noisy = current.map((seed) => seed.map((x, i) => x + (i % 2 ? 0.5 : -0.49)));
    expect(moveGains(noisy, current, 1)).toBe(false);
  });

  it('the bootstrap interval holds the mean and narrows with more people', () => {
    const small = Float64Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const large = Float64Array.from({ length: 2000 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const a = bootstrap([[small]], (m) => m[0]!);
    const b = bootstrap([[large]], (m) => m[0]!);
    expect(a.value).toBeCloseTo(0.25);
    expect(a.lo).toBeLessThan(0.25);
    expect(a.hi).toBeGreaterThan(0.25);
    expect(b.hi - b.lo).toBeLessThan(a.hi - a.lo);
  });
});

describe('quality metrics', () => {
  it('NDCG@10 is 1 for a perfect list and falls when the hit moves down', () => {
    expect(ndcgAt([1, 2, 3], new Set([1]), 10)).toBe(1);
    expect(ndcgAt([2, 1, 3], new Set([1]), 10)).toBeCloseTo(1 / Math.log2(3));
    expect(ndcgAt([2, 3], new Set([1]), 10)).toBe(0);
  });

  it('Recall@20 counts hits over min(20, relevant)', () => {
    expect(recallAt([1, 2, 3], new Set([1, 9]), 20)).toBe(0.5);
  });

  it('topic diversity is 0 for identical topics and 1 for disjoint ones', () => {
    expect(topicDiversity([[1], [1], [1]])).toBe(0);
    expect(topicDiversity([[1], [2], [3]])).toBe(1);
    expect(topicDiversity([[1, 2], [2, 3]])).toBeCloseTo(1 - 1 / 3);
  });
});
