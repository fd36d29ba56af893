// Keeps the quality bench honest: the tiny scale runs in seconds, prints the agreed summary line, is deterministic,
// and on planted tastes Hearth's ranker must beat a random order (so the bench cannot silently rot).
import { beforeAll, describe, expect, it } from 'vitest';
import { scales } from './quality/community';
import { ndcgAt, recallAt, topicDiversity } from './quality/metrics';
import { methods, runBench, type BenchResult } from './quality/run';

// A tiny run takes a couple of seconds alone, more on a busy machine.
const SLOW = 60_000;

const linePattern =
  /^quality hearth_ndcg10=(\d+\.\d{3}) popular_ndcg10=(\d+\.\d{3}) itemknn_ndcg10=(\d+\.\d{3}) vs_popular=(\d+\.\d{3}) vs_itemknn=(\d+\.\d{3}) diversity_vs_popular=(\d+\.\d{3})$/;

describe('quality bench (tiny scale)', () => {
  let first: BenchResult;
  beforeAll(() => {
    first = runBench(scales.tiny);
  }, SLOW);

  it('prints the summary line in the agreed form, consistent with the table', () => {
    const match = linePattern.exec(first.line);
    expect(match).not.toBeNull();
    const [, hearth, popular, itemknn, vsPopular] = match!.map(Number);
    expect(hearth).toBeCloseTo(first.results.hearth.ndcg10, 3);
    expect(popular).toBeCloseTo(first.results.popular.ndcg10, 3);
    expect(itemknn).toBeCloseTo(first.results.itemknn.ndcg10, 3);
    expect(vsPopular).toBeCloseTo(first.results.hearth.ndcg10 / first.results.popular.ndcg10, 2);
    for (const m of methods) expect(first.table).toContain(first.results[m].ndcg10.toFixed(3));
  });

  it('evaluates real people on real test engagement, with every metric in [0, 1]', () => {
    expect(first.stats.evaluated).toBeGreaterThan(50);
    expect(first.stats.testPositives).toBeGreaterThanOrEqual(first.stats.evaluated);
    for (const m of methods) {
      const r = first.results[m];
      for (const v of [r.ndcg10, r.recall20, r.coverage, r.diversity, r.authors]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is deterministic: the same seed gives the same numbers', () => {
    const second = runBench(scales.tiny);
    expect(second.line).toBe(first.line);
    expect(second.results).toEqual(first.results);
  }, SLOW);

  it('a different seed gives a different community', () => {
    expect(runBench({ ...scales.tiny, seed: scales.tiny.seed + 1 }).line).not.toBe(first.line);
  }, SLOW);

  it('on planted tastes, Hearth clearly beats a random order', () => {
    expect(first.results.hearth.ndcg10).toBeGreaterThan(3 * first.results.random.ndcg10);
    expect(first.results.hearth.recall20).toBeGreaterThan(first.results.random.recall20);
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
