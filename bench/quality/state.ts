// What the database would hold at the split time T, derived from the training events only (everything before T):
// counts, who reacted to what, what each person has seen, and the interest profile. Test events never enter here.
import { contribution, type EngagementKind, type InterestSignal } from '../../lib/recommend/weights';
import { COMMENT, DAY, eventKinds, model, OPEN, REACTION, VIEW, type Community } from './community';

export type TrainState = {
  now: number;
  /** Posts created in [T − exposureDays, T): every method's pool (the simulation shows a post for exposureDays). */
  windowStart: number;
  windowEnd: number;
  reactions: Int32Array;
  comments: Int32Array;
  /** Reactions in the 7 days before T. */
  weekReactions: Int32Array;
  /** Reactions + comments in the `testDays` before T (for the most-popular baseline). */
  recentEngagement: Int32Array;
  /** Per person: posts reacted to before T, in time order, with the time. */
  reactedBy: { post: number; at: number }[][];
  /** Per post: people who reacted before T. */
  reactorsOf: number[][];
  /** Per person: posts reacted to or commented on before T (excluded from every list, see README). */
  engaged: Set<number>[];
  /** Per person: views and opens of window posts before T. */
  seen: Map<number, { views: number; opened: boolean }>[];
  /** Per person: topic → inferred score at T (decayed sum of signal weights). */
  inferred: Float64Array[];
  /** Per person: the interest profile as the ranker reads it. */
  profile: Map<string, InterestSignal>[];
  follows: number[][];
  groups: number[][];
};

export function trainState(c: Community, T = c.splitAt): TrainState {
  const windowStart = T - model.exposureDays * DAY;
  let lo = 0;
  while (lo < c.posts.length && c.posts[lo]!.createdAt < windowStart) lo++;
  let hi = lo;
  while (hi < c.posts.length && c.posts[hi]!.createdAt < T) hi++;

  const P = c.posts.length;
  const N = c.people.length;
  const K = c.topics.length;
  const reactions = new Int32Array(P);
  const comments = new Int32Array(P);
  const weekReactions = new Int32Array(P);
  const recentEngagement = new Int32Array(P);
  const reactedBy: { post: number; at: number }[][] = Array.from({ length: N }, () => []);
  const reactorsOf: number[][] = Array.from({ length: P }, () => []);
  const engaged = Array.from({ length: N }, () => new Set<number>());
  const seen = Array.from({ length: N }, () => new Map<number, { views: number; opened: boolean }>());
  const inferred = Array.from({ length: N }, () => new Float64Array(K));
  const recentFrom = T - c.scale.testDays * DAY;

  const ev = c.events;
  for (let i = 0; i < ev.kind.length; i++) {
    const at = ev.at[i]!;
    if (at >= T) continue;
    const person = ev.person[i]!;
    const post = ev.post[i]!;
    const kind = ev.kind[i]!;
    // The interest profile: every signal adds its decayed weight to each of the post's topics (weights.ts).
    const value = contribution(eventKinds[kind] as EngagementKind, new Date(at), new Date(T));
    for (const t of c.posts[post]!.tags) inferred[person]![t]! += value;
    if (kind === REACTION) {
      reactions[post]! += 1;
      if (at >= T - 7 * DAY) weekReactions[post]! += 1;
      if (at >= recentFrom) recentEngagement[post]! += 1;
      reactedBy[person]!.push({ post, at });
      reactorsOf[post]!.push(person);
      engaged[person]!.add(post);
    } else if (kind === COMMENT) {
      comments[post]! += 1;
      if (at >= recentFrom) recentEngagement[post]! += 1;
      engaged[person]!.add(post);
    } else if ((kind === VIEW || kind === OPEN) && post >= lo && post < hi) {
      const s = seen[person]!.get(post) ?? { views: 0, opened: false };
      if (kind === VIEW) s.views += 1;
      else s.opened = true;
      seen[person]!.set(post, s);
    }
  }

  const profile = c.people.map((p) => {
    const m = new Map<string, InterestSignal>();
    for (let t = 0; t < K; t++) {
      const choice = p.joinedAt < T ? (p.explicit.get(t) ?? null) : null;
      const score = inferred[p.index]![t]!;
      if (choice || score > 0) m.set(c.topics[t]!, { choice, inferred: score });
    }
    return m;
  });

  return {
    now: T,
    windowStart: lo,
    windowEnd: hi,
    reactions,
    comments,
    weekReactions,
    recentEngagement,
    reactedBy,
    reactorsOf,
    engaged,
    seen,
    inferred,
    profile,
    follows: c.people.map((p) => p.follows.filter((f) => f.at < T).map((f) => f.person)),
    groups: c.people.map((p) => p.groups.filter((g) => g.at < T).map((g) => g.group)),
  };
}

/** The held-out set: per person, pool posts they first reacted to or commented on in [T, T + testDays), not their own. */
export function testPositives(c: Community, s: TrainState): Set<number>[] {
  const out = Array.from({ length: c.people.length }, () => new Set<number>());
  const ev = c.events;
  const end = s.now + c.scale.testDays * DAY;
  for (let i = 0; i < ev.kind.length; i++) {
    const at = ev.at[i]!;
    const kind = ev.kind[i]!;
    if (at < s.now || at >= end || (kind !== REACTION && kind !== COMMENT)) continue;
    const person = ev.person[i]!;
    const post = ev.post[i]!;
    if (post < s.windowStart || post >= s.windowEnd) continue;
    if (c.posts[post]!.author === person || s.engaged[person]!.has(post)) continue;
    out[person]!.add(post);
  }
  return out;
}
