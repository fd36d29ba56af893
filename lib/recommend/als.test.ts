// The ALS maths alone: each sweep lowers the objective, a planted two-camp community comes out as two camps, and
// folding a new item in from its engagers gives the same factors as the training's own half-step would.
import { describe, expect, it } from 'vitest';
import { alsLoss, dot, foldInShare, foldInSolve, gramOf, trainAls, type Interaction } from './als';

const options = { factors: 4, regularization: 0.1, alpha: 4, iterations: 8 };

/** Two camps of 10 people; camp c engages with items of camp c (items 0–9 and 10–19), each with 8 of the 10. */
function planted(): Interaction[] {
  const out: Interaction[] = [];
  for (let u = 0; u < 20; u++) {
    const camp = u < 10 ? 0 : 1;
    for (let j = 0; j < 10; j++) if ((u * 3 + j) % 10 < 8) out.push({ user: u, item: camp * 10 + j, value: 3 });
  }
  return out;
}

describe('implicit ALS', () => {
  it('lowers the objective with every sweep', () => {
    const interactions = planted();
    const losses: number[] = [];
    trainAls(20, 20, interactions, options, 7, (f) => losses.push(alsLoss(f, interactions, options)));
    expect(losses).toHaveLength(options.iterations);
    for (let i = 1; i < losses.length; i++) expect(losses[i]!).toBeLessThanOrEqual(losses[i - 1]! + 1e-9);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.99);
  });

  it('recovers the planted camps: a person scores the items they never touched in their camp above the other camp', () => {
    const interactions = planted();
    const f = trainAls(20, 20, interactions, options, 7);
    const touched = new Set(interactions.map((x) => `${x.user}:${x.item}`));
    let right = 0, total = 0;
    for (let u = 0; u < 20; u++) {
      const camp = u < 10 ? 0 : 1;
      for (let j = 0; j < 10; j++) {
        const own = camp * 10 + j;
        if (touched.has(`${u}:${own}`)) continue;
        // Every untouched own-camp item beats every other-camp item.
        for (let o = 0; o < 10; o++) {
          total++;
          if (dot(f.X, u * 4, f.Y, own * 4, 4) > dot(f.X, u * 4, f.Y, ((1 - camp) * 10 + o) * 4, 4)) right++;
        }
      }
    }
    expect(total).toBeGreaterThan(100);
    expect(right / total).toBeGreaterThan(0.95);
    // Two people of one camp are closer to each other than to anyone of the other.
    const cos = (a: number, b: number) => dot(f.X, a * 4, f.X, b * 4, 4) / Math.sqrt(dot(f.X, a * 4, f.X, a * 4, 4) * dot(f.X, b * 4, f.X, b * 4, 4));
    expect(cos(0, 1)).toBeGreaterThan(0.5);
    expect(cos(0, 15)).toBeLessThan(cos(0, 1));
  });

  it('folds a new item in exactly as a training half-step solves it', () => {
    const interactions = planted();
    const f = trainAls(20, 20, interactions, options, 7);
    // A new item engaged with by people 0, 1 and 2 (values 3, 3 and 0.5): add their shares one by one, then solve.
    const engagers = [{ user: 0, value: 3 }, { user: 1, value: 3 }, { user: 2, value: 0.5 }];
    const a = new Float64Array(16), b = new Float64Array(4);
    for (const e of engagers) {
      const share = foldInShare(f.X.subarray(e.user * 4, e.user * 4 + 4), e.value, options.alpha, true);
      for (let i = 0; i < 16; i++) a[i]! += share.a[i]!;
      for (let i = 0; i < 4; i++) b[i]! += share.b[i]!;
    }
    const y = foldInSolve(gramOf(f.X, 4), options.regularization, a, b, 4);
    // The normal equations hold: (XᵀX + Σ(c−1)xxᵀ + λI) y = Σ c x.
    const gram = gramOf(f.X, 4);
    for (let r = 0; r < 4; r++) {
      let lhs = options.regularization * y[r]!;
      for (let c = 0; c < 4; c++) lhs += gram[r * 4 + c]! * y[c]!;
      for (const e of engagers) lhs += options.alpha * e.value * f.X[e.user * 4 + r]! * dot(f.X, e.user * 4, y, 0, 4);
      let rhs = 0;
      for (const e of engagers) rhs += (1 + options.alpha * e.value) * f.X[e.user * 4 + r]!;
      expect(lhs).toBeCloseTo(rhs, 8);
    }
    // And it lands in the engagers' camp: camp 0 scores it above camp 1.
    expect(dot(f.X, 5 * 4, y, 0, 4)).toBeGreaterThan(dot(f.X, 15 * 4, y, 0, 4));
  });
});
