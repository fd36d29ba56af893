// Candidate generation in memory, mirroring the app's SQL generators source by source: the same sources, the same
// window (posts of the last 14 days before T), at most 200 per source, the viewer's own posts left out, and the
// per-candidate fields (counts, weekReactions, likedByFollowed, coEngagers, newcomer) as of T.
import type { Candidate, CandidateSource, RankContext } from '../../lib/recommend/rank';
import { emptyControls } from '../../lib/recommend/rank';
import { interestWeight } from '../../lib/recommend/weights';
import type { Community } from './community';
import type { TrainState } from './state';

export const SOURCE_LIMIT = 200;

type Base = Omit<Candidate, 'sources' | 'likedByFollowed' | 'coEngagers'>;

export type CandidateBuilder = {
  /** The viewer's candidates, each carrying every source that produced it. */
  candidates(person: number): Candidate[];
  context(person: number): RankContext;
  postIndex: Map<string, number>;
};

export function candidateBuilder(c: Community, s: TrainState): CandidateBuilder {
  const { windowStart: lo, windowEnd: hi } = s;
  const base = new Map<number, Base>();
  const byAuthor = new Map<number, number[]>();
  const byGroup = new Map<number, number[]>();
  const postIndex = new Map<string, number>();
  for (let i = lo; i < hi; i++) {
    const p = c.posts[i]!;
    const author = c.people[p.author]!;
    const group = p.group >= 0 ? c.groups[p.group]! : null;
    base.set(i, {
      postId: p.id,
      authorId: author.id,
      authorName: author.name,
      authorHandle: author.handle,
      groupId: group?.id ?? null,
      groupName: group?.name ?? null,
      groupSlug: group?.slug ?? null,
      tags: p.tags.map((t) => c.topics[t]!),
      body: `A post about ${p.tags.map((t) => `#${c.topics[t]}`).join(' ')}`,
      createdAt: new Date(p.createdAt),
      reactions: s.reactions[i]!,
      comments: s.comments[i]!,
      weekReactions: s.weekReactions[i]!,
      newcomer: p.newcomer,
    });
    postIndex.set(p.id, i);
    (byAuthor.get(p.author) ?? byAuthor.set(p.author, []).get(p.author)!).push(i);
    if (p.group >= 0) (byGroup.get(p.group) ?? byGroup.set(p.group, []).get(p.group)!).push(i);
  }
  const newest = (a: number, b: number) => c.posts[b]!.createdAt - c.posts[a]!.createdAt || b - a;
  const newcomerPosts: number[] = [];
  for (let i = lo; i < hi; i++) if (c.posts[i]!.newcomer) newcomerPosts.push(i);
  newcomerPosts.sort(newest);
  // Reactions to window posts, per person, newest first (for co-engagement and likedByFollowed).
  const windowReactions = s.reactedBy.map((list) => list.filter((r) => r.post >= lo && r.post < hi).reverse());

  function candidates(person: number): Candidate[] {
    const sources = new Map<number, CandidateSource[]>();
    const add = (source: CandidateSource, posts: number[]) => {
      for (const i of posts) {
        const list = sources.get(i);
        if (list) {
          if (!list.includes(source)) list.push(source);
        } else sources.set(i, [source]);
      }
    };
    const notMine = (i: number) => c.posts[i]!.author !== person;
    const profile = s.profile[person]!;

    // People followed: their posts, newest first.
    add('following', s.follows[person]!.flatMap((a) => byAuthor.get(a) ?? []).filter(notMine).sort(newest).slice(0, SOURCE_LIMIT));

    // Groups joined: their posts, newest first.
    const joined = s.groups[person]!;
    const groupPosts = joined.flatMap((g) => byGroup.get(g) ?? []).filter(notMine);
    add('group', [...groupPosts].sort(newest).slice(0, SOURCE_LIMIT));

    // Interests: posts tagged with a topic in the profile (explicit choice or inferred score), by the summed
    // weight of the matching topics, then newest.
    const relevance = new Map<number, number>();
    for (let i = lo; i < hi; i++) {
      if (!notMine(i)) continue;
      let r = 0;
      let hidden = false;
      for (const t of c.posts[i]!.tags) {
        const signal = profile.get(c.topics[t]!);
        if (signal?.choice === 'hide') hidden = true;
        r += interestWeight(signal, true);
      }
      if (r > 0 && !hidden) relevance.set(i, r);
    }
    add('interest', [...relevance.keys()].sort((a, b) => relevance.get(b)! - relevance.get(a)! || newest(a, b)).slice(0, SOURCE_LIMIT));

    // Co-engagement: posts reacted to by people who reacted to the same posts as the viewer; coEngagers = how many.
    const mine = new Set(s.reactedBy[person]!.map((r) => r.post));
    const neighbours = new Set<number>();
    for (const post of mine) for (const v of s.reactorsOf[post]!) if (v !== person) neighbours.add(v);
    const coEngagers = new Map<number, number>();
    for (const v of neighbours) {
      for (const r of windowReactions[v]!) {
        if (mine.has(r.post) || !notMine(r.post)) continue;
        coEngagers.set(r.post, (coEngagers.get(r.post) ?? 0) + 1);
      }
    }
    const coSource = [...coEngagers.keys()].sort((a, b) => coEngagers.get(b)! - coEngagers.get(a)! || newest(a, b)).slice(0, SOURCE_LIMIT);
    add('co_engagement', coSource);
    const coKept = new Set(coSource);

    // Trending in your groups: reactions this week.
    add('trending', groupPosts.filter((i) => s.weekReactions[i]! > 0).sort((a, b) => s.weekReactions[b]! - s.weekReactions[a]! || newest(a, b)).slice(0, SOURCE_LIMIT));

    // Newcomers' first posts.
    add('newcomer', newcomerPosts.filter(notMine).slice(0, SOURCE_LIMIT));

    // Exploration: recent popular posts in topics outside the profile.
    const outside: number[] = [];
    for (let i = lo; i < hi; i++) if (notMine(i) && c.posts[i]!.tags.every((t) => !profile.has(c.topics[t]!))) outside.push(i);
    add('exploration', outside.sort((a, b) => s.reactions[b]! - s.reactions[a]! || newest(a, b)).slice(0, SOURCE_LIMIT));

    // Liked by people the viewer follows, most recent first.
    const liked = new Map<number, { name: string; at: number }[]>();
    for (const f of s.follows[person]!) {
      for (const r of windowReactions[f]!) {
        if (!sources.has(r.post)) continue;
        (liked.get(r.post) ?? liked.set(r.post, []).get(r.post)!).push({ name: c.people[f]!.name, at: r.at });
      }
    }

    const out: Candidate[] = [];
    for (const [i, src] of sources) {
      out.push({
        ...base.get(i)!,
        sources: src,
        likedByFollowed: (liked.get(i) ?? []).sort((a, b) => b.at - a.at).map((x) => x.name),
        coEngagers: coKept.has(i) ? coEngagers.get(i)! : 0,
      });
    }
    return out;
  }

  function context(person: number): RankContext {
    const seen = new Map<string, { views: number; opened: boolean }>();
    for (const [post, v] of s.seen[person]!) seen.set(c.posts[post]!.id, { ...v });
    return {
      now: new Date(s.now),
      followedAuthors: new Set(s.follows[person]!.map((a) => c.people[a]!.id)),
      joinedGroups: new Set(s.groups[person]!.map((g) => c.groups[g]!.id)),
      interests: s.profile[person]!,
      useInferred: true,
      controls: emptyControls(),
      seen,
    };
  }

  return { candidates, context, postIndex };
}
