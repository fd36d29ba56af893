// Banning someone from a group: shared by the Bans tab (banMemberAction) and the report queue. Runs in the group's
// transaction, checks the caller outranks the person, and writes the audit log and the notice to them.
import { and, eq } from 'drizzle-orm';
import { groupBans, groupJoinRequests, groupMemberRoles, groupMembers } from '@/db/schema';
import { notify } from '@/lib/notifications/notify';
import { memberPosition } from './context';
import { audit, demand, refuse, type GroupCtx } from './guard';

export async function banFromGroup(ctx: GroupCtx, userId: string, reason: string, details: Record<string, unknown> = {}) {
  if (userId === ctx.viewer.id) refuse('You cannot ban yourself.');
  const position = await memberPosition(ctx.tx, ctx.group.id, userId, ctx.roles);
  demand(ctx, 'act_on_member', { memberPosition: position });
  await ctx.tx.delete(groupMemberRoles).where(and(eq(groupMemberRoles.groupId, ctx.group.id), eq(groupMemberRoles.userId, userId)));
  await ctx.tx.delete(groupMembers).where(and(eq(groupMembers.groupId, ctx.group.id), eq(groupMembers.userId, userId)));
  await ctx.tx.delete(groupJoinRequests).where(and(eq(groupJoinRequests.groupId, ctx.group.id), eq(groupJoinRequests.userId, userId), eq(groupJoinRequests.status, 'pending')));
  await ctx.tx
    .insert(groupBans)
    .values({ groupId: ctx.group.id, userId, reason, bannedBy: ctx.viewer.id })
    .onConflictDoUpdate({ target: [groupBans.groupId, groupBans.userId], set: { reason, bannedBy: ctx.viewer.id } });
  await audit(ctx, 'member.ban', userId, { reason, ...details });
  await notify(ctx.tx, { userId, kind: 'moderation', actorId: ctx.viewer.id, groupId: ctx.group.id, link: `/g/${ctx.group.slug}`, data: { what: 'ban', reason, group: ctx.group.name } });
}
