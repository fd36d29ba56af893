// The quality bench as a function: build the community, split it at T, rank for every evaluated person with each
// method, and score the lists against what each person engaged with after T.
import { rankCandidates, type Candidate } from '../../lib/recommend/rank';
import { itemKnn, mostPopular, randomOrder, reverseChronological, type Ranker } from './baselines';
import { candidateBuilder } from './candidates';
import { generateCommunity, REACTION, type Scale } from './community';
import { authorDiversity, ndcgAt, recallAt, topicDiversity } from './metrics';
import { testPositives, trainState } from './state';

export const methods = ['hearth', 'hearth_explicit', 'popular', 'chrono', 'itemknn', 'itemknn_recent', 'random'] as const;
export type Method = (typeof methods)[number];

export const methodLabels: Record<Method, string> = {
  hearth: 'Hearth (rankCandidates)',
  hearth_explicit: '  same, inferred interests off',
  popular: 'Most popular (recent)',
  chrono: 'Reverse-chronological',
  itemknn: 'Item-kNN (cosine)',
  itemknn_recent: '  same, only posts of the last 3 days',
  random: 'Random',
};

export type MethodResult = { ndcg10: number; /** Standard error of the mean NDCG@10 over people. */ ndcg10Se: number; recall20: number; coverage: number; diversity: number; authors: number; listLength: number };

export type BenchResult = {
  scale: Scale;
  stats: { people: number; posts: number; windowPosts: number; trainReactions: number; evaluated: number; testPositives: number; meanCandidates: number };
  results: Record<Method, MethodResult>;
  seconds: { community: number; ranking: number; total: number };
  table: string;
  line: string;
};

export function runBench(scale: Scale): BenchResult {
  const started = performance.now();
  const community = generateCommunity(scale);
  const afterCommunity = performance.now();
  const state = trainState(community);
  const positives = testPositives(community, state);
  const builder = candidateBuilder(community, state);

  // Hearth and its ablation rank the same candidates: generated once per person.
  let cached: { person: number; candidates: Candidate[] } | null = null;
  const candidatesOf = (person: number) => {
    if (cached?.person !== person) cached = { person, candidates: builder.candidates(person) };
    return cached.candidates;
  };
  const hearth =
    (useInferred: boolean): Ranker =>
    (person) =>
      rankCandidates(candidatesOf(person), { ...builder.context(person), useInferred }).map((s) => builder.postIndex.get(s.candidate.postId)!);
  const rankers: Record<Method, Ranker> = {
    hearth: hearth(true),
    hearth_explicit: hearth(false),
    popular: mostPopular(community, state),
    chrono: reverseChronological(community, state),
    itemknn: itemKnn(community, state),
    itemknn_recent: itemKnn(community, state, { recentOnly: true }),
    random: randomOrder(community, state),
  };

  const evaluated = community.people.filter((p) => p.joinedAt < community.splitAt && positives[p.index]!.size > 0).map((p) => p.index);
  const sums = Object.fromEntries(methods.map((m) => [m, { ndcg10: 0, ndcg10Sq: 0, recall20: 0, diversity: 0, authors: 0, listLength: 0, top: new Set<number>() }]));
  let candidateCount = 0;
  for (const person of evaluated) {
    const relevant = positives[person]!;
    for (const m of methods) {
      // The same protocol for every method: drop the person's own posts and what they engaged with before T.
      const list = rankers[m](person).filter((i) => community.posts[i]!.author !== person && !state.engaged[person]!.has(i)).slice(0, 20);
      const top10 = list.slice(0, 10);
      const acc = sums[m]!;
      const ndcg = ndcgAt(list, relevant, 10);
      acc.ndcg10 += ndcg;
      acc.ndcg10Sq += ndcg * ndcg;
      acc.recall20 += recallAt(list, relevant, 20);
      acc.diversity += topicDiversity(top10.map((i) => community.posts[i]!.tags));
      acc.authors += authorDiversity(top10.map((i) => community.posts[i]!.author));
      acc.listLength += top10.length;
      for (const i of top10) acc.top.add(i);
    }
    candidateCount += candidatesOf(person).length;
  }
  const afterRanking = performance.now();

  const n = Math.max(1, evaluated.length);
  const windowPosts = state.windowEnd - state.windowStart;
  const results = Object.fromEntries(
    methods.map((m) => {
      const acc = sums[m]!;
      const mean = acc.ndcg10 / n;
      const variance = Math.max(0, acc.ndcg10Sq / n - mean * mean);
      return [m, { ndcg10: mean, ndcg10Se: Math.sqrt(variance / n), recall20: acc.recall20 / n, coverage: acc.top.size / Math.max(1, windowPosts), diversity: acc.diversity / n, authors: acc.authors / n, listLength: acc.listLength / n }];
    }),
  ) as Record<Method, MethodResult>;

  const stats = {
    people: community.people.length,
    posts: community.posts.length,
    windowPosts,
    trainReactions: community.events.kind.filter((k, i) => k === REACTION && community.events.at[i]! < community.splitAt).length,
    evaluated: evaluated.length,
    testPositives: evaluated.reduce((s, p) => s + positives[p]!.size, 0),
    meanCandidates: candidateCount / n,
  };

  const f3 = (x: number) => x.toFixed(3);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  const header = ['method', 'NDCG@10', '± s.e.', 'Recall@20', 'coverage', 'diversity@10', 'authors@10', 'list'];
  const rows = methods.map((m) => {
    const r = results[m];
    return [methodLabels[m], f3(r.ndcg10), f3(r.ndcg10Se), f3(r.recall20), f3(r.coverage), f3(r.diversity), f3(r.authors), r.listLength.toFixed(1)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const table = [
    `Quality bench (${scale.name}, seed ${scale.seed}): ${stats.people} people, ${stats.posts} posts, ${stats.trainReactions} reactions before T; ` +
      `${stats.windowPosts} posts in the ${scale.windowDays}-day window; ${stats.evaluated} people evaluated on ${stats.testPositives} test engagements ` +
      `(${scale.testDays} days after T); ${stats.meanCandidates.toFixed(0)} Hearth candidates per person on average`,
    '',
    fmt(header),
    fmt(widths.map((w) => '-'.repeat(w))),
    ...rows.map(fmt),
  ].join('\n');

  const h = results.hearth, p = results.popular, k = results.itemknn;
  const line =
    `quality hearth_ndcg10=${f3(h.ndcg10)} popular_ndcg10=${f3(p.ndcg10)} itemknn_ndcg10=${f3(k.ndcg10)} ` +
    `vs_popular=${f3(ratio(h.ndcg10, p.ndcg10))} vs_itemknn=${f3(ratio(h.ndcg10, k.ndcg10))} diversity_vs_popular=${f3(ratio(h.diversity, p.diversity))}`;

  const finished = performance.now();
  return {
    scale,
    stats,
    results,
    seconds: { community: (afterCommunity - started) / 1000, ranking: (afterRanking - afterCommunity) / 1000, total: (finished - started) / 1000 },
    table,
    line,
  };
}
