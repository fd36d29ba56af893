// The benchmark community, generated deterministically from a seed and a scale: the same rows every run (times are
// relative to `now`, the start of the seeding day in UTC). Power-law activity (a few people post, react and scroll a
// lot), Zipf-skewed popularity of people, groups, tags and posts. Pure: yields rows table by table, so 3 million
// activity signals are streamed to the database, never held in memory.
import { builtinRoleDefaults } from '../../lib/groups/permissions';
import { createRng, type Rng } from '../quality/random';

export type ScaleName = 'tiny' | 'small' | 'medium' | 'large';

export type Scale = { people: number; groups: number; posts: number; reactions: number; comments: number; signals: number; days: number };

/** large ≈ issue 8's numbers; medium a tenth of it; small a hundredth; tiny for smoke tests (a second or two). */
export const scales: Record<ScaleName, Scale> = {
  tiny: { people: 60, groups: 4, posts: 400, reactions: 900, comments: 300, signals: 3_000, days: 90 },
  small: { people: 200, groups: 8, posts: 3_000, reactions: 7_000, comments: 3_000, signals: 30_000, days: 120 },
  medium: { people: 2_000, groups: 30, posts: 30_000, reactions: 70_000, comments: 30_000, signals: 300_000, days: 120 },
  large: { people: 20_000, groups: 300, posts: 300_000, reactions: 700_000, comments: 300_000, signals: 3_000_000, days: 120 },
};

export const isScale = (s: string | undefined): s is ScaleName => s === 'tiny' || s === 'small' || s === 'medium' || s === 'large';

export const BENCH_PASSWORD = 'hearth-bench-2026';
export const benchEmail = (i: number) => `bench${i}@bench.hearth`;
export const benchHandle = (i: number) => `bench${i}`;
/** Every tenth person reads the Following feed by choice; the rest For you (the default). */
export const prefersFollowing = (i: number) => i % 10 === 5;

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type Value = string | number | boolean | Date | null | string[] | Record<string, unknown>;
export type TableRows = { table: string; columns: string[]; rows: Iterable<Value[]>; estimate: number };

/** Walker's alias method: O(1) weighted draws, for millions of them. */
export function aliasSampler(weights: ArrayLike<number>, rng: Rng) {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = Array.from({ length: n }, (_, i) => (weights[i]! * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return () => {
    const i = Math.floor(rng.next() * n);
    return rng.next() < prob[i]! ? i : alias[i]!;
  };
}

function uuidFrom(rng: Rng) {
  const h = () => Math.floor(rng.next() * 0x100000000).toString(16).padStart(8, '0');
  const a = h(), b = h(), c = h(), d = h();
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${((parseInt(c[0]!, 16) & 3) | 8).toString(16)}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

const WORDS =
  'kiln glaze wheel clay trail summit ridge shutter aperture dusk lantern sourdough crumb starter yarn stitch loom seedling compost harvest chord melody tempo canvas palette sketch chapter verse ferment brew roast bloom pebble harbor tide lichen moss fern meadow orchard river valley ember hearth quiet morning evening weekend friends neighbours workshop practice patience progress first attempt finally learned tried shared'.split(
    ' ',
  );
const TOPICS =
  'ceramics trail-running night-photography sourdough knitting gardening guitar watercolor poetry homebrewing birdwatching bouldering woodworking astronomy chess cycling baking calligraphy origami foraging sailing jazz film-photography bonsai pottery climbing running hiking cooking coffee tea cats dogs books history linux retro-games board-games synths drawing embroidery quilting beekeeping'.split(
    ' ',
  );

export function tagName(i: number) {
  return i < TOPICS.length ? TOPICS[i]! : `${TOPICS[i % TOPICS.length]}-${Math.floor(i / TOPICS.length) + 1}`;
}

function sentence(rng: Rng, words: number) {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[rng.int(WORDS.length)]!);
  const s = out.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

/**
 * The community: people, groups and their structure in memory (small), and the big tables as row generators.
 * `passwordHash` is one argon2id hash shared by everyone (hashing 20 000 passwords would take minutes).
 */
export function generateCommunity(scaleName: ScaleName, options: { seed?: number; now: Date; passwordHash: string }) {
  const scale = scales[scaleName];
  const seed = options.seed ?? 8;
  const root = createRng(seed);
  const now = options.now.getTime();
  const P = scale.people;
  const G = scale.groups;
  const T = Math.max(12, Math.min(400, Math.round(G * 1.3) + 10));
  const start = now - scale.days * DAY;

  // People: each person's activity and popularity are drawn from heavy-tailed (Pareto) laws by a generator of their
  // own, so person i is the same person at every scale (the scale bench compares like with like), and the busiest
  // and most followed stand out as in any community (rank-frequency comes out Zipf-like).
  const idRng = root.fork(1);
  const userIds = Array.from({ length: P }, () => uuidFrom(idRng));
  const traits = Array.from({ length: P }, (_, i) => createRng((seed * 1_000_003 + i * 7_919 + 17) >>> 0));
  const activity = Float64Array.from(traits, (r) => Math.min(60, r.pareto(1.3)));
  const popularity = Float64Array.from(traits, (r) => Math.min(200, r.pareto(1.1)));
  const joinedAt = Array.from({ length: P }, (_, i) => start - (30 + ((i * 7919) % 400)) * DAY);

  const groupRng = root.fork(3);
  const groupIds = Array.from({ length: G }, () => uuidFrom(groupRng));
  const groupTopic = Array.from({ length: G }, (_, g) => g % T);
  const groupVisibility = Array.from({ length: G }, (_, g) => (g % 10 === 9 ? 'request' : 'public'));
  const roleIds = Array.from({ length: G }, () => ({ owner: uuidFrom(groupRng), admin: uuidFrom(groupRng), moderator: uuidFrom(groupRng), member: uuidFrom(groupRng) }));
  const channelIds = Array.from({ length: G }, () => ({ general: uuidFrom(groupRng), announcements: uuidFrom(groupRng) }));

  // Memberships: 1 + Pareto-distributed count of groups, drawn by Zipf group popularity; each group's owner is a member.
  const memberRng = root.fork(4);
  const groupWeights = Float64Array.from({ length: G }, (_, g) => Math.min(30, createRng((seed * 31 + g * 104_729 + 5) >>> 0).pareto(1.2)));
  const membersOf: number[][] = Array.from({ length: G }, () => []);
  const groupsOf: number[][] = Array.from({ length: P }, () => []);
  const ownerOf = Array.from({ length: G }, (_, g) => (g * 37) % P);
  for (let g = 0; g < G; g++) {
    membersOf[g]!.push(ownerOf[g]!);
    groupsOf[ownerOf[g]!]!.push(g);
  }
  for (let p = 0; p < P; p++) {
    const k = Math.min(G, Math.min(12, Math.floor(traits[p]!.pareto(1.6))) + (traits[p]!.next() < 0.9 ? 1 : 0));
    for (const g of memberRng.sampleWithout(groupWeights, k)) {
      if (groupsOf[p]!.includes(g)) continue;
      groupsOf[p]!.push(g);
      membersOf[g]!.push(p);
    }
  }

  // Follows: a Pareto-distributed count per person, followees drawn by popularity.
  const followRng = root.fork(5);
  const pickPopular = aliasSampler(popularity, followRng);
  const follows: [number, number][] = [];
  for (let p = 0; p < P; p++) {
    const want = Math.min(P - 1, 300, Math.round(2 * traits[p]!.pareto(1.4)));
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < want && tries < want * 5; tries++) {
      const q = pickPopular();
      if (q !== p) chosen.add(q);
    }
    for (const q of chosen) follows.push([p, q]);
  }

  // Tags a person follows (their onboarding choices), Zipf over the vocabulary.
  const tagRng = root.fork(6);
  const tagWeights = Float64Array.from({ length: T }, (_, t) => Math.min(40, createRng((seed * 131 + t * 15_485_863 + 3) >>> 0).pareto(1.1)));
  const tagFollows: [number, number][] = [];
  for (let p = 0; p < P; p++) for (const t of tagRng.sampleWithout(tagWeights, 1 + tagRng.int(3))) tagFollows.push([p, t]);

  // Posts: author by activity; 75 % in one of the author's groups; times uniform over the span; each post's
  // popularity = its author's popularity^0.5 × a heavy-tailed quality.
  const postRng = root.fork(7);
  const N = scale.posts;
  const pickActive = aliasSampler(activity, postRng);
  const postAuthor = new Int32Array(N);
  const postGroup = new Int32Array(N);
  const postAt = new Float64Array(N);
  const postPop = new Float64Array(N);
  const postIds: string[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const a = pickActive();
    postAuthor[i] = a;
    const mine = groupsOf[a]!;
    postGroup[i] = mine.length && postRng.next() < 0.75 ? mine[postRng.int(mine.length)]! : -1;
    postAt[i] = start + postRng.next() * (now - start - HOUR);
    postPop[i] = Math.sqrt(popularity[a]!) * postRng.pareto(1.3);
    postIds[i] = uuidFrom(postRng);
  }

  const personRow = function* (): Generator<Value[]> {
    for (let i = 0; i < P; i++) yield [userIds[i]!, `Bench Person ${i}`, benchEmail(i), benchHandle(i), options.passwordHash, new Date(joinedAt[i]!)];
  };

  function* postRows(): Generator<Value[]> {
    const bodyRng = root.fork(8);
    for (let i = 0; i < N; i++) {
      const g = postGroup[i]!;
      const body = `${sentence(bodyRng, 8 + bodyRng.int(10))} ${sentence(bodyRng, 6 + bodyRng.int(14))}`;
      yield [postIds[i]!, userIds[postAuthor[i]!]!, g >= 0 ? groupIds[g]! : null, g >= 0 ? channelIds[g]!.general : null, body, `<p>${body}</p>`, new Date(postAt[i]!)];
    }
  }

  function* postTagRows(): Generator<Value[]> {
    const r = root.fork(9);
    const pick = aliasSampler(tagWeights, r);
    for (let i = 0; i < N; i++) {
      const g = postGroup[i]!;
      const tags = new Set<number>();
      if (g >= 0) tags.add(groupTopic[g]!);
      const extra = (g >= 0 ? 0 : 1) + r.int(3);
      for (let k = 0; k < extra; k++) tags.add(pick());
      for (const t of tags) yield [postIds[i]!, tagName(t)];
    }
  }

  /** Engagement after a post was made: an exponential delay (mean 20 hours), never after now. */
  const after = (r: Rng, post: number) => new Date(Math.min(now - 60_000, postAt[post]! + -Math.log(1 - r.next()) * 20 * HOUR));

  function* reactionRows(): Generator<Value[]> {
    const r = root.fork(10);
    const pickPost = aliasSampler(postPop, r);
    const pickUser = aliasSampler(activity, r);
    const emoji = ['❤️', '👍', '🎉', '😂', '🤔', '🙏'];
    const seen = new Set<number>();
    for (let k = 0, tries = 0; k < scale.reactions && tries < scale.reactions * 3; tries++) {
      const post = pickPost();
      const user = pickUser();
      const e = r.next() < 0.6 ? 0 : r.int(6);
      const key = (post * P + user) * 6 + e;
      if (seen.has(key)) continue;
      seen.add(key);
      k++;
      yield [postIds[post]!, userIds[user]!, emoji[e]!, after(r, post)];
    }
  }

  function* commentRows(): Generator<Value[]> {
    const r = root.fork(11);
    const pickPost = aliasSampler(postPop, r);
    const pickUser = aliasSampler(activity, r);
    for (let k = 0; k < scale.comments; k++) {
      const post = pickPost();
      yield [uuidFrom(r), postIds[post]!, userIds[pickUser()]!, sentence(r, 4 + r.int(12)), after(r, post)];
    }
  }

  function* signalRows(): Generator<Value[]> {
    const r = root.fork(12);
    // Scrolling favours recent and popular posts: popularity × a recency boost.
    const weights = Float64Array.from(postPop, (p, i) => p * (1 + 4 * Math.exp(-(now - postAt[i]!) / (14 * DAY))));
    const pickPost = aliasSampler(weights, r);
    const pickUser = aliasSampler(activity, r);
    for (let k = 0; k < scale.signals; k++) {
      const post = pickPost();
      yield [uuidFrom(r), userIds[pickUser()]!, postIds[post]!, r.next() < 0.85 ? 'view' : 'open', after(r, post)];
    }
  }

  const tables: TableRows[] = [
    { table: 'users', columns: ['id', 'name', 'email', 'handle', 'password_hash', 'created_at'], rows: { [Symbol.iterator]: personRow }, estimate: P },
    { table: 'profiles', columns: ['user_id', 'bio', 'visibility', 'suggest_me'], rows: userIds.map((id, i) => [id, `Bench person number ${i}.`, i % 4 === 3 ? 'everyone' : 'members', true]), estimate: P },
    // Consent is off until a person says yes: the bench community has said yes to what the app asks at onboarding.
    {
      table: 'consents',
      columns: ['user_id', 'kind', 'granted'],
      rows: userIds.flatMap((id) => ['personalize_activity', 'inferred_interests', 'suggest_me', 'public_celebrations'].map((kind) => [id, kind, true])),
      estimate: P * 4,
    },
    {
      table: 'groups',
      columns: ['id', 'slug', 'name', 'description', 'topic', 'visibility', 'created_at'],
      rows: groupIds.map((id, g) => [id, `bench-${g}`, `Bench group ${g}`, `A benchmark group about ${tagName(groupTopic[g]!)}.`, tagName(groupTopic[g]!), groupVisibility[g]!, new Date(start - 500 * DAY)]),
      estimate: G,
    },
    {
      table: 'group_roles',
      columns: ['id', 'group_id', 'name', 'color', 'position', 'permissions', 'builtin'],
      rows: groupIds.flatMap((gid, g) =>
        (Object.keys(builtinRoleDefaults) as (keyof typeof builtinRoleDefaults)[]).map((b) => [
          roleIds[g]![b],
          gid,
          builtinRoleDefaults[b].name,
          builtinRoleDefaults[b].color,
          builtinRoleDefaults[b].position,
          [...builtinRoleDefaults[b].permissions],
          b,
        ]),
      ),
      estimate: G * 4,
    },
    {
      table: 'channels',
      columns: ['id', 'group_id', 'name', 'description', 'position', 'post_role_ids'],
      rows: groupIds.flatMap((gid, g) => [
        [channelIds[g]!.general, gid, 'general', `Everything about ${tagName(groupTopic[g]!)}.`, 0, []],
        [channelIds[g]!.announcements, gid, 'announcements', 'News from the people who run the group.', 1, [roleIds[g]!.admin, roleIds[g]!.moderator]],
      ]),
      estimate: G * 2,
    },
    {
      table: 'group_members',
      columns: ['group_id', 'user_id', 'joined_at', 'welcomed_at'],
      rows: membersOf.flatMap((members, g) =>
        members.map((p, k) => {
          // Owners joined first; a few members joined in the last fortnight (For you's "new members" source).
          const at = new Date(k === 0 ? start - 400 * DAY : (p + g) % 25 === 0 ? now - ((p % 13) + 1) * DAY : joinedAt[p]!);
          return [groupIds[g]!, userIds[p]!, at, at];
        }),
      ),
      estimate: P * 2,
    },
    { table: 'group_member_roles', columns: ['group_id', 'user_id', 'role_id'], rows: groupIds.map((gid, g) => [gid, userIds[ownerOf[g]!]!, roleIds[g]!.owner]), estimate: G },
    { table: 'follows', columns: ['follower_id', 'followee_id', 'created_at'], rows: follows.map(([a, b]) => [userIds[a]!, userIds[b]!, new Date(joinedAt[a]! + DAY)]), estimate: follows.length },
    { table: 'interests', columns: ['id', 'slug', 'label'], rows: Array.from({ length: T }, (_, t) => [`bench-interest-${t}`, tagName(t), tagName(t).replace(/-/g, ' ')]), estimate: T },
    { table: 'tag_follows', columns: ['user_id', 'tag', 'created_at'], rows: tagFollows.map(([p, t]) => [userIds[p]!, tagName(t), new Date(joinedAt[p]!)]), estimate: tagFollows.length },
    {
      table: 'feed_preferences',
      columns: ['user_id', 'mode', 'onboarded_at'],
      rows: userIds.map((id, i) => [id, prefersFollowing(i) ? 'following' : 'foryou', new Date(joinedAt[i]!)]),
      estimate: P,
    },
    { table: 'posts', columns: ['id', 'author_id', 'group_id', 'channel_id', 'body', 'body_html', 'created_at'], rows: { [Symbol.iterator]: postRows }, estimate: N },
    { table: 'post_tags', columns: ['post_id', 'tag'], rows: { [Symbol.iterator]: postTagRows }, estimate: N * 2 },
    { table: 'reactions', columns: ['post_id', 'user_id', 'emoji', 'created_at'], rows: { [Symbol.iterator]: reactionRows }, estimate: scale.reactions },
    { table: 'comments', columns: ['id', 'post_id', 'author_id', 'body', 'created_at'], rows: { [Symbol.iterator]: commentRows }, estimate: scale.comments },
    { table: 'activity_signals', columns: ['id', 'user_id', 'post_id', 'kind', 'created_at'], rows: { [Symbol.iterator]: signalRows }, estimate: scale.signals },
  ];
  return { scale, userIds, groupIds, tables, now: options.now, groupSlugs: groupIds.map((_, g) => `bench-${g}`), membersOf };
}
