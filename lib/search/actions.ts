'use server';

import { isSuspended } from '@/lib/admin/suspended';
import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/db/client';
import { searchHistory } from '@/db/schema';
import { validatedAction, validatedActionWithUser } from '@/lib/action-state';
import { getViewer } from '@/lib/auth/viewer';
import { historyPaused } from './queries';
import { MAX_QUERY_LENGTH, parseQuery } from './text';

/** How many searches are remembered per person; older ones are dropped as new ones come. */
const KEEP = 20;

const searchSchema = z.object({ q: z.string().max(500, 'That search is too long.').default('') });

/**
 * Submitting a search (the search page's form, or Enter in the header box): remembered for signed-in people
 * whose history is not paused — the same query moves to the top instead of repeating — then on to the results.
 */
export const runSearchAction = validatedAction(searchSchema, async (input) => {
  const q = parseQuery(input.q);
  if (!q) redirect('/search');
  const viewer = await getViewer();
  // A suspended person may search what is public, but nothing is written for them.
  if (viewer && !(await isSuspended(db, viewer.id)) && !(await historyPaused(viewer))) {
    await db.transaction(async (tx) => {
      await tx.delete(searchHistory).where(and(eq(searchHistory.userId, viewer.id), sql`lower(${searchHistory.query}) = lower(${q.text})`));
      await tx.insert(searchHistory).values({ userId: viewer.id, query: q.text });
      const kept = tx.select({ id: searchHistory.id }).from(searchHistory).where(eq(searchHistory.userId, viewer.id)).orderBy(desc(searchHistory.createdAt), desc(searchHistory.id)).limit(KEEP);
      await tx.delete(searchHistory).where(and(eq(searchHistory.userId, viewer.id), notInArray(searchHistory.id, kept)));
    });
    revalidatePath('/search');
  }
  redirect(`/search?q=${encodeURIComponent(q.text.slice(0, MAX_QUERY_LENGTH))}`);
});

export const deleteRecentSearchAction = validatedActionWithUser(z.object({ searchId: z.string().trim().min(1).max(100) }), async (input, viewer) => {
  const removed = await db
    .delete(searchHistory)
    .where(and(eq(searchHistory.id, input.searchId), eq(searchHistory.userId, viewer.id)))
    .returning({ id: searchHistory.id });
  if (!removed.length) return { error: 'That search is not in your history, or it is already gone.' };
  revalidatePath('/search');
  return { success: 'Search removed from your history.' };
});

export const clearRecentSearchesAction = validatedActionWithUser(z.object({}), async (_input, viewer) => {
  await db.delete(searchHistory).where(eq(searchHistory.userId, viewer.id));
  revalidatePath('/search');
  return { success: 'Your recent searches are cleared.' };
});
