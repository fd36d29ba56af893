// A small seeded PRNG (sfc32, seeded through splitmix32) and the distributions the synthetic community draws from.
// Everything in the quality bench draws from here, so one seed gives one community, bit for bit.

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  int(n: number): number;
  normal(): number;
  logNormal(mu: number, sigma: number): number;
  /** Pareto with minimum 1 and tail index `alpha` (smaller alpha, heavier tail). */
  pareto(alpha: number): number;
  gamma(shape: number): number;
  dirichlet(alpha: number[]): number[];
  poisson(lambda: number): number;
  /** `k` distinct indexes drawn with probability proportional to `weights` (successive draws without replacement). */
  sampleWithout(weights: ArrayLike<number>, k: number): number[];
  /** A new independent stream, for a sub-task whose draws must not shift when another sub-task changes. */
  fork(label: number): Rng;
};

function splitmix32(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();

  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0, v = 0, r = 0;
    do {
      u = next() * 2 - 1;
      v = next() * 2 - 1;
      r = u * u + v * v;
    } while (r >= 1 || r === 0);
    const m = Math.sqrt((-2 * Math.log(r)) / r);
    spare = v * m;
    return u * m;
  };

  // Marsaglia and Tsang; shapes below 1 through the usual boost.
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(1 - next(), 1 / shape);
    const d3 = shape - 1 / 3;
    const c3 = 1 / Math.sqrt(9 * d3);
    for (;;) {
      let x = 0, v = 0;
      do {
        x = normal();
        v = 1 + c3 * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (u < 1 - 0.0331 * x * x * x * x) return d3 * v;
      if (Math.log(u) < 0.5 * x * x + d3 * (1 - v + Math.log(v))) return d3 * v;
    }
  };

  const poisson = (lambda: number): number => {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = next();
    while (p > limit) {
      k += 1;
      p *= next();
    }
    return k;
  };

  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    normal,
    logNormal: (mu, sigma) => Math.exp(mu + sigma * normal()),
    pareto: (alpha) => Math.pow(1 - next(), -1 / alpha),
    gamma,
    dirichlet: (alpha) => {
      const g = alpha.map((x) => gamma(x));
      const sum = g.reduce((s, x) => s + x, 0) || 1;
      return g.map((x) => x / sum);
    },
    poisson,
    sampleWithout: (weights, k) => {
      // Efraimidis–Spirakis keys: the k largest u^(1/w) are a weighted sample without replacement.
      const keys: { i: number; key: number }[] = [];
      for (let i = 0; i < weights.length; i++) {
        const w = weights[i]!;
        if (w > 0) keys.push({ i, key: Math.log(1 - next()) / w });
      }
      keys.sort((x, y) => y.key - x.key || x.i - y.i);
      return keys.slice(0, k).map((x) => x.i);
    },
    fork: (label) => createRng((Math.imul(seed ^ 0x5bd1e995, 31) + Math.imul(label + 1, 0x27d4eb2f)) >>> 0),
  };
  return rng;
}
