// Implicit-feedback ALS (Hu, Koren and Volinsky 2008), closed form, as pure functions over plain arrays: the one
// implementation behind the daily taste model (taste.ts) and the quality bench's ALS peer (bench/quality/als.ts).
// Every engagement of a person with a post is confidence c = 1 + alpha × (the summed signal weights), preference 1;
// each half-step solves (YᵀY + Yᵀ(C_u − I)Y + λI) x_u = Yᵀ C_u p_u by Cholesky. A new post is "folded in" from its
// engagers' taste vectors with the same solve (one half-step for one item), which needs only XᵀX of the trained model.

export type AlsOptions = { factors: number; regularization: number; alpha: number; iterations: number };

/** One person–post pair: the summed signal weights of everything the person did with the post. */
export type Interaction = { user: number; item: number; value: number };

export type AlsFactors = {
  k: number;
  users: number;
  items: number;
  /** users × k, row-major. */
  X: Float64Array;
  /** items × k, row-major. */
  Y: Float64Array;
};

/** Solves A x = b for a symmetric positive definite k × k matrix (A is overwritten with its Cholesky factor). */
export function choleskySolve(a: Float64Array, b: Float64Array, k: number, out: Float64Array, offset = 0) {
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j]!;
    for (let m = 0; m < j; m++) d -= a[j * k + m]! * a[j * k + m]!;
    d = Math.sqrt(Math.max(d, 1e-12));
    a[j * k + j] = d;
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j]!;
      for (let m = 0; m < j; m++) s -= a[i * k + m]! * a[j * k + m]!;
      a[i * k + j] = s / d;
    }
  }
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= a[i * k + m]! * y[m]!;
    y[i] = s / a[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let m = i + 1; m < k; m++) s -= a[m * k + i]! * out[offset + m]!;
    out[offset + i] = s / a[i * k + i]!;
  }
}

/** FᵀF of a row-major (rows × k) factor matrix, full k × k. */
export function gramOf(fixed: Float64Array, k: number): Float64Array {
  const gram = new Float64Array(k * k);
  const rows = fixed.length / k;
  for (let o = 0; o < rows; o++) {
    for (let a = 0; a < k; a++) {
      const va = fixed[o * k + a]!;
      if (va === 0) continue;
      for (let b = 0; b <= a; b++) gram[a * k + b]! += va * fixed[o * k + b]!;
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) gram[b * k + a] = gram[a * k + b]!;
  return gram;
}

type Rows = { index: Int32Array; value: Float64Array; start: Int32Array };

function toRows(count: number, entries: { row: number; col: number; value: number }[]): Rows {
  const start = new Int32Array(count + 1);
  for (const e of entries) start[e.row + 1]!++;
  for (let r = 0; r < count; r++) start[r + 1]! += start[r]!;
  const fill = start.slice(0, count);
  const index = new Int32Array(entries.length);
  const value = new Float64Array(entries.length);
  for (const e of entries) {
    const at = fill[e.row]!++;
    index[at] = e.col;
    value[at] = e.value;
  }
  return { index, value, start };
}

/**
 * Solves one row's factors against the fixed other side: (G + Σ (c−1) f fᵀ + λI) x = Σ c f, over the row's
 * (other index, value) pairs. An empty row gets zeros (nothing to learn from).
 */
function solveRow(gram: Float64Array, fixed: Float64Array, k: number, pairs: { index: ArrayLike<number>; value: ArrayLike<number>; from: number; to: number }, regularization: number, alpha: number, out: Float64Array, offset: number, A = new Float64Array(k * k), rhs = new Float64Array(k)) {
  if (pairs.from === pairs.to) {
    out.fill(0, offset, offset + k);
    return;
  }
  A.set(gram);
  rhs.fill(0);
  for (let d = 0; d < k; d++) A[d * k + d]! += regularization;
  for (let e = pairs.from; e < pairs.to; e++) {
    const base = pairs.index[e]! * k;
    const c = 1 + alpha * pairs.value[e]!;
    for (let a = 0; a < k; a++) {
      const va = fixed[base + a]!;
      rhs[a]! += c * va;
      const w = (c - 1) * va;
      for (let b = 0; b <= a; b++) A[a * k + b]! += w * fixed[base + b]!;
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) A[b * k + a] = A[a * k + b]!;
  choleskySolve(A, rhs, k, out, offset);
}

function halfStep(rows: Rows, count: number, fixed: Float64Array, out: Float64Array, k: number, regularization: number, alpha: number) {
  const gram = gramOf(fixed, k);
  const A = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  for (let u = 0; u < count; u++) {
    solveRow(gram, fixed, k, { index: rows.index, value: rows.value, from: rows.start[u]!, to: rows.start[u + 1]! }, regularization, alpha, out, u * k, A, rhs);
  }
}

/** A small deterministic generator for the starting item factors (mulberry32), so one input gives one model. */
function startingFactors(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Float64Array.from({ length: n }, () => (uniform() - 0.5) * 0.2);
}

/** Trains user and item factors from implicit interactions (several for one pair add up). */
export function trainAls(users: number, items: number, interactions: Interaction[], options: AlsOptions, seed = 1, onIteration?: (f: AlsFactors) => void): AlsFactors {
  const k = options.factors;
  const summed = new Map<number, number>();
  for (const x of interactions) summed.set(x.user * items + x.item, (summed.get(x.user * items + x.item) ?? 0) + x.value);
  const byUser: { row: number; col: number; value: number }[] = [];
  const byItem: { row: number; col: number; value: number }[] = [];
  for (const [key, value] of summed) {
    const user = Math.floor(key / items), item = key % items;
    byUser.push({ row: user, col: item, value });
    byItem.push({ row: item, col: user, value });
  }
  const userRows = toRows(users, byUser);
  const itemRows = toRows(items, byItem);
  const X = new Float64Array(users * k);
  const Y = startingFactors(items * k, seed);
  const factors = { k, users, items, X, Y };
  for (let it = 0; it < options.iterations; it++) {
    halfStep(userRows, users, Y, X, k, options.regularization, options.alpha);
    halfStep(itemRows, items, X, Y, k, options.regularization, options.alpha);
    onIteration?.(factors);
  }
  return factors;
}

/**
 * The implicit-ALS objective: Σ over every (user, item) of c·(p − x·y)² (c = 1, p = 0 where nothing happened) plus
 * λ(‖X‖² + ‖Y‖²). Exact and O(users × items × k): for tests and small models only.
 */
export function alsLoss(f: AlsFactors, interactions: Interaction[], options: Pick<AlsOptions, 'regularization' | 'alpha'>): number {
  const summed = new Map<number, number>();
  for (const x of interactions) summed.set(x.user * f.items + x.item, (summed.get(x.user * f.items + x.item) ?? 0) + x.value);
  let loss = 0;
  for (let u = 0; u < f.users; u++) {
    for (let i = 0; i < f.items; i++) {
      const v = summed.get(u * f.items + i);
      const s = dot(f.X, u * f.k, f.Y, i * f.k, f.k);
      loss += v === undefined ? s * s : (1 + options.alpha * v) * (1 - s) * (1 - s);
    }
  }
  let norm = 0;
  for (const x of f.X) norm += x * x;
  for (const y of f.Y) norm += y * y;
  return loss + options.regularization * norm;
}

export function dot(a: ArrayLike<number>, aOffset: number, b: ArrayLike<number>, bOffset: number, k: number): number {
  let s = 0;
  for (let d = 0; d < k; d++) s += a[aOffset + d]! * b[bOffset + d]!;
  return s;
}

/**
 * Sufficient statistics of a folded-in item: A = Σ (c−1) x xᵀ (k × k) and b = Σ c x over its engagers so far. Both
 * are sums, so each engagement adds its share, and the item's factors are solve(XᵀX + λI + A, b) at any moment.
 */
export function foldInShare(x: ArrayLike<number>, value: number, alpha: number, firstOfPair: boolean): { a: Float64Array; b: Float64Array } {
  const k = x.length;
  const a = new Float64Array(k * k);
  const b = new Float64Array(k);
  const extra = alpha * value;
  for (let i = 0; i < k; i++) {
    b[i] = (extra + (firstOfPair ? 1 : 0)) * x[i]!;
    for (let j = 0; j < k; j++) a[i * k + j] = extra * x[i]! * x[j]!;
  }
  return { a, b };
}

/** The folded-in item's factors from its sufficient statistics and the trained model's XᵀX. */
export function foldInSolve(gram: ArrayLike<number>, regularization: number, a: ArrayLike<number>, b: ArrayLike<number>, k: number): Float64Array {
  const A = new Float64Array(k * k);
  for (let i = 0; i < k * k; i++) A[i] = gram[i]! + a[i]!;
  for (let d = 0; d < k; d++) A[d * k + d]! += regularization;
  const out = new Float64Array(k);
  choleskySolve(A, Float64Array.from(b), k, out, 0);
  return out;
}
