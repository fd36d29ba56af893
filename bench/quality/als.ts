// Implicit-feedback ALS (Hu, Koren and Volinsky 2008), closed form: every signal before T is confidence
// c = 1 + alpha × (the signal weights Hearth's profile uses: view 0.5, open 1.5, reaction 3, bookmark 3, comment 4),
// preference 1 for any signal; each half-step solves (YᵀY + Yᵀ(C_u − I)Y + λI) x_u = Yᵀ C_u p_u by Cholesky.
import { signalWeights } from '../../lib/recommend/weights';
import { DAY, eventKinds, type Community } from './community';
import { createRng } from './random';

export type AlsOptions = { factors: number; regularization: number; alpha: number; iterations: number; /** Posts of the last this many days are items. */ horizonDays: number };
export type AlsModel = { score(person: number, post: number): number; items: number };

function choleskySolve(a: Float64Array, b: Float64Array, k: number, out: Float64Array, offset: number) {
  // In place: a becomes L (lower), then forward and back substitution.
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

type Rows = { index: Int32Array; value: Float64Array; start: Int32Array };

function halfStep(rows: Rows, count: number, fixed: Float64Array, out: Float64Array, k: number, regularization: number, alpha: number) {
  const gram = new Float64Array(k * k);
  const others = fixed.length / k;
  for (let o = 0; o < others; o++) {
    for (let a = 0; a < k; a++) {
      const va = fixed[o * k + a]!;
      if (va === 0) continue;
      for (let b = 0; b <= a; b++) gram[a * k + b]! += va * fixed[o * k + b]!;
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) gram[b * k + a] = gram[a * k + b]!;
  const A = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  for (let u = 0; u < count; u++) {
    const from = rows.start[u]!, to = rows.start[u + 1]!;
    if (from === to) {
      out.fill(0, u * k, u * k + k);
      continue;
    }
    A.set(gram);
    rhs.fill(0);
    for (let d = 0; d < k; d++) A[d * k + d]! += regularization;
    for (let e = from; e < to; e++) {
      const o = rows.index[e]!;
      const c = 1 + alpha * rows.value[e]!;
      const base = o * k;
      for (let a = 0; a < k; a++) {
        const va = fixed[base + a]!;
        rhs[a]! += c * va;
        const w = (c - 1) * va;
        for (let b = 0; b <= a; b++) A[a * k + b]! += w * fixed[base + b]!;
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) A[b * k + a] = A[a * k + b]!;
    choleskySolve(A, rhs, k, out, u * k);
  }
}

function toRows(pairs: Map<number, number>[], count: number): Rows {
  const start = new Int32Array(count + 1);
  let n = 0;
  for (let u = 0; u < count; u++) {
    start[u] = n;
    n += pairs[u]!.size;
  }
  start[count] = n;
  const index = new Int32Array(n);
  const value = new Float64Array(n);
  let e = 0;
  for (let u = 0; u < count; u++) {
    for (const [o, v] of pairs[u]!) {
      index[e] = o;
      value[e] = v;
      e++;
    }
  }
  return { index, value, start };
}

export function als(c: Community, T: number, options: AlsOptions): AlsModel {
  const k = options.factors;
  const from = T - options.horizonDays * DAY;
  const itemOf = new Int32Array(c.posts.length).fill(-1);
  let items = 0;
  for (const p of c.posts) if (p.createdAt >= from && p.createdAt < T) itemOf[p.index] = items++;
  const N = c.people.length;
  const byUser = Array.from({ length: N }, () => new Map<number, number>());
  const byItem = Array.from({ length: items }, () => new Map<number, number>());
  const ev = c.events;
  for (let e = 0; e < ev.kind.length; e++) {
    if (ev.at[e]! >= T) continue;
    const item = itemOf[ev.post[e]!]!;
    if (item < 0) continue;
    const u = ev.person[e]!;
    const w = signalWeights[eventKinds[ev.kind[e]!]!];
    byUser[u]!.set(item, (byUser[u]!.get(item) ?? 0) + w);
    byItem[item]!.set(u, (byItem[item]!.get(u) ?? 0) + w);
  }
  const userRows = toRows(byUser, N);
  const itemRows = toRows(byItem, items);
  const rng = createRng(c.scale.seed * 31 + options.factors);
  const X = new Float64Array(N * k);
  const Y = Float64Array.from({ length: items * k }, () => rng.normal() * 0.1);
  for (let it = 0; it < options.iterations; it++) {
    halfStep(userRows, N, Y, X, k, options.regularization, options.alpha);
    halfStep(itemRows, items, X, Y, k, options.regularization, options.alpha);
  }
  return {
    items,
    score(person, post) {
      const item = itemOf[post]!;
      if (item < 0) return 0;
      let s = 0;
      for (let d = 0; d < k; d++) s += X[person * k + d]! * Y[item * k + d]!;
      return s;
    },
  };
}
