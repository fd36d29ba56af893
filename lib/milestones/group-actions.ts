'use server';
// A group's own milestones and thank-you templates: for the owner and roles with "manage celebrations".

import { and, count, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { groupMilestones, thankYouTemplates } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action-state';
import { audit, demand, inGroup, refuse } from '@/lib/groups/guard';
import { groupMilestoneRefSchema, groupMilestoneSchema, templateRefSchema, templateSchema } from './schemas';
import { builtinThankableKinds, describeGroupMilestone, groupRuleKey } from './templates';

const MAX_GROUP_MILESTONES = 20;

export const createGroupMilestoneAction = validatedActionWithUser(groupMilestoneSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'manage_celebrations');
    const [{ n }] = await ctx.tx.select({ n: count() }).from(groupMilestones).where(eq(groupMilestones.groupId, ctx.group.id));
    if (Number(n) >= MAX_GROUP_MILESTONES) refuse(`${ctx.group.name} has ${MAX_GROUP_MILESTONES} milestones already — remove one first.`);
    const threshold = input.kind === 'founding_day' ? 0 : input.threshold;
    const [created] = await ctx.tx
      .insert(groupMilestones)
      .values({ groupId: ctx.group.id, kind: input.kind, threshold, title: input.title, message: input.message, createdBy: viewer.id })
      .returning({ id: groupMilestones.id });
    await audit(ctx, 'celebrations.milestone.create', null, { id: created.id, kind: input.kind, threshold });
    return { success: `Added “${input.title}” (${describeGroupMilestone(input.kind, threshold)}).` };
  }),
);

export const deleteGroupMilestoneAction = validatedActionWithUser(groupMilestoneRefSchema, async (input, viewer) => {
  const [def] = await db.select().from(groupMilestones).where(eq(groupMilestones.id, input.groupMilestoneId));
  if (!def) return { error: 'That milestone is already gone.' };
  return inGroup(viewer, def.groupId, async (ctx) => {
    demand(ctx, 'manage_celebrations');
    // Milestones already earned stay in people's Memories, with the wording they had.
    await ctx.tx.delete(groupMilestones).where(eq(groupMilestones.id, def.id));
    await ctx.tx.delete(thankYouTemplates).where(and(eq(thankYouTemplates.groupId, ctx.group.id), eq(thankYouTemplates.milestoneKind, groupRuleKey(def.id))));
    await audit(ctx, 'celebrations.milestone.delete', null, { id: def.id, title: def.title });
    return { success: `Removed “${def.title}”. Those who earned it keep it.` };
  });
});

/** One template per milestone kind: saving again replaces it. */
export const saveThankYouTemplateAction = validatedActionWithUser(templateSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'manage_celebrations');
    const builtin = builtinThankableKinds.some((k) => k.key === input.milestoneKind);
    if (!builtin) {
      const [def] = input.milestoneKind.startsWith('group:')
        ? await ctx.tx
            .select({ id: groupMilestones.id })
            .from(groupMilestones)
            .where(and(eq(groupMilestones.groupId, ctx.group.id), eq(groupMilestones.id, input.milestoneKind.slice('group:'.length))))
        : [];
      if (!def) return { error: 'Choose a milestone from the list.', fieldErrors: { milestoneKind: 'Choose a milestone from the list.' } };
    }
    const now = new Date();
    await ctx.tx
      .insert(thankYouTemplates)
      .values({ groupId: ctx.group.id, milestoneKind: input.milestoneKind, body: input.body, authorId: viewer.id, updatedAt: now })
      .onConflictDoUpdate({ target: [thankYouTemplates.groupId, thankYouTemplates.milestoneKind], set: { body: input.body, authorId: viewer.id, updatedAt: now } });
    await audit(ctx, 'celebrations.template.save', null, { milestoneKind: input.milestoneKind });
    return { success: 'Thank-you saved. It goes out, from you, whenever a member earns that milestone here.' };
  }),
);

export const deleteThankYouTemplateAction = validatedActionWithUser(templateRefSchema, async (input, viewer) => {
  const [template] = await db.select().from(thankYouTemplates).where(eq(thankYouTemplates.id, input.templateId));
  if (!template) return { error: 'That thank-you is already gone.' };
  return inGroup(viewer, template.groupId, async (ctx) => {
    demand(ctx, 'manage_celebrations');
    await ctx.tx.delete(thankYouTemplates).where(eq(thankYouTemplates.id, template.id));
    await audit(ctx, 'celebrations.template.delete', null, { milestoneKind: template.milestoneKind });
    return { success: 'Thank-you removed.' };
  });
});
