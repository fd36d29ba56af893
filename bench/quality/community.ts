// The synthetic community with planted tastes: people with latent interest mixtures over topics, groups with
// topics, a taste-biased follow graph, power-law activity, skewed post quality, and a day-by-day simulation of who
// sees what and who reacts. Nothing here knows about Hearth's ranker: the model below was fixed before measuring.
import { createRng, type Rng } from './random';

export const DAY = 86_400_000;
/** Day 0 of the simulation. */
export const EPOCH = Date.UTC(2026, 0, 5);

export type Scale = {
  name: string;
  seed: number;
  people: number;
  topics: number;
  groups: number;
  /** Simulated days; the split is at `splitDay`, the test window is the `testDays` after it. */
  days: number;
  splitDay: number;
  testDays: number;
  /** Candidates (and every method's pool) are the posts of the `windowDays` before the split. */
  windowDays: number;
};

export const scales: Record<'default' | 'tiny', Scale> = {
  default: { name: 'default', seed: 20260105, people: 2000, topics: 40, groups: 60, days: 60, splitDay: 57, testDays: 3, windowDays: 14 },
  tiny: { name: 'tiny', seed: 7, people: 300, topics: 12, groups: 10, days: 30, splitDay: 27, testDays: 3, windowDays: 14 },
};

/** The generative model's knobs, in one place (README "Quality" describes them). */
export const model = {
  /** Topic popularity is Zipf-like: topic k gets weight 1/(k+1)^s. */
  topicZipf: 0.6,
  /** Total Dirichlet concentration of a person's taste: small, so a few topics dominate. */
  tasteConcentration: 2.5,
  /** Activity is Pareto(alpha), capped: a few people post and engage a lot. */
  activityAlpha: 1.5,
  activityCap: 40,
  /** Share of people who join during the simulation (the rest were members before day 0). */
  newcomerShare: 0.15,
  /** Newcomers who write an introduction within half a day of joining. */
  introductionRate: 0.7,
  /** Share of earlier members who picked interests at onboarding (every newcomer does). */
  explicitInterestShare: 0.7,
  /** Posts per day per unit of activity. */
  postRate: 0.04,
  /** Share of posts made in one of the author's groups. */
  groupPostShare: 0.6,
  /** Post quality: Pareto(alpha) × the author's skill (log-normal), scaled to mean about 1. */
  qualityAlpha: 2,
  skillSigma: 0.4,
  /** A person visits on a day with probability min(1, base + slope × activity) and then views Poisson(rate × activity^0.6) posts. */
  visitBase: 0.15,
  visitSlope: 0.12,
  viewRate: 8,
  /** Posts can be seen for 7 days; exposure falls as 1 / (1 + age in days)^2. */
  exposureDays: 7,
  /** Exposure weight = recency × (base + follows author + in the group + taste + popularity so far). */
  exposure: { base: 0.3, followed: 2, group: 1, taste: 4, popularity: 0.3 },
  /** Given a view, s = taste × quality × noise (log-normal) × (1.5 if the author is followed). */
  noiseSigma: 0.5,
  followedBoost: 1.5,
  /** P(react) = s / (s + reactHalf); P(open) = s / (s + openHalf); comments and bookmarks follow some reactions. */
  reactHalf: 0.4,
  openHalf: 1,
  commentGivenReaction: 0.25,
  bookmarkGivenReaction: 0.1,
} as const;

export const VIEW = 0, OPEN = 1, REACTION = 2, COMMENT = 3, BOOKMARK = 4;
export const eventKinds = ['view', 'open', 'reaction', 'comment', 'bookmark'] as const;

export type Person = {
  index: number;
  id: string;
  name: string;
  handle: string;
  joinedAt: number;
  /** Latent taste over topics (sums to 1). Never shown to any method. */
  taste: Float64Array;
  activity: number;
  skill: number;
  follows: { person: number; at: number }[];
  groups: { group: number; at: number }[];
  /** Onboarding choices: topic → follow or more. */
  explicit: Map<number, 'follow' | 'more'>;
};

export type Group = { index: number; id: string; name: string; slug: string; topics: number[] };

export type Post = {
  index: number;
  id: string;
  author: number;
  group: number;
  tags: number[];
  createdAt: number;
  quality: number;
  newcomer: boolean;
};

/** Every event, as parallel arrays in time order within each day. */
export type Events = { person: number[]; post: number[]; kind: number[]; at: number[] };

export type Community = {
  scale: Scale;
  topics: string[];
  people: Person[];
  groups: Group[];
  /** Sorted by createdAt; post.index is its place here. */
  posts: Post[];
  events: Events;
  splitAt: number;
  testEnd: number;
};

/** Cumulative weights for repeated draws. */
function cumulative(weights: ArrayLike<number>, out?: Float64Array): Float64Array {
  const cum = out && out.length >= weights.length ? out : new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i]!;
    cum[i] = s;
  }
  return cum;
}

function drawIndex(rng: Rng, cum: Float64Array, n: number): number {
  const target = rng.next() * cum[n - 1]!;
  let lo = 0, hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Up to k distinct indexes, each draw proportional to weight (redraws on repeats). */
function drawDistinct(rng: Rng, cum: Float64Array, n: number, k: number, positive: number): number[] {
  const want = Math.min(k, positive);
  const chosen = new Set<number>();
  let attempts = 0;
  while (chosen.size < want && attempts < want * 50) {
    attempts += 1;
    chosen.add(drawIndex(rng, cum, n));
  }
  return [...chosen];
}

function pickTopic(rng: Rng, weights: number[]): number {
  return drawIndex(rng, cumulative(weights), weights.length);
}

export function generateCommunity(scale: Scale): Community {
  const root = createRng(scale.seed);
  const K = scale.topics;
  const topics = Array.from({ length: K }, (_, k) => `topic-${String(k + 1).padStart(2, '0')}`);
  const topicPopRaw = topics.map((_, k) => 1 / Math.pow(k + 1, model.topicZipf));
  const popSum = topicPopRaw.reduce((s, x) => s + x, 0);
  const topicPop = topicPopRaw.map((x) => x / popSum);
  const alpha = topicPop.map((p) => p * model.tasteConcentration);

  // People.
  const rPeople = root.fork(1);
  const people: Person[] = [];
  for (let i = 0; i < scale.people; i++) {
    const taste = Float64Array.from(rPeople.dirichlet(alpha));
    const activity = Math.min(model.activityCap, rPeople.pareto(model.activityAlpha));
    const newcomer = rPeople.next() < model.newcomerShare;
    const joinedAt = newcomer ? EPOCH + rPeople.next() * scale.days * DAY : EPOCH - (1 + rPeople.next() * 364) * DAY;
    people.push({
      index: i,
      id: `u${i}`,
      name: `Person ${i}`,
      handle: `person${i}`,
      joinedAt,
      taste,
      activity,
      skill: rPeople.logNormal(0, model.skillSigma),
      follows: [],
      groups: [],
      explicit: new Map(),
    });
  }

  // Groups with one to three topics, popular topics more often.
  const rGroups = root.fork(2);
  const groups: Group[] = [];
  for (let g = 0; g < scale.groups; g++) {
    const u = rGroups.next();
    const n = u < 0.4 ? 1 : u < 0.8 ? 2 : 3;
    const groupTopics = rGroups.sampleWithout(topicPop, n).sort((a, b) => a - b);
    groups.push({ index: g, id: `g${g}`, name: `Group ${g} (${groupTopics.map((t) => topics[t]).join(', ')})`, slug: `group-${g}`, topics: groupTopics });
  }
  const groupMatch = (p: Person, g: Group) => Math.max(...g.topics.map((t) => p.taste[t]!));

  // Memberships: people join groups that match their tastes.
  const rJoin = root.fork(3);
  for (const p of people) {
    const n = Math.min(scale.groups, 1 + rJoin.poisson(1.5));
    const weights = groups.map((g) => groupMatch(p, g) ** 2 + 0.002);
    for (const g of rJoin.sampleWithout(weights, n)) p.groups.push({ group: g, at: p.joinedAt });
  }

  // Follows: towards people of similar taste, and towards active people.
  const rFollow = root.fork(4);
  const norms = people.map((p) => Math.sqrt(p.taste.reduce((s, x) => s + x * x, 0)));
  const weights = new Float64Array(scale.people);
  const cum = new Float64Array(scale.people);
  for (const p of people) {
    for (const q of people) {
      if (q === p) {
        weights[q.index] = 0;
        continue;
      }
      let dot = 0;
      for (let k = 0; k < K; k++) dot += p.taste[k]! * q.taste[k]!;
      weights[q.index] = (dot / (norms[p.index]! * norms[q.index]!) + 0.03) * Math.pow(q.activity, 0.8);
    }
    cumulative(weights, cum);
    const n = Math.min(150, Math.round(2 + 4 * Math.pow(p.activity, 0.6)) + rFollow.poisson(2));
    for (const q of drawDistinct(rFollow, cum, scale.people, n, scale.people - 1).sort((a, b) => a - b)) {
      p.follows.push({ person: q, at: Math.max(p.joinedAt, people[q]!.joinedAt) });
    }
  }

  // Onboarding: three to six interests picked roughly by taste (the third or fourth pick is often a guess).
  const rInterests = root.fork(5);
  for (const p of people) {
    if (p.joinedAt < EPOCH && rInterests.next() >= model.explicitInterestShare) continue;
    const n = Math.min(6, 3 + rInterests.poisson(0.7));
    const picks = rInterests.sampleWithout(Array.from(p.taste, (x) => x + 0.01), n);
    picks.forEach((t, i) => p.explicit.set(t, i === 0 && rInterests.next() < 0.2 ? 'more' : 'follow'));
  }

  // Posts: independent of engagement, so made first.
  const rPosts = root.fork(6);
  const drafts: Omit<Post, 'index' | 'id' | 'newcomer'>[] = [];
  const endAt = EPOCH + scale.days * DAY;
  const makePost = (p: Person, createdAt: number) => {
    const mine = p.groups.filter((g) => g.at <= createdAt);
    let group = -1;
    const tags: number[] = [];
    if (mine.length > 0 && rPosts.next() < model.groupPostShare) {
      group = mine[pickTopic(rPosts, mine.map((m) => groupMatch(p, groups[m.group]!) + 0.01))]!.group;
      const gt = groups[group]!.topics;
      tags.push(gt[pickTopic(rPosts, gt.map((t) => p.taste[t]! + 0.05))]!);
    } else {
      tags.push(pickTopic(rPosts, Array.from(p.taste)));
    }
    const u = rPosts.next();
    const n = u < 0.5 ? 1 : u < 0.85 ? 2 : 3;
    while (tags.length < n) {
      const t = pickTopic(rPosts, Array.from(p.taste, (x, k) => (tags.includes(k) ? 0 : x + 0.02)));
      tags.push(t);
    }
    const quality = (rPosts.pareto(model.qualityAlpha) * p.skill) / 2.2;
    drafts.push({ author: p.index, group, tags, createdAt, quality });
  };
  for (const p of people) {
    if (p.joinedAt >= EPOCH && rPosts.next() < model.introductionRate) makePost(p, Math.min(endAt - 1, p.joinedAt + rPosts.next() * DAY * 0.5));
    for (let d = 0; d < scale.days; d++) {
      const dayStart = EPOCH + d * DAY;
      const from = Math.max(dayStart, p.joinedAt);
      if (from >= dayStart + DAY) continue;
      const n = rPosts.poisson(model.postRate * p.activity * ((dayStart + DAY - from) / DAY));
      for (let j = 0; j < n; j++) makePost(p, from + rPosts.next() * (dayStart + DAY - from));
    }
  }
  drafts.sort((a, b) => a.createdAt - b.createdAt || a.author - b.author);
  const firstPost = new Map<number, number>();
  const posts: Post[] = drafts.map((d, index) => {
    const author = people[d.author]!;
    const isFirst = !firstPost.has(d.author);
    if (isFirst) firstPost.set(d.author, index);
    const newcomer = isFirst && author.joinedAt >= EPOCH && d.createdAt - author.joinedAt < 7 * DAY;
    return { ...d, index, id: `p${index}`, newcomer };
  });
  const createdAt = Float64Array.from(posts, (p) => p.createdAt);

  // Engagement, day by day: a visit, a handful of views drawn by exposure, and reactions drawn by taste × quality.
  const rSim = root.fork(7);
  const events: Events = { person: [], post: [], kind: [], at: [] };
  const reactions = new Int32Array(posts.length);
  const reacted = new Set<number>();
  const followMask = new Uint8Array(scale.people);
  const groupMask = new Uint8Array(scale.groups);
  const exposure = new Float64Array(posts.length);
  const exposureCum = new Float64Array(posts.length);
  const lowerBound = (t: number) => {
    let lo = 0, hi = createdAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (createdAt[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const push = (person: number, post: number, kind: number, at: number) => {
    events.person.push(person);
    events.post.push(post);
    events.kind.push(kind);
    events.at.push(at);
  };
  const tasteOf = (p: Person, post: Post) => {
    let s = 0;
    for (const t of post.tags) s += p.taste[t]!;
    return s / post.tags.length;
  };
  // The hot loop reads posts through flat typed arrays.
  const author = Int32Array.from(posts, (p) => p.author);
  const group = Int32Array.from(posts, (p) => p.group);
  const tag0 = Int32Array.from(posts, (p) => p.tags[0]!);
  const tag1 = Int32Array.from(posts, (p) => p.tags[1] ?? -1);
  const tag2 = Int32Array.from(posts, (p) => p.tags[2] ?? -1);
  const tagCount = Int32Array.from(posts, (p) => p.tags.length);
  const e = model.exposure;
  for (let d = 0; d < scale.days; d++) {
    const dayStart = EPOCH + d * DAY;
    const popularity = Float64Array.from(reactions, (r) => Math.log(1 + r));
    for (const p of people) {
      const from = Math.max(dayStart, p.joinedAt);
      if (from >= dayStart + DAY) continue;
      if (rSim.next() >= Math.min(1, model.visitBase + model.visitSlope * p.activity)) continue;
      const t = from + rSim.next() * (dayStart + DAY - from);
      const lo = lowerBound(t - model.exposureDays * DAY);
      const hi = lowerBound(t);
      if (hi <= lo) continue;
      for (const f of p.follows) if (f.at <= t) followMask[f.person] = 1;
      for (const g of p.groups) if (g.at <= t) groupMask[g.group] = 1;
      const taste = p.taste;
      let positive = 0;
      for (let i = lo; i < hi; i++) {
        if (author[i] === p.index) {
          exposure[i - lo] = 0;
          continue;
        }
        const ageDays = (t - createdAt[i]!) / DAY;
        const g = group[i]!;
        const tasteScore = (taste[tag0[i]!]! + (tag1[i]! >= 0 ? taste[tag1[i]!]! : 0) + (tag2[i]! >= 0 ? taste[tag2[i]!]! : 0)) / tagCount[i]!;
        const w =
          (e.base + e.followed * followMask[author[i]!]! + (g >= 0 ? e.group * groupMask[g]! : 0) + e.taste * tasteScore + e.popularity * popularity[i]!) /
          ((1 + ageDays) * (1 + ageDays));
        exposure[i - lo] = w;
        positive += 1;
      }
      for (const f of p.follows) followMask[f.person] = 0;
      for (const g of p.groups) groupMask[g.group] = 0;
      if (positive === 0) continue;
      const n = hi - lo;
      cumulative(exposure.subarray(0, n), exposureCum);
      const k = rSim.poisson(model.viewRate * Math.pow(p.activity, 0.6));
      const seen = drawDistinct(rSim, exposureCum, n, k, positive);
      seen.forEach((offset, j) => {
        const i = lo + offset;
        const post = posts[i]!;
        const at = Math.min(dayStart + DAY - 1, t + j * 30_000);
        push(p.index, i, VIEW, at);
        const followed = p.follows.some((f) => f.person === post.author && f.at <= t);
        const s = tasteOf(p, post) * post.quality * rSim.logNormal(0, model.noiseSigma) * (followed ? model.followedBoost : 1);
        if (rSim.next() < s / (s + model.openHalf)) push(p.index, i, OPEN, at + 1000);
        const key = p.index * posts.length + i;
        if (!reacted.has(key) && rSim.next() < s / (s + model.reactHalf)) {
          reacted.add(key);
          reactions[i]! += 1;
          push(p.index, i, REACTION, at + 2000);
          if (rSim.next() < model.commentGivenReaction) push(p.index, i, COMMENT, at + 3000);
          if (rSim.next() < model.bookmarkGivenReaction) push(p.index, i, BOOKMARK, at + 4000);
        }
      });
    }
  }

  return { scale, topics, people, groups, posts, events, splitAt: EPOCH + scale.splitDay * DAY, testEnd: EPOCH + (scale.splitDay + scale.testDays) * DAY };
}
