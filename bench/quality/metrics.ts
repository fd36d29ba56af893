// Ranking metrics over one person's list (post indexes, best first) and the posts they engaged with in the test window.

export function ndcgAt(list: number[], relevant: Set<number>, k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, list.length); i++) if (relevant.has(list[i]!)) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Hits in the top k over min(k, |relevant|), so a perfect list scores 1 whatever the number of test posts. */
export function recallAt(list: number[], relevant: Set<number>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (let i = 0; i < Math.min(k, list.length); i++) if (relevant.has(list[i]!)) hits += 1;
  return hits / Math.min(k, relevant.size);
}

/** Intra-list diversity: 1 − the mean pairwise Jaccard similarity of the posts' topic sets (0 for fewer than 2 posts). */
export function topicDiversity(tagSets: number[][]): number {
  if (tagSets.length < 2) return 0;
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < tagSets.length; a++) {
    for (let b = a + 1; b < tagSets.length; b++) {
      const x = tagSets[a]!, y = tagSets[b]!;
      const inter = x.filter((t) => y.includes(t)).length;
      sum += inter / (x.length + y.length - inter);
      pairs += 1;
    }
  }
  return 1 - sum / pairs;
}
