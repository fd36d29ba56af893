'use server';

import { and, count, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db/client';
import { goalKinds, goalPeriods, goals } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action-state';

const MAX_GOALS = 5;

const goalSchema = z.object({
  kind: z.enum(goalKinds, 'Choose what the goal is about.'),
  target: z.coerce.number().int('Use a whole number.').min(1, 'Aim for at least 1.').max(100, 'Keep it to 100 or fewer — goals should be kind.'),
  period: z.enum(goalPeriods, 'Choose a week or a month.'),
});

export const createGoalAction = validatedActionWithUser(goalSchema, async (input, viewer) => {
  const created = await db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(goals).where(eq(goals.userId, viewer.id));
    if (Number(n) >= MAX_GOALS) return false;
    await tx.insert(goals).values({ userId: viewer.id, ...input });
    return true;
  });
  if (!created) return { error: `You have ${MAX_GOALS} goals already — finish or remove one first.` };
  revalidatePath('/feed');
  return { success: 'Goal set. No streaks: only progress counts.' };
});

export const deleteGoalAction = validatedActionWithUser(z.object({ goalId: z.string().trim().min(1).max(100) }), async (input, viewer) => {
  const removed = await db.delete(goals).where(and(eq(goals.id, input.goalId), eq(goals.userId, viewer.id))).returning();
  if (!removed.length) return { error: 'That goal is not yours, or it is already gone.' };
  revalidatePath('/feed');
  return { success: 'Goal removed.' };
});
