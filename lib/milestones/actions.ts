'use server';

import { and, count, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db/client';
import { congratulations, goalKinds, goalPeriods, goals, groups, milestones, thankYouNotes } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action-state';
import { excerpt, notify } from '@/lib/notifications/notify';
import { limitPerson, rules } from '@/lib/rate-limit';
import { milestoneTitle } from './rules';
import { milestoneRefSchema, milestoneVisibilitySchema, noteSchema } from './schemas';
import { milestoneSeenBy } from './visibility';

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
  revalidatePath('/celebrations');
  return { success: 'Goal set. No streaks: only progress counts.' };
}, { invalidates: ['personCache'] });

export const deleteGoalAction = validatedActionWithUser(z.object({ goalId: z.string().trim().min(1).max(100) }), async (input, viewer) => {
  const removed = await db.delete(goals).where(and(eq(goals.id, input.goalId), eq(goals.userId, viewer.id))).returning();
  if (!removed.length) return { error: 'That goal is not yours, or it is already gone.' };
  revalidatePath('/feed');
  revalidatePath('/celebrations');
  return { success: 'Goal removed.' };
}, { invalidates: ['personCache'] });

async function titleOf(tx: Parameters<typeof milestoneSeenBy>[0], m: { title: string; rule: string; groupId: string | null }) {
  if (m.title) return m.title;
  const [group] = m.groupId ? await tx.select({ name: groups.name }).from(groups).where(eq(groups.id, m.groupId)) : [];
  return milestoneTitle(m.rule, group?.name);
}

/** "Congratulate" on a celebration card: on, or off again. The person is told once, batched like reactions. */
export const congratulateAction = validatedActionWithUser(milestoneRefSchema, async (input, viewer) => {
  const limited = await limitPerson(db, viewer.id, rules.reaction);
  if (!limited.allowed) return { error: limited.message };
  const result = await db.transaction(async (tx) => {
    const m = await milestoneSeenBy(tx, viewer.id, input.milestoneId);
    if (m?.userId === viewer.id) return { error: 'This one is yours — enjoy it!' };
    if (!m?.celebrated) return { error: 'That milestone is not there, or it is not shared with you.' };
    const removed = await tx.delete(congratulations).where(and(eq(congratulations.milestoneId, m.id), eq(congratulations.userId, viewer.id))).returning();
    if (removed.length) return { success: 'Congratulations taken back.' };
    await tx.insert(congratulations).values({ milestoneId: m.id, userId: viewer.id }).onConflictDoNothing();
    await notify(tx, { userId: m.userId, kind: 'celebration', actorId: viewer.id, groupId: m.groupId, link: `/u/${m.ownerHandle}#memories`, subjectId: m.id, data: { title: await titleOf(tx, m) } });
    return { success: `You congratulated ${m.ownerName}.` };
  });
  revalidatePath('/feed');
  return result;
});

/** A personal thank-you note on someone's milestone: a notification, and kept with the milestone in their Memories. */
export const sendThankYouNoteAction = validatedActionWithUser(noteSchema, async (input, viewer) => {
  const limited = await limitPerson(db, viewer.id, rules.comment);
  if (!limited.allowed) return { error: limited.message };
  const result = await db.transaction(async (tx) => {
    const m = await milestoneSeenBy(tx, viewer.id, input.milestoneId);
    if (m?.userId === viewer.id) return { error: 'You cannot send a thank-you note to yourself.' };
    if (!m || (!m.celebrated && !m.onProfile)) return { error: 'That milestone is not there, or it is not shared with you.' };
    await tx.insert(thankYouNotes).values({ milestoneId: m.id, senderId: viewer.id, body: input.body });
    await notify(tx, {
      userId: m.userId,
      kind: 'thank_you',
      actorId: viewer.id,
      link: `/u/${m.ownerHandle}#memory-${m.id}`,
      subjectId: m.id,
      data: { milestone: await titleOf(tx, m), message: excerpt(input.body, 400) },
    });
    return { success: `Your note is on its way to ${m.ownerName}.`, owner: m.ownerHandle };
  });
  if ('owner' in result) {
    revalidatePath(`/u/${result.owner}`);
    return { success: result.success };
  }
  return result;
});

/** Who sees one of your milestones in Memories (and whether it is celebrated to others at all). */
export const setMilestoneVisibilityAction = validatedActionWithUser(milestoneVisibilitySchema, async (input, viewer) => {
  const changed = await db
    .update(milestones)
    .set({ visibility: input.visibility })
    .where(and(eq(milestones.id, input.milestoneId), eq(milestones.userId, viewer.id)))
    .returning({ id: milestones.id });
  if (!changed.length) return { error: 'That milestone is not yours, or it is gone.' };
  revalidatePath(`/u/${viewer.handle}`);
  revalidatePath('/feed');
  return { success: { everyone: 'Shown to everyone.', members: 'Shown to signed-in members.', only_me: 'Only you see it now.' }[input.visibility] };
});
