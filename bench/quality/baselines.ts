// The baselines the bench compares Hearth with. Each returns window posts (indexes), best first.
import { DAY, type Community } from './community';
import { createRng } from './random';
import type { TrainState } from './state';

export type Ranker = (person: number) => number[];

function windowPosts(s: TrainState): number[] {
  return Array.from({ length: s.windowEnd - s.windowStart }, (_, k) => s.windowStart + k);
}

const byNewest = (c: Community) => (a: number, b: number) => c.posts[b]!.createdAt - c.posts[a]!.createdAt || b - a;

/** Most popular: reactions + comments received in the last `testDays` before T, over the window; ties newest first. */
export function mostPopular(c: Community, s: TrainState): Ranker {
  const newest = byNewest(c);
  const order = windowPosts(s).sort((a, b) => s.recentEngagement[b]! - s.recentEngagement[a]! || newest(a, b));
  return () => order;
}

/** Reverse-chronological from what the person follows: posts by people followed and in groups joined. */
export function reverseChronological(c: Community, s: TrainState): Ranker {
  const newest = byNewest(c);
  return (person) => {
    const follows = new Set(s.follows[person]);
    const groups = new Set(s.groups[person]);
    return windowPosts(s)
      .filter((i) => follows.has(c.posts[i]!.author) || groups.has(c.posts[i]!.group))
      .sort(newest);
  };
}

/**
 * Item-kNN: item-item cosine over train reactions (|U_i ∩ U_j| / √(|U_i||U_j|)); a window post's score is the sum
 * of its similarities to everything the person reacted to before T. Posts it cannot score come after, in
 * most-popular order, so a person with little history still gets a full list.
 */
export function itemKnn(c: Community, s: TrainState, options: { recentOnly?: boolean } = {}): Ranker {
  const popular = mostPopular(c, s)(0);
  const windowReactions = s.reactedBy.map((list) => list.filter((r) => r.post >= s.windowStart && r.post < s.windowEnd).map((r) => r.post));
  const score = new Float64Array(c.posts.length);
  const recentFrom = c.splitAt - c.scale.testDays * DAY;
  return (person) => {
    const touched: number[] = [];
    for (const { post: i } of s.reactedBy[person]!) {
      const ui = s.reactorsOf[i]!;
      for (const v of ui) {
        if (v === person) continue;
        for (const j of windowReactions[v]!) {
          if (j === i) continue;
          if (score[j] === 0) touched.push(j);
          score[j]! += 1 / Math.sqrt(ui.length * s.reactorsOf[j]!.length);
        }
      }
    }
    // The recent variant (not in the summary line) keeps the kNN order but only for posts of the last `testDays`
    // before T, the same horizon as most-popular: plain item-kNN has no notion of time.
    const scored = touched.filter((j) => !options.recentOnly || c.posts[j]!.createdAt >= recentFrom).sort((a, b) => score[b]! - score[a]! || b - a);
    const inList = new Set(scored);
    const result = [...scored, ...popular.filter((j) => !inList.has(j))];
    for (const j of touched) score[j] = 0;
    return result;
  };
}

/** Random order over the window, seeded per person. */
export function randomOrder(c: Community, s: TrainState): Ranker {
  return (person) => {
    const rng = createRng(c.scale.seed * 7919 + person);
    const list = windowPosts(s);
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
}
