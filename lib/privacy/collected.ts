// What activity-based personalization collected about a person: views and opens, and the inferred interest scores.
// After a consent is withdrawn the dashboard offers to delete it (the use stops at once either way).
import { and, count, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { activitySignals, interestScores, tasteVectors } from '@/db/schema';

export type CollectedScope = 'activity' | 'inferred';

/** How many views and opens, and how many topics carry an inferred score. */
export async function collectedOf(db: Executor, userId: string) {
  const [[signals], [topics]] = await Promise.all([
    db.select({ n: count() }).from(activitySignals).where(eq(activitySignals.userId, userId)),
    db
      .select({ n: count() })
      .from(interestScores)
      .where(and(eq(interestScores.userId, userId), or(sql`${interestScores.inferred} > 0`, sql`${interestScores.signalCounts} <> '{}'::jsonb`))),
  ]);
  return { signals: Number(signals?.n ?? 0), topics: Number(topics?.n ?? 0) };
}

/**
 * Deletes what was collected: for "activity", the views and opens and the inferred scores; for "inferred", the
 * inferred scores only; the taste vector in both. Explicit choices (more, less, hide) and follows stay. Call inside a
 * transaction.
 */
export async function forgetCollected(tx: Executor, userId: string, scope: CollectedScope, now = new Date()) {
  const signals = scope === 'activity' ? (await tx.delete(activitySignals).where(eq(activitySignals.userId, userId)).returning({ id: activitySignals.id })).length : 0;
  const dropped = await tx.delete(interestScores).where(and(eq(interestScores.userId, userId), isNull(interestScores.choice))).returning({ tag: interestScores.tag });
  const reset = await tx
    .update(interestScores)
    .set({ inferred: 0, inferredAt: now, signalCounts: {}, updatedAt: now })
    .where(and(eq(interestScores.userId, userId), or(sql`${interestScores.inferred} > 0`, sql`${interestScores.signalCounts} <> '{}'::jsonb`)))
    .returning({ tag: interestScores.tag });
  // The taste vector is learned from the same activity: it goes with it, whichever scope.
  const taste = (await tx.delete(tasteVectors).where(eq(tasteVectors.userId, userId)).returning({ userId: tasteVectors.userId })).length > 0;
  return { signals, topics: dropped.length + reset.length, taste };
}
