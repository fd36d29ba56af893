'use server';

import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/db/client';
import { z } from 'zod';
import { groupAuditLog, groupBans, groupInvites, groupJoinRequests, groupMemberRoles, groupMembers, groupRoles, groups, media } from '@/db/schema';
import { awardMilestones } from '@/lib/milestones/engine';
import { checkGoals } from '@/lib/milestones/goals';
import { notify } from '@/lib/notifications/notify';
import { imageLimits, imageMessages } from '@/lib/media/limits';
import { ImageRejectedError, processImage } from '@/lib/media/process-image';
import { storeImage } from '@/lib/media/store';
import { limitPerson, rules } from '@/lib/rate-limit';
import { validatedActionWithUser } from '@/lib/action-state';
import { uniqueViolation } from '@/lib/db-errors';
import { loadActor, memberPosition } from './context';
import { audit, demand, inGroup, refuse } from './guard';
import { banFromGroup } from './bans';
import {
  banSchema,
  createGroupSchema,
  decideSchema,
  groupRefSchema,
  groupSettingsSchema,
  idSchema,
  inviteRefSchema,
  inviteSchema,
  joinSchema,
  memberRefSchema,
  requestSchema,
} from './schemas';
import { inviteProblem } from './invites';
import { awardGroupAchievements } from '@/lib/milestones/group-achievements';
import { createGroupRecords } from './setup';

export const createGroupAction = validatedActionWithUser(createGroupSchema, async (input, viewer) => {
  try {
    await db.transaction(async (tx) => {
      const { group } = await createGroupRecords(tx, input, viewer.id);
      await tx.insert(groupAuditLog).values({ groupId: group.id, actorId: viewer.id, action: 'group.create', details: { name: input.name } });
    });
  } catch (error) {
    if (uniqueViolation(error) === 'groups_slug_lower_key') {
      return { error: 'Please fix the highlighted fields.', fieldErrors: { slug: `The address ${input.slug} is taken — try another.` }, values: { ...input } };
    }
    throw error;
  }
  revalidatePath('/groups');
  redirect(`/g/${input.slug}`);
}, { invalidates: ['personCache'] });

export const updateGroupSettingsAction = validatedActionWithUser(groupSettingsSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'manage_settings');
    const { groupId: _groupId, ...changes } = input;
    await ctx.tx.update(groups).set(changes).where(eq(groups.id, ctx.group.id));
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => JSON.stringify(changes[k]) !== JSON.stringify(ctx.group[k]));
    await audit(ctx, 'group.settings', null, { changed });
    return { success: 'Saved. Your group is updated.' };
  }),
);

export const dismissWelcomeAction = validatedActionWithUser(groupRefSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    // Only a member has a welcome to put away: anyone else is told, not answered as if it had worked.
    if (!ctx.actor.isMember) refuse('Only members of this group see its welcome.');
    await ctx.tx
      .update(groupMembers)
      .set({ welcomedAt: new Date() })
      .where(and(eq(groupMembers.groupId, ctx.group.id), eq(groupMembers.userId, viewer.id)));
  }),
);

export const joinGroupAction = validatedActionWithUser(joinSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    let inviteCode: string | undefined;
    if (input.invite) {
      // Lock the invite row so two people cannot both take its last use.
      const [invite] = await ctx.tx
        .select()
        .from(groupInvites)
        .where(and(eq(groupInvites.id, input.invite), eq(groupInvites.groupId, ctx.group.id)))
        .for('update');
      const problem = inviteProblem(invite);
      if (problem) refuse(problem);
      inviteCode = invite.id;
    }
    demand(ctx, 'join', { hasValidInvite: Boolean(inviteCode) });
    // A second join sent at the same moment (a double click) finds the first one's row: say so instead of failing.
    const added = await ctx.tx.insert(groupMembers).values({ groupId: ctx.group.id, userId: viewer.id }).onConflictDoNothing().returning();
    if (!added.length) refuse('You are already a member.');
    await awardGroupAchievements(ctx.tx, ctx.group.id, 'group_member');
    if (inviteCode) await ctx.tx.update(groupInvites).set({ uses: sql`${groupInvites.uses} + 1` }).where(eq(groupInvites.id, inviteCode));
    await ctx.tx.delete(groupJoinRequests).where(and(eq(groupJoinRequests.groupId, ctx.group.id), eq(groupJoinRequests.userId, viewer.id), eq(groupJoinRequests.status, 'pending')));
    await awardMilestones(ctx.tx, viewer.id, 'group_joined', { groupId: ctx.group.id });
    await checkGoals(ctx.tx, viewer.id);
    return { success: `Welcome to ${ctx.group.name}!` };
  }),
  { invalidates: ['personCache'] },
);

export const requestToJoinAction = validatedActionWithUser(requestSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'request_to_join');
    const limited = await limitPerson(ctx.tx, viewer.id, rules.joinRequest);
    if (!limited.allowed) refuse(limited.message);
    const questions = ctx.group.joinQuestions;
    const answers = questions.map((_, i) => (input.answers[i] ?? '').trim());
    const missing = answers.findIndex((a) => a.length === 0);
    if (missing >= 0) return { error: 'Please answer every question.', fieldErrors: { [`answer${missing}`]: 'Please answer this question.' } };
    try {
      await ctx.tx.insert(groupJoinRequests).values({ groupId: ctx.group.id, userId: viewer.id, answers });
    } catch (error) {
      if (uniqueViolation(error) === 'group_join_requests_pending_key') refuse('You already asked to join — the group will answer soon.');
      throw error;
    }
    // Everyone who may answer is told.
    const approvers = await ctx.tx
      .selectDistinct({ userId: groupMemberRoles.userId })
      .from(groupMemberRoles)
      .innerJoin(groupRoles, eq(groupRoles.id, groupMemberRoles.roleId))
      .where(and(eq(groupMemberRoles.groupId, ctx.group.id), sql`(${groupRoles.builtin} = 'owner' or 'approve_requests' = any(${groupRoles.permissions}))`));
    for (const { userId } of approvers) {
      await notify(ctx.tx, { userId, kind: 'join_request', actorId: viewer.id, groupId: ctx.group.id, link: `/g/${ctx.group.slug}/settings?tab=requests`, data: { group: ctx.group.name } });
    }
    return { success: 'Request sent. You will be able to post once it is approved.' };
  }),
);

export const decideJoinRequestAction = validatedActionWithUser(decideSchema, async (input, viewer) => {
  const [request] = await db.select().from(groupJoinRequests).where(eq(groupJoinRequests.id, input.requestId));
  if (!request) return { error: 'That request no longer exists.' };
  return inGroup(viewer, request.groupId, async (ctx) => {
    demand(ctx, 'approve_requests');
    const [current] = await ctx.tx.select().from(groupJoinRequests).where(eq(groupJoinRequests.id, request.id)).for('update');
    if (current?.status !== 'pending') refuse('Someone already answered that request.');
    const approve = input.decision === 'approve';
    if (approve) {
      const banned = await ctx.tx.select().from(groupBans).where(and(eq(groupBans.groupId, ctx.group.id), eq(groupBans.userId, request.userId)));
      if (banned.length) refuse('That person is banned from this group. Unban them first.');
      await ctx.tx.insert(groupMembers).values({ groupId: ctx.group.id, userId: request.userId }).onConflictDoNothing();
      await awardGroupAchievements(ctx.tx, ctx.group.id, 'group_member');
    }
    await ctx.tx
      .update(groupJoinRequests)
      .set({ status: approve ? 'approved' : 'denied', decidedBy: viewer.id, decidedAt: new Date() })
      .where(eq(groupJoinRequests.id, request.id));
    await audit(ctx, approve ? 'request.approve' : 'request.deny', request.userId);
    await notify(ctx.tx, { userId: request.userId, kind: 'approval', actorId: viewer.id, groupId: ctx.group.id, link: `/g/${ctx.group.slug}`, data: { group: ctx.group.name, approved: approve ? 1 : 0 } });
    if (approve) await awardMilestones(ctx.tx, request.userId, 'group_joined', { groupId: ctx.group.id });
    return { success: approve ? 'Approved — they are a member now.' : 'Request declined.' };
  });
});

export const leaveGroupAction = validatedActionWithUser(groupRefSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'leave');
    await ctx.tx.delete(groupMemberRoles).where(and(eq(groupMemberRoles.groupId, ctx.group.id), eq(groupMemberRoles.userId, viewer.id)));
    await ctx.tx.delete(groupMembers).where(and(eq(groupMembers.groupId, ctx.group.id), eq(groupMembers.userId, viewer.id)));
    return { success: `You left ${ctx.group.name}.` };
  }),
  { invalidates: ['personCache'] },
);

export const removeMemberAction = validatedActionWithUser(memberRefSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    if (input.userId === viewer.id) refuse('To leave the group, use “Leave group”.');
    const position = await memberPosition(ctx.tx, ctx.group.id, input.userId, ctx.roles);
    if (position < 0) refuse('That person is not a member.');
    demand(ctx, 'act_on_member', { memberPosition: position });
    await ctx.tx.delete(groupMemberRoles).where(and(eq(groupMemberRoles.groupId, ctx.group.id), eq(groupMemberRoles.userId, input.userId)));
    await ctx.tx.delete(groupMembers).where(and(eq(groupMembers.groupId, ctx.group.id), eq(groupMembers.userId, input.userId)));
    await audit(ctx, 'member.remove', input.userId);
    return { success: 'Removed from the group.' };
  }),
);

export const banMemberAction = validatedActionWithUser(banSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    await banFromGroup(ctx, input.userId, input.reason);
    return { success: 'Banned. They cannot rejoin or use invites.' };
  }),
);

export const unbanMemberAction = validatedActionWithUser(memberRefSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'manage_members');
    const removed = await ctx.tx.delete(groupBans).where(and(eq(groupBans.groupId, ctx.group.id), eq(groupBans.userId, input.userId))).returning();
    if (!removed.length) refuse('That person is not banned.');
    await audit(ctx, 'member.unban', input.userId);
    return { success: 'Unbanned. They may join again.' };
  }),
);

export const transferOwnershipAction = validatedActionWithUser(memberRefSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'transfer_ownership');
    if (input.userId === viewer.id) refuse('You already own this group.');
    const heir = await loadActor(ctx.tx, ctx.group, input.userId, ctx.roles);
    if (!heir.isMember) refuse('Ownership can only go to a member.');
    const owner = ctx.roles.find((r) => r.builtin === 'owner')!;
    const admin = ctx.roles.find((r) => r.builtin === 'admin')!;
    await ctx.tx.delete(groupMemberRoles).where(and(eq(groupMemberRoles.groupId, ctx.group.id), eq(groupMemberRoles.roleId, owner.id)));
    await ctx.tx.insert(groupMemberRoles).values([
      { groupId: ctx.group.id, userId: input.userId, roleId: owner.id },
      { groupId: ctx.group.id, userId: viewer.id, roleId: admin.id },
    ]).onConflictDoNothing();
    await audit(ctx, 'group.transfer', input.userId);
    return { success: 'Ownership transferred. You are an admin now.' };
  }),
);

export const createInviteAction = validatedActionWithUser(inviteSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'invite');
    const limited = await limitPerson(ctx.tx, viewer.id, rules.invite);
    if (!limited.allowed) refuse(limited.message);
    const id = crypto.randomBytes(12).toString('base64url');
    await ctx.tx.insert(groupInvites).values({
      id,
      groupId: ctx.group.id,
      creatorId: viewer.id,
      expiresAt: input.expiresInHours ? new Date(Date.now() + input.expiresInHours * 3_600_000) : null,
      maxUses: input.maxUses || null,
    });
    await audit(ctx, 'invite.create', null, { invite: id, expiresInHours: input.expiresInHours, maxUses: input.maxUses });
    return { success: `/invite/${id}` };
  }),
);

export const revokeInviteAction = validatedActionWithUser(inviteRefSchema, async (input, viewer) => {
  const [invite] = await db.select().from(groupInvites).where(eq(groupInvites.id, input.inviteId));
  if (!invite) return { error: 'That invite link does not exist.' };
  return inGroup(viewer, invite.groupId, async (ctx) => {
    // People may revoke their own links; revoking others' takes the right to manage members.
    if (invite.creatorId !== viewer.id) demand(ctx, 'manage_members');
    else demand(ctx, 'invite');
    await ctx.tx.update(groupInvites).set({ revokedAt: new Date() }).where(eq(groupInvites.id, invite.id));
    await audit(ctx, 'invite.revoke', null, { invite: invite.id });
    return { success: 'Invite link revoked.' };
  });
});


const groupImageSchema = z.object({
  groupId: idSchema,
  kind: z.enum(['group_icon', 'group_banner']),
  cropX: z.coerce.number().min(0).max(1).optional(),
  cropY: z.coerce.number().min(0).max(1).optional(),
  cropWidth: z.coerce.number().gt(0).max(1).optional(),
  cropHeight: z.coerce.number().gt(0).max(1).optional(),
});

/** A group's icon or banner, through the same image pipeline as avatars (sniffed, bounded, re-encoded, metadata stripped). */
export const uploadGroupImageAction = validatedActionWithUser(groupImageSchema, async (input, viewer, formData) => {
  const file = formData.get('file');
  // Check the right before reading a byte of the upload.
  const pre = await inGroup(viewer, input.groupId, async (ctx) => void demand(ctx, 'manage_settings'));
  if (pre.error) return pre;
  const limited = await limitPerson(db, viewer.id, rules.upload);
  if (!limited.allowed) return { error: limited.message };
  if (!(file instanceof Blob) || file.size === 0) return { error: imageMessages.empty };
  if (file.size > imageLimits.maxBytes) return { error: imageMessages.too_large(file.size) };
  const crop = input.cropWidth && input.cropHeight ? { x: input.cropX ?? 0, y: input.cropY ?? 0, width: input.cropWidth, height: input.cropHeight } : undefined;
  let processed;
  try {
    processed = await processImage(new Uint8Array(await file.arrayBuffer()), { kind: input.kind, crop });
  } catch (error) {
    if (error instanceof ImageRejectedError) return { error: error.message };
    throw error;
  }
  return inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'manage_settings');
    const mediaId = await storeImage(ctx.tx, viewer.id, input.kind, processed);
    const column = input.kind === 'group_icon' ? 'iconMediaId' : 'bannerMediaId';
    const previous = ctx.group[column];
    await ctx.tx.update(groups).set({ [column]: mediaId }).where(eq(groups.id, ctx.group.id));
    if (previous) await ctx.tx.delete(media).where(eq(media.id, previous));
    await audit(ctx, input.kind === 'group_icon' ? 'group.icon' : 'group.banner');
    return { success: input.kind === 'group_icon' ? 'New icon saved.' : 'New banner saved.' };
  });
});

export const removeGroupImageAction = validatedActionWithUser(groupImageSchema.pick({ groupId: true, kind: true }), (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'manage_settings');
    const column = input.kind === 'group_icon' ? 'iconMediaId' : 'bannerMediaId';
    const previous = ctx.group[column];
    if (!previous) return { success: 'Nothing to remove.' };
    await ctx.tx.update(groups).set({ [column]: null }).where(eq(groups.id, ctx.group.id));
    await ctx.tx.delete(media).where(eq(media.id, previous));
    await audit(ctx, input.kind === 'group_icon' ? 'group.icon.remove' : 'group.banner.remove');
    return { success: input.kind === 'group_icon' ? 'Icon removed.' : 'Banner removed: the accent gradient is back.' };
  }),
);
