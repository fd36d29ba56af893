'use server';

import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db/client';
import { notificationKinds, notificationPreferences, notifications } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action-state';

const idsSchema = z.object({ ids: z.array(z.string().trim().min(1).max(100)).min(1, 'Nothing to mark.').max(200) });

/** Marks the caller's own notifications read; ids of anyone else's are ignored, not trusted. */
export const markReadAction = validatedActionWithUser(idsSchema, async (input, viewer) => {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, viewer.id), inArray(notifications.id, input.ids), isNull(notifications.readAt)));
  revalidatePath('/', 'layout');
  return { success: 'Marked as read.' };
});

export const markAllReadAction = validatedActionWithUser(z.object({}), async (_input, viewer) => {
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt)));
  revalidatePath('/', 'layout');
  return { success: 'All caught up.' };
});

const preferencesSchema = z.object({ enabled: z.array(z.enum(notificationKinds)).default([]) });

/** Saves which kinds the caller wants: every kind not ticked is switched off. */
export const savePreferencesAction = validatedActionWithUser(preferencesSchema, async (input, viewer) => {
  // An upsert, not delete-then-insert: two saves at once (a double click) would both insert and one would fail.
  await db
    .insert(notificationPreferences)
    .values(notificationKinds.map((kind) => ({ userId: viewer.id, kind, enabled: input.enabled.includes(kind) })))
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { enabled: sql`excluded.enabled` } });
  revalidatePath('/notifications');
  return { success: 'Saved. You will only hear about what you ticked.' };
});
