import { describe, expect, it } from 'vitest';
import { affinityTerms, ageText, diversify, emptyControls, explain, FRESHNESS_HALF_LIFE_HOURS, freshness, mutedWordMatcher, quality, rankCandidates, scoreCandidate, type Candidate, type RankContext } from './rank';
import { rankerWeights } from './ranker-weights';
import { contribution, decayed, inferredFrom, interestWeight } from './weights';

const now = new Date('2026-06-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

let n = 0;
function candidate(over: Partial<Candidate> = {}): Candidate {
  n += 1;
  return {
    postId: `p${n}`,
    authorId: `a${n}`,
    authorName: `Author ${n}`,
    authorHandle: `author${n}`,
    groupId: null,
    groupName: null,
    groupSlug: null,
    tags: [],
    body: 'hello',
    createdAt: hoursAgo(1),
    sources: ['recent'],
    reactions: 0,
    comments: 0,
    weekReactions: 0,
    likedByFollowed: [],
    coEngagers: 0,
    newcomer: false,
    ...over,
  };
}

function context(over: Partial<RankContext> = {}): RankContext {
  return { now, followedAuthors: new Set(), joinedGroups: new Set(), interests: new Map(), useInferred: true, controls: emptyControls(), seen: new Map(), ...over };
}

describe('decay', () => {
  it('halves inferred interest every 30 days and sums signals', () => {
    expect(decayed(8, new Date(now.getTime() - 30 * 86_400_000), now)).toBeCloseTo(4);
    expect(decayed(8, now, now)).toBe(8);
    expect(contribution('reaction', new Date(now.getTime() - 60 * 86_400_000), now)).toBeCloseTo(0.75);
    expect(inferredFrom([{ kind: 'reaction', at: now }, { kind: 'view', at: now }], now)).toBeCloseTo(3.5);
  });

  it('maps the discrete choices to weights, and "less" is not undone by inference', () => {
    expect(interestWeight({ choice: 'more', inferred: 0 }, true)).toBe(2);
    // Inferred strength is relative to the strongest topic, damped by the fitted damping d: alone, 6 points give 6 / (6 + d).
    const d = rankerWeights.damping;
    expect(interestWeight({ choice: 'follow', inferred: 6 }, true)).toBeCloseTo(1 + 6 / (6 + d));
    expect(interestWeight({ choice: 'follow', inferred: 6 }, true, 60)).toBeCloseTo(1 + 6 / (60 + d));
    expect(interestWeight({ choice: 'follow', inferred: 6 }, true, 60, 3)).toBeCloseTo(1 + 6 / 63);
    expect(interestWeight({ choice: 'follow', inferred: 6 }, false)).toBe(1);
    expect(interestWeight({ choice: 'less', inferred: 100 }, true)).toBe(0.25);
    expect(interestWeight({ choice: 'hide', inferred: 100 }, true)).toBe(0);
    expect(interestWeight({ choice: null, inferred: 6 }, true)).toBeCloseTo(6 / (6 + d));
  });

  it('freshness halves every fitted half-life; quality grows with diminishing returns', () => {
    expect(freshness(now, now)).toBe(1);
    expect(freshness(hoursAgo(FRESHNESS_HALF_LIFE_HOURS), now)).toBeCloseTo(0.5);
    expect(freshness(hoursAgo(36), now, 36)).toBeCloseTo(0.5);
    expect(quality(0, 0)).toBe(1);
    expect(quality(10, 0) - quality(0, 0)).toBeGreaterThan(quality(20, 0) - quality(10, 0));
    expect(ageText(hoursAgo(2), now)).toBe('2 h old');
    expect(ageText(hoursAgo(72), now)).toBe('3 days old');
  });
});

describe('scoring', () => {
  it('ranks a followed topic above an unrelated post of the same age, and says why', () => {
    const ceramics = candidate({ tags: ['ceramics'], sources: ['interest'] });
    const other = candidate({ tags: ['chess'] });
    const ranked = rankCandidates([other, ceramics], context({ interests: new Map([['ceramics', { choice: 'follow', inferred: 0 }]]) }));
    expect(ranked[0]!.candidate.postId).toBe(ceramics.postId);
    expect(explain(ranked[0]!, now).reasons[0]!.text).toBe('Because you follow #ceramics');
  });

  it('the explanation follows the weights: change the weight and the top reason changes', () => {
    const post = candidate({ tags: ['ceramics'], authorId: 'ana', authorName: 'Ana', groupId: 'g', groupName: 'Potters', groupSlug: 'potters' });
    // Every term weighted 1 (not the shipped numbers, which a fit changes).
    const weights = { ...rankerWeights, terms: Object.fromEntries(Object.keys(rankerWeights.terms).map((k) => [k, 1])) as typeof rankerWeights.terms };
    const base = { followedAuthors: new Set(['ana']), joinedGroups: new Set(['g']), weights };
    const followed = scoreCandidate(post, context({ ...base, interests: new Map([['ceramics', { choice: 'follow', inferred: 0 }]]) }));
    expect(explain(followed, now).reasons[0]!.text).toBe('Because you follow Ana');
    const more = scoreCandidate(post, context({ ...base, interests: new Map([['ceramics', { choice: 'more', inferred: 0 }]]) }));
    expect(explain(more, now).reasons[0]!.text).toBe('Because you asked for more #ceramics');
    expect(more.score).toBeGreaterThan(followed.score);
    // The numbers in "Why this post?" are the terms that were summed.
    expect(explain(more, now).breakdown[0]).toEqual({ label: 'Because you asked for more #ceramics', value: '+2.00' });
    expect(more.affinity).toBeCloseTo(2 + 1 + 1);
    // With the author weighted 3, following Ana is the top reason again.
    const heavier = scoreCandidate(post, context({ ...base, weights: { ...weights, terms: { ...weights.terms, author: 3 } }, interests: new Map([['ceramics', { choice: 'more', inferred: 0 }]]) }));
    expect(explain(heavier, now).reasons[0]!.text).toBe('Because you follow Ana');
  });

  it('names friends who liked a post, and how many others', () => {
    // At a friend weight of 0.25 (the fitted version may set it to 0, and then the term is no reason at all).
    const weights = { ...rankerWeights, terms: { ...rankerWeights.terms, friend: 0.25 } };
    const terms = affinityTerms(candidate({ likedByFollowed: ['Ana', 'Ben', 'Cy'] }), context({ weights }));
    expect(terms[0]!.text).toBe('Liked by Ana and 2 others you follow');
    expect(terms[0]!.value).toBeCloseTo(0.75);
    expect(affinityTerms(candidate({ likedByFollowed: ['Ana'] }), context({ weights: { ...weights, terms: { ...weights.terms, friend: 0 } } })).some((t) => t.kind === 'friends')).toBe(false);
  });

  it('uses inferred interests only when allowed', () => {
    const post = candidate({ tags: ['knitting'] });
    const interests = new Map([['knitting', { choice: null, inferred: 12 }]]);
    expect(affinityTerms(post, context({ interests }))[0]!.text).toBe('Because you often engage with #knitting');
    expect(affinityTerms(post, context({ interests, useInferred: false }))[0]!.kind).toBe('recent');
  });

  it('"show less" of an author, topic or group holds the post back, and says so', () => {
    const post = candidate({ authorId: 'ana', tags: ['ceramics'] });
    const plain = scoreCandidate(post, context());
    const controls = emptyControls();
    controls.lessAuthors.add('ana');
    const less = scoreCandidate(post, context({ controls }));
    expect(less.score).toBeCloseTo(plain.score * 0.15);
    expect(explain(less, now).breakdown.some((b) => b.label.includes('you asked to see less of'))).toBe(true);
  });

  it('suppresses what was already seen or opened, by the fitted factors', () => {
    const post = candidate();
    const plain = scoreCandidate(post, context()).score;
    const { view, opened } = rankerWeights.seen;
    const seenOnce = new Map([[post.postId, { views: 1, opened: false }]]);
    expect(scoreCandidate(post, context({ seen: seenOnce })).score).toBeCloseTo(plain * view);
    expect(scoreCandidate(post, context({ seen: new Map([[post.postId, { views: 3, opened: false }]]) })).score).toBeCloseTo(plain * Math.max(opened, view ** 3));
    expect(scoreCandidate(post, context({ seen: new Map([[post.postId, { views: 1, opened: true }]]) })).score).toBeCloseTo(plain * opened);
    // Other numbers (a fit's) take effect, and the explanation still names the restraint.
    const other = { ...rankerWeights, seen: { view: 0.9, opened: 0.5 } };
    const restrained = scoreCandidate(post, context({ seen: seenOnce, weights: other }));
    expect(restrained.score).toBeCloseTo(scoreCandidate(post, context({ weights: other })).score * 0.9);
    expect(restrained.restraints).toEqual(['you have seen it once']);
    // A factor of 1 holds nothing back, and the explanation does not claim it did.
    const none = scoreCandidate(post, context({ seen: seenOnce, weights: { ...rankerWeights, seen: { view: 1, opened: 1 } } }));
    expect(none.restraint).toBe(1);
    expect(none.restraints).toEqual([]);
    // Every shipped factor restrains: a seen post never gains from having been seen.
    expect(view).toBeLessThanOrEqual(1);
    expect(opened).toBeLessThanOrEqual(1);
  });

  it("a post's topics are summed or averaged by the fitted tag power: averaged, adding tags never raises a post", () => {
    const interests = new Map([['ceramics', { choice: 'follow' as const, inferred: 0 }]]);
    const one = candidate({ tags: ['ceramics'] });
    const stuffed = candidate({ tags: ['ceramics', 'kilns', 'glaze'] });
    const both = candidate({ tags: ['ceramics', 'kilns'] });
    const at = (power: number) => context({ interests, weights: { ...rankerWeights, interestTagPower: power, likelihoodHalf: 0 } });
    const interestOf = (c: Candidate, power: number) => scoreCandidate(c, at(power)).terms().find((t) => t.kind === 'interest')!.value;
    expect(interestOf(stuffed, 0)).toBeCloseTo(interestOf(one, 0), 12);
    expect(interestOf(stuffed, 1)).toBeCloseTo(interestOf(one, 1) / 3, 12);
    expect(interestOf(both, 0.5)).toBeCloseTo(interestOf(one, 0.5) / Math.SQRT2, 12);
    expect(scoreCandidate(stuffed, at(1)).score).toBeLessThan(scoreCandidate(one, at(1)).score);
    // The explanation shows the averaged value: the terms are what the score sums.
    const scored = scoreCandidate(stuffed, at(1));
    expect(scored.affinity).toBeCloseTo(scored.terms().reduce((sum, t) => sum + t.value, 0), 12);
  });

  it('the likelihood factor grows with how well the topics match, is shown in the calculation, and is 1 (and unshown) at 0', () => {
    const interests = new Map([['ceramics', { choice: 'more' as const, inferred: 0 }], ['kilns', { choice: 'follow' as const, inferred: 0 }]]);
    const strong = candidate({ tags: ['ceramics'] });
    const weak = candidate({ tags: ['kilns', 'opera'] });
    const none = candidate({ tags: ['opera'] });
    const w = { ...rankerWeights, likelihoodHalf: 1 };
    const like = (c: Candidate) => scoreCandidate(c, context({ interests, weights: w })).likelihood;
    expect(like(strong)).toBeCloseTo(2.1 / 3.1, 12);
    expect(like(weak)).toBeCloseTo(0.6 / 1.6, 12);
    expect(like(none)).toBeCloseTo(0.1 / 1.1, 12);
    const scored = scoreCandidate(weak, context({ interests, weights: w }));
    expect(scored.score).toBeCloseTo(scored.affinity * scored.likelihood * scored.freshness * scored.quality * scored.restraint, 12);
    expect(explain(scoreCandidate(strong, context({ interests, weights: w })), now).breakdown).toContainEqual({ label: 'How well its topics match yours', value: '×0.68' });
    const off = scoreCandidate(weak, context({ interests, weights: { ...w, likelihoodHalf: 0 } }));
    expect(off.likelihood).toBe(1);
    expect(explain(off, now).breakdown.map((b) => b.label)).not.toContain('How well its topics match yours');
  });

  it('lifts engaged-with posts by the fitted engagement number, and not at all at 0', () => {
    const quiet = candidate();
    const liked = candidate({ reactions: 12, comments: 3 });
    const k = rankerWeights.engagement;
    expect(scoreCandidate(liked, context()).quality).toBeCloseTo(1 + k * Math.log(1 + 12 + 6));
    expect(scoreCandidate(liked, context({ weights: { ...rankerWeights, engagement: 1 } })).quality).toBeCloseTo(1 + Math.log(19));
    expect(scoreCandidate(liked, context({ weights: { ...rankerWeights, engagement: 0 } })).score).toBeCloseTo(scoreCandidate(quiet, context({ weights: { ...rankerWeights, engagement: 0 } })).score, 12);
  });

  it('drops muted people, groups, words, hidden topics and "not interested" posts', () => {
    const controls = emptyControls();
    const muted = candidate({ authorId: 'troll' });
    const group = candidate({ groupId: 'noisy' });
    const word = candidate({ body: 'Big SPOILERS ahead!' });
    const partial = candidate({ body: 'spoilersport is fine' });
    const hidden = candidate({ tags: ['politics'] });
    const nope = candidate();
    controls.mutedUsers.add('troll');
    controls.mutedGroups.add('noisy');
    controls.mutedWords.push('spoilers');
    controls.notInterested.add(nope.postId);
    const ranked = rankCandidates([muted, group, word, partial, hidden, nope], context({ controls, interests: new Map([['politics', { choice: 'hide', inferred: 0 }]]) }));
    expect(ranked.map((s) => s.candidate.postId)).toEqual([partial.postId]);
    expect(mutedWordMatcher(['c++'])('I love C++ a lot')).toBe(true);
  });
});

describe('diversity', () => {
  it('caps each author at 2 and each group at 3 per window of 10, moving the rest down', () => {
    const many = Array.from({ length: 6 }, (_, i) => candidate({ authorId: 'prolific', groupId: 'g1', createdAt: hoursAgo(i) }));
    const others = Array.from({ length: 10 }, (_, i) => candidate({ createdAt: hoursAgo(10 + i) }));
    const ranked = rankCandidates([...many, ...others], context({ followedAuthors: new Set(['prolific']) }));
    const firstTen = ranked.slice(0, 10);
    expect(firstTen.filter((s) => s.candidate.authorId === 'prolific')).toHaveLength(2);
    expect(ranked).toHaveLength(16);
    const grouped = Array.from({ length: 6 }, (_, i) => candidate({ groupId: 'g2', createdAt: hoursAgo(i) }));
    const spread = rankCandidates([...grouped, ...others], context({ joinedGroups: new Set(['g2']) }));
    expect(spread.slice(0, 10).filter((s) => s.candidate.groupId === 'g2')).toHaveLength(3);
  });

  it('keeps every 8th place for exploration', () => {
    const followed = Array.from({ length: 12 }, (_, i) => candidate({ authorId: `f${i}`, createdAt: hoursAgo(i) }));
    const explore = candidate({ sources: ['exploration'], tags: ['birding'], createdAt: hoursAgo(30) });
    // The slot is kept whatever the weights; its reason shows when the exploration term has a weight.
    const weights = { ...rankerWeights, terms: { ...rankerWeights.terms, exploration: 0.35 } };
    const ranked = rankCandidates([...followed, explore], context({ followedAuthors: new Set(followed.map((c) => c.authorId)), weights }));
    expect(ranked[7]!.candidate.postId).toBe(explore.postId);
    expect(explain(ranked[7]!, now).reasons[0]!.text).toBe('Something new: exploring outside your usual topics');
  });

  it('diversify keeps every item', () => {
    const list = Array.from({ length: 25 }, () => scoreCandidate(candidate({ authorId: 'same' }), context()));
    expect(diversify(list)).toHaveLength(25);
  });

  it('diversify re-ranks only the places stored, and the rest keeps score order', () => {
    const list = Array.from({ length: 500 }, (_, i) => scoreCandidate(candidate({ authorId: `a${i % 7}`, createdAt: hoursAgo(i / 10) }), context()));
    list.sort((a, b) => b.score - a.score);
    const out = diversify(list, { window: 10, authorCap: 2, groupCap: 3, explorationEvery: 8, placed: 60 });
    expect(out).toHaveLength(500);
    expect(new Set(out.map((s) => s.candidate.postId)).size).toBe(500);
    const tail = out.slice(60).map((s) => s.score);
    for (let i = 1; i < tail.length; i++) expect(tail[i]!).toBeLessThanOrEqual(tail[i - 1]!);
    // Within the placed 60, every page of 10 keeps the author cap.
    for (let page = 0; page < 6; page++) {
      const counts = new Map<string, number>();
      for (const s of out.slice(page * 10, page * 10 + 10)) counts.set(s.candidate.authorId, (counts.get(s.candidate.authorId) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    }
  });

  it('topic diversity (MMR on tag sets) spreads the first page over topics, and is off at 0', () => {
    const pottery = Array.from({ length: 12 }, (_, i) => candidate({ tags: ['pottery'], createdAt: hoursAgo(i * 0.1) }));
    const other = ['birding', 'chess', 'baking', 'running'].map((t, i) => candidate({ tags: [t], createdAt: hoursAgo(2 + i * 0.1) }));
    const topics = (list: ReturnType<typeof rankCandidates>) => new Set(list.slice(0, 10).flatMap((s) => s.candidate.tags)).size;
    const ctx = context();
    expect(topics(rankCandidates([...pottery, ...other], { ...ctx, weights: { ...rankerWeights, topicDiversity: 0 } }))).toBe(1);
    expect(topics(rankCandidates([...pottery, ...other], { ...ctx, weights: { ...rankerWeights, topicDiversity: 0.5 } }))).toBe(5);
  });

  it('the reasons in words add up to the number that ranked the post, for random posts, people and weights', () => {
    // scoreCandidate computes numbers only and puts the reasons in words when asked (terms()); both come from one
    // walk over the reasons, and this holds them together: any drift between the two fails here.
    let seed = 11;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    const topicsPool = ['moths', 'birds', 'chess', 'baking', 'pottery', 'kilns'];
    const choices = [null, null, 'follow', 'more', 'less', 'hide'] as const;
    const sourcesPool = ['following', 'group', 'interest', 'co_engagement', 'taste', 'trending', 'newcomer', 'exploration', 'recent'] as const;
    let explored = 0;
    for (let round = 0; round < 400; round++) {
      const weights = { ...rankerWeights, interestTagPower: pick([0, 0.5, 1]), likelihoodHalf: pick([0, 0.3, 1, 3]), damping: pick([1, 10]), terms: Object.fromEntries(Object.keys(rankerWeights.terms).map((k) => [k, pick([0, 0.25, 1, 4])])) as typeof rankerWeights.terms };
      const interests = new Map(topicsPool.filter(() => next() < 0.6).map((t) => [t, { choice: pick(choices), inferred: next() < 0.5 ? 0 : next() * 40 }] as const));
      const ctx = context({ interests, useInferred: next() < 0.7, followedAuthors: new Set(['ana']), joinedGroups: new Set(['g']), weights });
      const post = candidate({
        authorId: pick(['ana', 'ben']),
        groupId: pick([null, 'g', 'h']),
        groupName: 'Potters',
        groupSlug: 'potters',
        tags: [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(topicsPool)))],
        sources: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(sourcesPool)))],
        likedByFollowed: next() < 0.3 ? ['Ana', 'Ben'].slice(0, 1 + Math.floor(next() * 2)) : [],
        coEngagers: Math.floor(next() * 5),
        weekReactions: Math.floor(next() * 20),
        newcomer: next() < 0.2,
        collaborative: next() < 0.5 ? next() : undefined,
        tasteNeighbours: Math.floor(next() * 4),
      });
      const scored = scoreCandidate(post, ctx);
      const terms = scored.terms();
      expect(terms.length).toBeGreaterThan(0);
      expect(scored.affinity).toBeCloseTo(terms.reduce((sum, t) => sum + t.value, 0), 12);
      for (let i = 0; i < terms.length; i++) {
        expect(terms[i]!.value).toBeGreaterThan(0);
        if (i > 0) expect(terms[i]!.value).toBeLessThanOrEqual(terms[i - 1]!.value);
      }
      expect(scored.exploration).toBe(terms.some((t) => t.kind === 'exploration'));
      if (scored.exploration) explored++;
      // The likelihood, computed here from interestWeight directly.
      const strongest = Math.max(0, ...[...interests.values()].map((i) => i.inferred));
      const m = (post.tags.length ? post.tags.reduce((sum, t) => sum + interestWeight(interests.get(t), ctx.useInferred, strongest, weights.damping), 0) / post.tags.length : 0) + 0.1;
      expect(scored.likelihood).toBeCloseTo(weights.likelihoodHalf > 0 ? m / (m + weights.likelihoodHalf) : 1, 12);
      expect(scored.score).toBeCloseTo(scored.affinity * scored.likelihood * scored.freshness * scored.quality * scored.restraint, 12);
    }
    expect(explored).toBeGreaterThan(5);
  });

  it('topic spreading never puts a post ahead of one more than 1 / (1 − λ) times as relevant, at every λ the fit tries', () => {
    // Random lists: scores spanning three orders of magnitude, tags from a small set (so overlaps are common); every
    // author and group distinct and no exploration, so only the topic spreading moves anything.
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const topicsPool = ['moths', 'birds', 'chess', 'baking', 'pottery'];
    for (const lambda of [0.05, 0.1, 0.2, 0.3, 0.5, 0.8]) {
      for (let round = 0; round < 20; round++) {
        const list = Array.from({ length: 80 }, () => {
          const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 2) }, () => topicsPool[Math.floor(next() * topicsPool.length)]!))];
          return Object.assign(scoreCandidate(candidate({ tags }), context()), { score: Math.pow(10, -3 * next()) });
        }).sort((a, b) => b.score - a.score);
        const out = diversify(list, { window: 10, authorCap: 99, groupCap: 99, explorationEvery: 1000, placed: 30, topicDiversity: lambda });
        const placed = out.slice(0, 30);
        for (let i = 0; i < placed.length; i++) {
          for (let j = i + 1; j < out.length; j++) expect(placed[i]!.score).toBeGreaterThanOrEqual((1 - lambda) * out[j]!.score - 1e-12);
        }
      }
    }
  });

  it('the learned collaborative term names its evidence, and counts for nothing at weight 0', () => {
    const post = candidate({ collaborative: 0.8, tasteNeighbours: 12 });
    const weighted = { ...rankerWeights, terms: { ...rankerWeights.terms, collaborative: 1 } };
    const terms = affinityTerms(post, context({ weights: weighted }));
    expect(terms[0]).toMatchObject({ kind: 'collaborative', text: 'Liked by people who like what you like: 12 of them', control: { href: '/settings/privacy/interests#taste' } });
    expect(terms[0]!.value).toBeCloseTo(0.8);
    // No like-minded engager yet (a post folded in from a few): the term says what it rests on, without a count.
    expect(affinityTerms(candidate({ collaborative: 0.5, tasteNeighbours: 0 }), context({ weights: weighted }))[0]!.text).toBe('People who like what you like engage with posts like this');
    const off = affinityTerms(post, context({ weights: { ...rankerWeights, terms: { ...rankerWeights.terms, collaborative: 0 } } }));
    expect(off.some((t) => t.kind === 'collaborative')).toBe(false);
  });
});
