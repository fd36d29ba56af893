// Words for the interest profile on the privacy dashboard: how sure Hearth is of a topic, and which signals fed it.
// Pure, so the numbers and the sentences are tested without a database.
import { choiceWeights, INFERRED_DAMPING } from '@/lib/recommend/weights';

export type Confidence = 'none' | 'low' | 'medium' | 'high';

/** Confidence grows with evidence: fewer than 5 signals is low, 5 to 19 medium, 20 or more high. */
export const confidenceSteps = { medium: 5, high: 20 } as const;

export function signalTotal(counts: Record<string, number>) {
  return Object.values(counts).reduce((n, c) => n + (Number.isFinite(c) && c > 0 ? c : 0), 0);
}

export function confidenceOf(counts: Record<string, number>): Confidence {
  const n = signalTotal(counts);
  if (n === 0) return 'none';
  if (n < confidenceSteps.medium) return 'low';
  if (n < confidenceSteps.high) return 'medium';
  return 'high';
}

export const confidenceExplained = `Confidence is how much evidence there is: fewer than ${confidenceSteps.medium} signals is low, ${confidenceSteps.medium} to ${confidenceSteps.high - 1} medium, ${confidenceSteps.high} or more high.`;

/** The two sentences on how the profile is computed (the numbers come from lib/recommend/weights.ts). */
export const howItWorks = [
  `Each time you write, comment on, react to, save, open or look at a post, each of its topics gains a little (writing 2, commenting 4, reacting or saving 3, opening 1.5, looking 0.5), and every score halves after 30 days without new signals.`,
  `Your feed weighs a topic by your own choice (following counts ${choiceWeights.follow}, more ${choiceWeights.more}, less ${choiceWeights.less}; a banned topic never shows) plus its score measured against your strongest topic — score ÷ (strongest + ${INFERRED_DAMPING}), at most 1.`,
];

const nouns: [string, string, string][] = [
  ['post', 'post', 'posts'],
  ['comment', 'comment', 'comments'],
  ['reaction', 'reaction', 'reactions'],
  ['bookmark', 'bookmark', 'bookmarks'],
  ['open', 'open', 'opens'],
  ['view', 'view', 'views'],
];

/** "from 12 reactions and 30 views in #ceramics" */
export function signalsSentence(counts: Record<string, number>, tag: string) {
  const parts = nouns.filter(([k]) => (counts[k] ?? 0) > 0).map(([k, one, many]) => `${counts[k].toLocaleString('en')} ${counts[k] === 1 ? one : many}`);
  if (parts.length === 0) return `no signals in #${tag} yet`;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `from ${list} in #${tag}`;
}
