// Confidence intervals for the bench: a paired, seed-stratified bootstrap over the evaluated people. Each resample
// draws people with replacement within each seed (the same draw for every method, so differences stay paired),
// computes the statistic per seed and averages over seeds, as the summary line does.
import { createRng } from './random';

export const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return xs.length ? s / xs.length : 0;
};

export type Interval = { value: number; lo: number; hi: number };

/**
 * `perSeed[s]` holds one array per method for seed s (all the same length: that seed's people). `stat` turns the
 * per-method means of one seed into a number; the result is its mean over seeds with a 95 % percentile interval.
 */
export function bootstrap(perSeed: Float64Array[][], stat: (means: number[]) => number, resamples = 1000, seed = 1): Interval {
  const value = mean(perSeed.map((arrays) => stat(arrays.map(mean))));
  const rng = createRng(seed);
  const draws = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let total = 0;
    for (const arrays of perSeed) {
      const n = arrays[0]!.length;
      const sums = new Float64Array(arrays.length);
      for (let i = 0; i < n; i++) {
        const pick = rng.int(n);
        for (let m = 0; m < arrays.length; m++) sums[m]! += arrays[m]![pick]!;
      }
      total += stat(Array.from(sums, (s) => (n ? s / n : 0)));
    }
    draws[b] = total / perSeed.length;
  }
  draws.sort();
  return { value, lo: draws[Math.floor(0.025 * resamples)]!, hi: draws[Math.min(resamples - 1, Math.ceil(0.975 * resamples) - 1)]! };
}

/** a / b; a positive a over a zero b is Infinity (not 0: a resample where the peer scores nothing is Hearth's best case), 0 / 0 is 1. */
export const ratio = (a: number, b: number) => (b > 0 ? a / b : a > 0 ? Infinity : 1);
