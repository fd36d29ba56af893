// Implicit signals (views and opens) from the browser: recorded only with consent, never while history is paused
// or in the non-profiling mode, only for posts the person may see, at most one view of a post per half hour.
import { and, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { activitySignals, posts, signalKinds, type SignalKind } from '@/db/schema';
import { visiblePosts } from '@/lib/posts/visibility';
import { forgetEngagement, learnFromEngagement, personalizationOf } from './profile';

export const signalBatchSchema = z.object({
  events: z
    .array(z.object({ postId: z.string().uuid(), kind: z.enum(signalKinds) }))
    .min(1)
    .max(50),
});
export type SignalBatch = z.infer<typeof signalBatchSchema>;

const REPEAT_WINDOW_MS = 30 * 60_000;

export type RecordOutcome = { recorded: number; reason?: 'no-consent' | 'paused' | 'non-profiling' };

export async function recordSignals(userId: string, batch: SignalBatch, now = new Date()): Promise<RecordOutcome> {
  const personalization = await personalizationOf(db, userId, now);
  if (personalization.historyPaused) return { recorded: 0, reason: 'paused' };
  if (!personalization.recordActivity) return { recorded: 0, reason: 'no-consent' };
  if (personalization.mode === 'chronological') return { recorded: 0, reason: 'non-profiling' };
  const unique = new Map<string, SignalKind>();
  for (const e of batch.events) if (unique.get(e.postId) !== 'open') unique.set(e.postId, e.kind);
  const ids = [...unique.keys()];
  return db.transaction(async (tx) => {
    const visible = await tx
      .select({ id: posts.id, groupId: posts.groupId })
      .from(posts)
      .where(and(inArray(posts.id, ids), visiblePosts(userId)));
    const recent = await tx
      .select({ postId: activitySignals.postId, kind: activitySignals.kind })
      .from(activitySignals)
      .where(and(eq(activitySignals.userId, userId), inArray(activitySignals.postId, ids), gt(activitySignals.createdAt, new Date(now.getTime() - REPEAT_WINDOW_MS))));
    const already = new Set(recent.map((r) => `${r.postId}:${r.kind}`));
    const rows = visible
      .filter((p) => !(p.groupId && personalization.quietGroups.has(p.groupId)))
      .map((p) => ({ userId, postId: p.id, kind: unique.get(p.id)!, createdAt: now }))
      .filter((r) => !already.has(`${r.postId}:${r.kind}`));
    if (rows.length === 0) return { recorded: 0 };
    await tx.insert(activitySignals).values(rows);
    for (const r of rows) await learnFromEngagement(tx, userId, r.postId, r.kind, now, personalization);
    return { recorded: rows.length };
  });
}

/** Deletes one signal and takes its share out of the interest profile. */
export async function deleteSignal(userId: string, signalId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(activitySignals)
      .where(and(eq(activitySignals.id, signalId), eq(activitySignals.userId, userId)))
      .returning();
    if (!gone) return false;
    await forgetEngagement(tx, userId, gone.postId, gone.kind, new Date(gone.createdAt), now);
    return true;
  });
}
