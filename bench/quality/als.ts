// The bench's implicit-ALS peer on the synthetic community: every signal before T with a post of the last
// `horizonDays` is an interaction (the signal weights Hearth's profile uses: view 0.5, open 1.5, reaction 3, bookmark 3,
// comment 4). The maths is production's own (lib/recommend/als.ts, which the daily taste model trains with), so the
// bench measures the implementation Hearth runs.
import { dot, trainAls, type AlsOptions as AlsMaths, type Interaction } from '../../lib/recommend/als';
import { signalWeights } from '../../lib/recommend/weights';
import { DAY, eventKinds, type Community } from './community';

export type AlsOptions = AlsMaths & { /** Posts of the last this many days are items. */ horizonDays: number };
export type AlsModel = { score(person: number, post: number): number; items: number };

export function als(c: Community, T: number, options: AlsOptions): AlsModel {
  const k = options.factors;
  const from = T - options.horizonDays * DAY;
  const itemOf = new Int32Array(c.posts.length).fill(-1);
  let items = 0;
  for (const p of c.posts) if (p.createdAt >= from && p.createdAt < T) itemOf[p.index] = items++;
  const interactions: Interaction[] = [];
  const ev = c.events;
  for (let e = 0; e < ev.kind.length; e++) {
    if (ev.at[e]! >= T) continue;
    const item = itemOf[ev.post[e]!]!;
    if (item < 0) continue;
    interactions.push({ user: ev.person[e]!, item, value: signalWeights[eventKinds[ev.kind[e]!]!] });
  }
  const f = trainAls(c.people.length, items, interactions, options, c.scale.seed * 31 + options.factors);
  return {
    items,
    score(person, post) {
      const item = itemOf[post]!;
      return item < 0 ? 0 : dot(f.X, person * k, f.Y, item * k, k);
    },
  };
}
