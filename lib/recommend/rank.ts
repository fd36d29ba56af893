// The For you ranking, as pure functions over plain data (the database work is in candidates.ts):
//
//   score = affinity × likelihood × freshness × quality × restraint
//
//   affinity   the sum of the reasons the post is for this person (each one an explanation term, below); its topics' terms summed or averaged
//              over its tags (fitted, `interestTagPower`)
//   likelihood how well the post's topics match the person's, as a chance of engaging once shown: (m + 0.1) /
//              (m + 0.1 + h), m the average interest weight over its tags, h fitted (`likelihoodHalf`; 0: left out)
//   freshness  2^(−age / half-life), the half-life fitted: a post that old counts half as much as a new one
//   quality    1 + k · ln(1 + reactions + 2 · comments): engagement helps, with diminishing returns (k fitted)
//   restraint  what the person asked for and what they have already seen: show less of an author ×0.15, of a topic
//              or group ×0.3; already opened, and each earlier view, by fitted factors (ranker-weights.ts `seen`)
//
// Then re-ranking for diversity (at most 2 posts per author and 3 per group in any page of 10, topics spread by MMR
// on tag sets) with every 8th place kept for exploration. Explanations are the affinity terms themselves, largest first, so they cannot drift
// from what actually ranked the post.
import { rankerWeights, type RankerWeights } from './ranker-weights';
import { interestWeight, strongestInferred, type InterestSignal } from './weights';

export const candidateSources = ['following', 'group', 'interest', 'co_engagement', 'taste', 'trending', 'newcomer', 'exploration', 'recent'] as const;
export type CandidateSource = (typeof candidateSources)[number];

export type Candidate = {
  postId: string;
  authorId: string;
  authorName: string;
  authorHandle: string;
  groupId: string | null;
  groupName: string | null;
  groupSlug: string | null;
  tags: string[];
  body: string;
  createdAt: Date;
  sources: CandidateSource[];
  reactions: number;
  comments: number;
  /** Reactions in the last 7 days. */
  weekReactions: number;
  /** Names of people the viewer follows who reacted, most recent first. */
  likedByFollowed: string[];
  /** How many people who reacted to what the viewer reacted to also reacted to this. */
  coEngagers: number;
  /** The author's first post, made soon after they joined. */
  newcomer: boolean;
  /**
   * The learned collaborative signal, 0..1: how strongly the taste model (taste.ts, trained daily on everyone's
   * engagement) expects this person to engage with this post — their taste vector · the post's factors. Absent
   * without a taste vector, or when inferred interests may not be used.
   */
  collaborative?: number;
  /** How many people whose taste is close to the viewer's (taste.ts TASTE_NEIGHBOUR_COSINE) reacted to or commented on it. */
  tasteNeighbours?: number;
};

export type FeedControlSet = {
  lessAuthors: Set<string>;
  lessTags: Set<string>;
  lessGroups: Set<string>;
  notInterested: Set<string>;
  mutedUsers: Set<string>;
  mutedGroups: Set<string>;
  mutedWords: string[];
};

export const emptyControls = (): FeedControlSet => ({
  lessAuthors: new Set(),
  lessTags: new Set(),
  lessGroups: new Set(),
  notInterested: new Set(),
  mutedUsers: new Set(),
  mutedGroups: new Set(),
  mutedWords: [],
});

export type RankContext = {
  now: Date;
  followedAuthors: Set<string>;
  joinedGroups: Set<string>;
  /** The interest profile by tag: explicit choice ("follow" for followed tags) and inferred score. */
  interests: Map<string, InterestSignal>;
  /** False when the person paused history or did not consent: inferred scores count for nothing. */
  useInferred: boolean;
  controls: FeedControlSet;
  seen: Map<string, { views: number; opened: boolean }>;
  /** The person's taste vector (taste.ts), only when inferred interests may be used: the candidate SQL reads it. */
  taste?: { factors: number[]; norm: number } | null;
  /** The fitted numbers (ranker-weights.ts) unless given: the quality bench passes candidates while fitting them. */
  weights?: RankerWeights;
};

export type TermKind = 'author' | 'group' | 'interest' | 'friends' | 'co_engagement' | 'collaborative' | 'trending' | 'newcomer' | 'exploration' | 'recent';

/** One reason a post is in the feed, with its share of the affinity and the control that acts on it. */
export type ScoreTerm = { kind: TermKind; text: string; value: number; control: { href: string; label: string } };

/**
 * One candidate scored: the factors of its score, and its reasons in words (`terms()`), put together on first call —
 * ranking scores every candidate (ten thousand for some people), but only the first few dozen are ever explained.
 * A class, so that a copy made by spreading has no `terms` at all (TypeScript drops methods from a spread) rather
 * than stale ones.
 */
export class Scored {
  #terms: ScoreTerm[] | undefined;
  constructor(
    readonly candidate: Candidate,
    private readonly context: RankContext,
    public score: number,
    readonly affinity: number,
    readonly likelihood: number,
    readonly freshness: number,
    readonly quality: number,
    readonly restraint: number,
    /** Restraint factors that applied, in words ("you asked to see less of #pottery"). */
    readonly restraints: string[],
    /** Whether the exploration reason counts: such posts fill every 8th place of the diversity pass. */
    readonly exploration: boolean,
  ) {}

  /** Every reason the post is for this person, largest first; they add up to `affinity`. */
  terms(): ScoreTerm[] {
    return (this.#terms ??= affinityTerms(this.candidate, this.context));
  }
}

export const FRESHNESS_HALF_LIFE_HOURS = rankerWeights.freshnessHalfLifeHours;
const BASE_AFFINITY = 0.05;

/** The person's own "show less" choices; what they have already seen is restrained by the fitted `seen` factors. */
export const restraintFactors = { lessAuthor: 0.15, lessTag: 0.3, lessGroup: 0.3 } as const;

export function freshness(createdAt: Date, now: Date, halfLifeHours = FRESHNESS_HALF_LIFE_HOURS): number {
  const hours = Math.max(0, now.getTime() - createdAt.getTime()) / 3_600_000;
  return Math.pow(0.5, hours / halfLifeHours);
}

export function quality(reactions: number, comments: number, engagement = rankerWeights.engagement): number {
  return 1 + engagement * Math.log(1 + reactions + 2 * comments);
}

export function ageText(createdAt: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - createdAt.getTime()) / 60_000));
  if (minutes < 60) return minutes <= 1 ? 'just now' : `${minutes} min old`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h old`;
  return `${Math.round(hours / 24)} days old`;
}

/** Regex-escapes text (the same escaping serves JavaScript and PostgreSQL's ~* patterns). */
export function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Muted words match whole words, whatever the case ("cat" mutes "Cat!" but not "category"). */
export function mutedWordMatcher(words: string[]): (text: string) => boolean {
  const cleaned = words.map((w) => w.trim()).filter(Boolean);
  if (cleaned.length === 0) return () => false;
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])(${cleaned.map(escapeRegExp).join('|')})(?=$|[^\\p{L}\\p{N}_])`, 'iu');
  return (text) => pattern.test(text);
}

/** Hard filters: what the person never wants to see (mutes, hidden topics, "not interested"). */
export function isExcluded(candidate: Candidate, context: RankContext, mutedWord = mutedWordMatcher(context.controls.mutedWords)): boolean {
  const c = context.controls;
  if (c.notInterested.has(candidate.postId) || c.mutedUsers.has(candidate.authorId)) return true;
  if (candidate.groupId && c.mutedGroups.has(candidate.groupId)) return true;
  if (candidate.tags.some((t) => context.interests.get(t)?.choice === 'hide')) return true;
  return mutedWord(candidate.body) || candidate.tags.some((t) => mutedWord(t));
}

const strongestCache = new WeakMap<Map<string, InterestSignal>, number>();
function strongestOf(interests: Map<string, InterestSignal>) {
  let max = strongestCache.get(interests);
  if (max === undefined) {
    max = strongestInferred(interests.values());
    strongestCache.set(interests, max);
  }
  return max;
}

function friendsText(names: string[]) {
  if (names.length === 1) return `Liked by ${names[0]}, whom you follow`;
  const others = names.length - 1;
  return `Liked by ${names[0]} and ${others} other${others === 1 ? '' : 's'} you follow`;
}

/** One reason's kind and value, before it is put in words (the interest reasons also name their topic). */
type AffinityPart = { kind: TermKind; value: number; tag?: string };

/** A reason's value when it counts (above 0; a weight fitted to 0 is no reason at all), noted in `parts` if asked. */
function counted(parts: AffinityPart[] | null, kind: TermKind, value: number): number {
  if (!(value > 0)) return 0;
  parts?.push({ kind, value });
  return value;
}

/** What the walk over a candidate's reasons learns besides the affinity (one object reused: ranking is synchronous). */
const walked = { exploration: false, interestSum: 0 };

/**
 * Every reason a post is for this person, with its value: the one place the affinity's numbers are computed, for
 * ranking (parts null: numbers only, no words, no objects — ten thousand candidates are scored per person) and for
 * explaining (affinityTerms puts each part in words). Returns the affinity: the sum of the reasons' values, or
 * BASE_AFFINITY when none counts. Also leaves in `walked` whether the exploration reason counts and the sum of interest
 * weights over the post's tags (the likelihood's m).
 */
function walkAffinity(c: Candidate, context: RankContext, fitted: RankerWeights, parts: AffinityPart[] | null): number {
  // The affinity term weights, from the fitted artifact (ranker-weights.ts). interest: per unit of interest weight
  // (follow 1, more 2, less 0.25, inferred up to 1), topics summed or averaged, capped at 2.5; friend: per person
  // followed who reacted, at most 4; coEngagement: at 3 or more like-minded people; trending: at 10 or more reactions
  // this week. A term the fitted weights set to 0 is no reason at all: it is left out.
  const w = fitted.terms;
  let affinity = 0;
  const followsAuthor = context.followedAuthors.has(c.authorId);
  const inGroup = c.groupId !== null && context.joinedGroups.has(c.groupId);
  if (followsAuthor) affinity += counted(parts, 'author', w.author);
  if (inGroup) affinity += counted(parts, 'group', w.group);
  const strongest = strongestOf(context.interests);
  // A post's topics are summed or averaged (fitted): with averaging, adding tags never raises a post.
  const perTag = c.tags.length > 0 ? Math.pow(c.tags.length, -fitted.interestTagPower) : 1;
  let interestTotal = 0;
  let interestSum = 0;
  const firstInterest = parts?.length ?? 0;
  for (const tag of c.tags) {
    const signal = context.interests.get(tag);
    const weight = interestWeight(signal, context.useInferred, strongest, fitted.damping);
    interestSum += weight;
    if (weight <= 0) continue;
    const value = weight * w.interest * perTag;
    interestTotal += value;
    if (parts && value > 0) parts.push({ kind: 'interest', value, tag });
  }
  // Several topics add up, but no post gets more than 2.5 from its topics: each term is scaled to keep them honest.
  const cap = 2.5;
  if (interestTotal > cap) {
    if (parts) for (let i = firstInterest; i < parts.length; i++) parts[i]!.value *= cap / interestTotal;
    affinity += cap;
  } else affinity += interestTotal;
  if (c.likedByFollowed.length > 0) affinity += counted(parts, 'friends', w.friend * Math.min(4, c.likedByFollowed.length));
  if (c.coEngagers > 0 && c.sources.includes('co_engagement')) affinity += counted(parts, 'co_engagement', w.coEngagement * Math.min(1, c.coEngagers / 3));
  if (c.collaborative && c.collaborative > 0) affinity += counted(parts, 'collaborative', w.collaborative * Math.min(1, c.collaborative));
  if (c.groupId && c.weekReactions > 0 && c.sources.includes('trending')) affinity += counted(parts, 'trending', w.trending * Math.min(1, c.weekReactions / 10));
  if (c.newcomer) affinity += counted(parts, 'newcomer', w.newcomer);
  const explores = c.sources.includes('exploration') && interestTotal === 0 && !followsAuthor && !inGroup && w.exploration > 0;
  if (explores) affinity += counted(parts, 'exploration', w.exploration);
  walked.exploration = explores;
  walked.interestSum = interestSum;
  if (affinity > 0) return affinity;
  parts?.push({ kind: 'recent', value: BASE_AFFINITY });
  return BASE_AFFINITY;
}

/** One reason in words, with the control that acts on it. */
function describe(part: AffinityPart, c: Candidate, context: RankContext): ScoreTerm {
  const { kind, value } = part;
  switch (kind) {
    case 'author':
      return { kind, value, text: `Because you follow ${c.authorName}`, control: { href: `/u/${c.authorHandle}`, label: `Unfollow or mute ${c.authorName}` } };
    case 'group':
      return { kind, value, text: `From ${c.groupName}, a group you’re in`, control: { href: `/g/${c.groupSlug}`, label: `Leave or mute ${c.groupName}` } };
    case 'interest': {
      const tag = part.tag!;
      const choice = context.interests.get(tag)?.choice;
      const text =
        choice === 'more' ? `Because you asked for more #${tag}`
        : choice === 'follow' ? `Because you follow #${tag}`
        : choice === 'less' ? `About #${tag}, which you asked to see less of`
        : `Because you often engage with #${tag}`;
      return { kind, value, text, control: { href: `/settings/feed#interest-${tag}`, label: `Change how much #${tag} you see` } };
    }
    case 'friends':
      return { kind, value, text: friendsText(c.likedByFollowed), control: { href: '/settings/feed#people', label: 'See whom you follow' } };
    case 'co_engagement':
      return { kind, value, text: `Liked by ${c.coEngagers} ${c.coEngagers === 1 ? 'person who' : 'people who'} liked posts you liked`, control: { href: '/settings/feed#history', label: 'Pause or reset what your activity teaches Hearth' } };
    case 'collaborative': {
      const n = c.tasteNeighbours ?? 0;
      const text = n > 0 ? `Liked by people who like what you like: ${n} of them` : 'People who like what you like engage with posts like this';
      return { kind, value, text, control: { href: '/settings/privacy/interests#taste', label: 'See or delete the tastes Hearth learned' } };
    }
    case 'trending':
      return { kind, value, text: `Popular in ${c.groupName} this week`, control: { href: `/g/${c.groupSlug}`, label: `Show less from ${c.groupName}` } };
    case 'newcomer':
      return { kind, value, text: `${c.authorName} is new here: this is their first post`, control: { href: `/u/${c.authorHandle}`, label: `Visit ${c.authorName}’s profile` } };
    case 'exploration':
      return { kind, value, text: 'Something new: exploring outside your usual topics', control: { href: '/settings/feed', label: 'Adjust your feed' } };
    case 'recent':
      return { kind, value, text: 'New on Hearth', control: { href: '/settings/feed', label: 'Choose your interests' } };
  }
}

/** The affinity terms for one candidate: every reason it is for this person, with its value, largest first. */
export function affinityTerms(candidate: Candidate, context: RankContext): ScoreTerm[] {
  const parts: AffinityPart[] = [];
  walkAffinity(candidate, context, context.weights ?? rankerWeights, parts);
  return parts.map((p) => describe(p, candidate, context)).sort((a, b) => b.value - a.value);
}

/**
 * The chance of engaging once shown, relative: (m + 0.1) / (m + 0.1 + h), m the average interest weight (follow 1,
 * more 2, inferred up to 1) over the post's tags, h the fitted `likelihoodHalf`. 1 when h is 0.
 */
function likelihoodOf(interestSum: number, tagCount: number, half: number): number {
  if (half <= 0) return 1;
  const m = (tagCount > 0 ? interestSum / tagCount : 0) + 0.1;
  return m / (m + half);
}

const noRestraints: string[] = [];

/**
 * The whole score of one candidate. Its reasons in words (`terms`) are put together only when read: ranking scores
 * every candidate, but only the first few dozen are ever explained. Both come from walkAffinity, so the words cannot
 * drift from the numbers (rank.test.ts checks that the terms add up to the affinity, on random candidates).
 */
export function scoreCandidate(candidate: Candidate, context: RankContext): Scored {
  const fitted = context.weights ?? rankerWeights;
  const affinity = walkAffinity(candidate, context, fitted, null);
  const exploration = walked.exploration;
  const like = likelihoodOf(walked.interestSum, candidate.tags.length, fitted.likelihoodHalf);
  const fresh = freshness(candidate.createdAt, context.now, fitted.freshnessHalfLifeHours);
  const q = quality(candidate.reactions, candidate.comments, fitted.engagement);
  const c = context.controls;
  let restraint = 1;
  let restraints = noRestraints;
  if (c.lessAuthors.has(candidate.authorId)) {
    restraint *= restraintFactors.lessAuthor;
    restraints = [...restraints, `you asked to see less of ${candidate.authorName}`];
  }
  const lessTag = c.lessTags.size > 0 ? candidate.tags.find((t) => c.lessTags.has(t)) : undefined;
  if (lessTag) {
    restraint *= restraintFactors.lessTag;
    restraints = [...restraints, `you asked to see less of #${lessTag}`];
  }
  if (candidate.groupId && c.lessGroups.has(candidate.groupId)) {
    restraint *= restraintFactors.lessGroup;
    restraints = [...restraints, `you asked to see less from ${candidate.groupName}`];
  }
  // What was seen is held back by the fitted factors; a factor of 1 holds nothing back, and the explanation says so
  // by not naming it.
  const seen = context.seen.get(candidate.postId);
  const seenFactor = !seen ? 1 : seen.opened ? fitted.seen.opened : seen.views > 0 ? Math.max(fitted.seen.opened, Math.pow(fitted.seen.view, seen.views)) : 1;
  if (seen && seenFactor < 1) {
    restraint *= seenFactor;
    restraints = [...restraints, seen.opened ? 'you have opened it before' : seen.views === 1 ? 'you have seen it once' : `you have seen it ${seen.views} times`];
  }
  return new Scored(candidate, context, affinity * like * fresh * q * restraint, affinity, like, fresh, q, restraint, restraints, exploration);
}


export type DiversityOptions = {
  window: number;
  authorCap: number;
  groupCap: number;
  explorationEvery: number;
  /** Places filled by the re-ranking; the rest follows in score order (For you stores 60). */
  placed?: number;
  /** MMR weight on topic overlap; the fitted artifact's `topicDiversity` unless given. */
  topicDiversity?: number;
};
export const defaultDiversity: DiversityOptions = { window: 10, authorCap: 2, groupCap: 3, explorationEvery: 8, placed: 60 };

/** How many fitting posts, best first, each place of the diversity pass weighs against each other (MMR). */
export const MMR_LOOKAHEAD = 100;

/** The largest Jaccard similarity between one tag set and any of the others. */
function largestOverlap(tags: string[], others: string[][]): number {
  if (tags.length === 0) return 0;
  let max = 0;
  for (const o of others) {
    if (o.length === 0) continue;
    let inter = 0;
    for (const t of tags) if (o.includes(t)) inter++;
    const j = inter / (tags.length + o.length - inter);
    if (j > max) max = j;
  }
  return max;
}

/**
 * Greedy re-ranking of a list sorted by score, in time linear in its length: each of the first `placed` places
 * takes the post with the best MMR value — its share of the top score, times 1 − `topicDiversity` × its largest topic
 * overlap with the current page of `window` — among posts that keep that page within the author and group caps.
 * The value never exceeds the share, so the scan stops at the first post whose share cannot beat the best found,
 * and after MMR_LOOKAHEAD posts that fit: at most `placed` × MMR_LOOKAHEAD overlaps, whatever the list's length.
 * Every `explorationEvery`-th place goes to the best exploration post left (a pool made once). Posts that never
 * fit, and everything after `placed`, come at the end in score order, so nothing is lost — only moved down.
 */
export function diversify(sorted: Scored[], options: DiversityOptions = defaultDiversity): Scored[] {
  const n = sorted.length;
  const limit = Math.min(n, options.placed ?? defaultDiversity.placed!);
  const lambda = options.topicDiversity ?? rankerWeights.topicDiversity;
  const taken = new Uint8Array(n);
  const exploration: number[] = [];
  for (let i = 0; i < n; i++) if (sorted[i]!.exploration) exploration.push(i);
  let explorationCursor = 0;
  const top = sorted[0]?.score || 1;
  const out: Scored[] = [];
  let first = 0;
  while (out.length < limit) {
    const windowStart = Math.floor(out.length / options.window) * options.window;
    const page = out.slice(windowStart);
    const pageTags = page.map((w) => w.candidate.tags);
    const fits = (s: Scored) => {
      let authors = 0;
      let groups = 0;
      for (const w of page) {
        if (w.candidate.authorId === s.candidate.authorId) authors++;
        if (s.candidate.groupId && w.candidate.groupId === s.candidate.groupId) groups++;
      }
      return authors < options.authorCap && groups < options.groupCap;
    };
    let pick = -1;
    if ((out.length + 1) % options.explorationEvery === 0) {
      while (explorationCursor < exploration.length && taken[exploration[explorationCursor]!]) explorationCursor++;
      for (let k = explorationCursor; k < exploration.length; k++) {
        const i = exploration[k]!;
        if (!taken[i] && fits(sorted[i]!)) {
          pick = i;
          break;
        }
      }
    }
    if (pick < 0) {
      let best = -Infinity;
      let considered = 0;
      for (let i = first; i < n && considered < MMR_LOOKAHEAD; i++) {
        if (taken[i]) continue;
        const share = sorted[i]!.score / top;
        if (share <= best) break;
        if (!fits(sorted[i]!)) continue;
        considered++;
        // Multiplicative, so relevance always counts: a post loses at most the share λ of its value to overlap, and
        // one with almost no relevance never overtakes a strong match because it shares no topic (the subtractive
        // form, share − λ × overlap, let "New on Hearth" posts at 0.3 % of the top pass a matching post at 31 %).
        const value = lambda > 0 ? share * (1 - lambda * largestOverlap(sorted[i]!.candidate.tags, pageTags)) : share;
        if (value > best) {
          best = value;
          pick = i;
        }
      }
    }
    if (pick < 0) pick = first;
    taken[pick] = 1;
    out.push(sorted[pick]!);
    while (first < n && taken[first]) first++;
  }
  for (let i = first; i < n; i++) if (!taken[i]) out.push(sorted[i]!);
  return out;
}

/** Scores, filters and re-ranks candidates: the whole For you ordering. */
export function rankCandidates(candidates: Candidate[], context: RankContext, options: DiversityOptions = defaultDiversity): Scored[] {
  const mutedWord = mutedWordMatcher(context.controls.mutedWords);
  const scored = candidates.filter((c) => !isExcluded(c, context, mutedWord)).map((c) => scoreCandidate(c, context));
  scored.sort((a, b) => b.score - a.score || b.candidate.createdAt.getTime() - a.candidate.createdAt.getTime() || a.candidate.postId.localeCompare(b.candidate.postId));
  return diversify(scored, { ...options, topicDiversity: options.topicDiversity ?? (context.weights ?? rankerWeights).topicDiversity });
}

export type Explanation = {
  /** The terms that contributed most, in plain words, each with its control. */
  reasons: { text: string; href: string; label: string }[];
  age: string;
  /** The whole calculation, for "Why this post?". */
  breakdown: { label: string; value: string }[];
  /** When the calculation was made (For you is ranked ahead of time, lib/recommend/for-you-list.ts). */
  rankedAt?: Date;
};

/** The reasons that carried at least a quarter of the largest one (at most three), plus the age and the sums. */
export function explain(scored: Scored, now: Date): Explanation {
  const terms = scored.terms();
  const top = terms[0]?.value ?? 0;
  const reasons = terms
    .filter((t, i) => i === 0 || t.value >= top * 0.25)
    .slice(0, 3)
    .map((t) => ({ text: t.text, href: t.control.href, label: t.control.label }));
  const fmt = (n: number) => n.toFixed(2);
  const breakdown = [
    ...terms.map((t) => ({ label: t.text, value: `+${fmt(t.value)}` })),
    ...(scored.likelihood !== 1 ? [{ label: 'How well its topics match yours', value: `×${fmt(scored.likelihood)}` }] : []),
    { label: `Freshness (${ageText(scored.candidate.createdAt, now)})`, value: `×${fmt(scored.freshness)}` },
    { label: `Engagement (${scored.candidate.reactions} reactions, ${scored.candidate.comments} comments)`, value: `×${fmt(scored.quality)}` },
    ...(scored.restraints.length ? [{ label: `Held back: ${scored.restraints.join('; ')}`, value: `×${fmt(scored.restraint)}` }] : []),
    { label: 'Score', value: scored.score.toFixed(3) },
  ];
  return { reasons, age: ageText(scored.candidate.createdAt, now), breakdown };
}
