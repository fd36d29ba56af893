// The numbers behind the interest profile, in one place: what each signal is worth, how fast it fades, and what
// the discrete interest choices (follow / more / less / hide) mean as weights. Pure: used by the app and the bench.
import { rankerWeights } from './ranker-weights';

/** Inferred interest halves every 30 days without new signals. */
export const HALF_LIFE_DAYS = 30;
const HALF_LIFE_MS = HALF_LIFE_DAYS * 24 * 3600 * 1000;

/** What one engagement with a post adds to the inferred score of each of the post's topics. */
export const signalWeights = {
  view: 0.5,
  open: 1.5,
  reaction: 3,
  bookmark: 3,
  comment: 4,
  post: 2,
} as const;
export type EngagementKind = keyof typeof signalWeights;

/** A value held at `at`, as it stands at `now` after decaying. */
export function decayed(value: number, at: Date, now: Date): number {
  const elapsed = Math.max(0, now.getTime() - at.getTime());
  return value * Math.pow(0.5, elapsed / HALF_LIFE_MS);
}

/** What one signal of `kind` made at `signalAt` contributes at `now` (the amount removed when it is deleted). */
export function contribution(kind: EngagementKind, signalAt: Date, now: Date): number {
  return decayed(signalWeights[kind], signalAt, now);
}

/**
 * The inferred score from scratch: the sum of every signal's decayed weight. The stored score is kept equal to this
 * incrementally (old score decayed to now, plus the new signal), which profile.db.test.ts checks.
 */
export function inferredFrom(signals: { kind: EngagementKind; at: Date }[], now: Date): number {
  return signals.reduce((sum, s) => sum + contribution(s.kind, s.at, now), 0);
}

/**
 * Inferred scores grow without bound, and someone who scrolls a lot collects points on every topic; the ranker sees
 * each score relative to the person's strongest topic, damped while evidence is thin: score / (strongest + damping),
 * the damping fitted on the quality bench's validation split (ranker-weights.ts).
 * The strongest topic of an active person comes close to 1; a topic they merely scroll past stays small.
 */
export const INFERRED_DAMPING = rankerWeights.damping;
export function inferredStrength(score: number, strongest: number, damping = INFERRED_DAMPING): number {
  return score <= 0 ? 0 : score / (Math.max(score, strongest) + damping);
}

/** The strongest inferred score in a profile (what inferredStrength measures against). */
export function strongestInferred(interests: Iterable<{ inferred: number }>): number {
  let max = 0;
  for (const i of interests) if (i.inferred > max) max = i.inferred;
  return max;
}

/**
 * An interest's inferred part in words, the same on every page that shows it (/settings/feed, the interests page):
 * its strength against the strongest topic (what the ranker adds), then the decayed score behind it — "0.95 (score 54.8)".
 */
export function inferredText(score: number, strongest: number): string {
  return `${inferredStrength(score, strongest).toFixed(2)} (score ${score.toFixed(1)})`;
}

export type InterestChoice = 'follow' | 'more' | 'less' | 'hide';

/** The discrete choices as weights. "hide" removes the topic from the feed altogether (see rank.ts). */
export const choiceWeights: Record<InterestChoice, number> = { more: 2, follow: 1, less: 0.25, hide: 0 };

export const choiceLabels: Record<InterestChoice, string> = {
  follow: 'Follow',
  more: 'More of this',
  less: 'Less of this',
  hide: 'Hide',
};

/** One topic in a person's profile, as the ranker reads it. */
export type InterestSignal = { choice: InterestChoice | null; inferred: number };

/**
 * The weight of a topic for ranking: the explicit choice when there is one (follow 1, more 2, less 0.25), plus the
 * inferred strength (0..1) when inferred interests may be used. "less" caps the total: inference cannot undo it.
 */
export function interestWeight(signal: InterestSignal | undefined, useInferred: boolean, strongest = signal?.inferred ?? 0, damping = INFERRED_DAMPING): number {
  if (!signal || signal.choice === 'hide') return 0;
  const explicit = signal.choice ? choiceWeights[signal.choice] : 0;
  const inferred = useInferred ? inferredStrength(signal.inferred, strongest, damping) : 0;
  if (signal.choice === 'less') return explicit;
  return explicit + inferred;
}
