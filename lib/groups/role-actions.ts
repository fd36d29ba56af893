'use server';

import { and, eq, lt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { groupMemberRoles, groupRoles } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action-state';
import { memberPosition } from './context';
import { audit, demand, inGroup, refuse, refuseIfTaken, type GroupCtx } from './guard';
import { topPosition, type Permission } from './permissions';
import { roleAssignSchema, roleRefSchema, roleSchema, roleUpdateSchema } from './schemas';

/** Nobody hands out a permission they do not have themselves (the owner has them all). */
function checkGrantable(ctx: GroupCtx, permissions: Permission[]) {
  if (ctx.actor.isOwner) return;
  const own = new Set(ctx.actor.roles.flatMap((r) => r.permissions));
  const extra = permissions.filter((p) => !own.has(p));
  if (extra.length) refuse(`You cannot grant permissions you do not have: ${extra.join(', ')}.`);
}

async function loadRole(roleId: string) {
  const [role] = await db.select().from(groupRoles).where(eq(groupRoles.id, roleId));
  return role;
}

/** Role names are unique in a group, whatever their case (group_roles_name_key). */
const unlessNameTaken = <T>(write: PromiseLike<T>, name: string) =>
  refuseIfTaken(write, 'group_roles_name_key', 'name', `There is already a role called ${name} in this group — choose another name.`);

export const createRoleAction = validatedActionWithUser(roleSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'manage_roles');
    checkGrantable(ctx, input.permissions);
    // A new role goes just below the creator's highest role (and above Member), shifting lower custom roles down.
    const ceiling = ctx.actor.isOwner ? 100 : topPosition(ctx.actor);
    const position = Math.max(1, ceiling - 1);
    await ctx.tx
      .update(groupRoles)
      .set({ position: sql`${groupRoles.position} - 1` })
      .where(and(eq(groupRoles.groupId, ctx.group.id), sql`${groupRoles.builtin} is null`, lt(groupRoles.position, ceiling), sql`${groupRoles.position} > 1`));
    // A taken name rolls back the shift above as well.
    await unlessNameTaken(ctx.tx.insert(groupRoles).values({ groupId: ctx.group.id, name: input.name, color: input.color, permissions: input.permissions, position }), input.name);
    await audit(ctx, 'role.create', null, { name: input.name, permissions: input.permissions });
    return { success: `Role ${input.name} created.` };
  }),
);

export const updateRoleAction = validatedActionWithUser(roleUpdateSchema, async (input, viewer) => {
  const role = await loadRole(input.roleId);
  if (!role) return { error: 'That role no longer exists.' };
  return inGroup(viewer, role.groupId, async (ctx) => {
    if (role.builtin === 'owner') refuse('The owner role always has every permission and cannot be edited.');
    demand(ctx, 'edit_role', { rolePosition: role.position });
    checkGrantable(ctx, input.permissions);
    await unlessNameTaken(
      ctx.tx.update(groupRoles).set({ name: role.builtin ? role.name : input.name, color: input.color, permissions: input.permissions }).where(eq(groupRoles.id, role.id)),
      input.name,
    );
    await audit(ctx, 'role.update', null, { role: role.name, permissions: input.permissions });
    return { success: `Role ${role.builtin ? role.name : input.name} saved.` };
  });
});

export const deleteRoleAction = validatedActionWithUser(roleRefSchema, async (input, viewer) => {
  const role = await loadRole(input.roleId);
  if (!role) return { error: 'That role no longer exists.' };
  return inGroup(viewer, role.groupId, async (ctx) => {
    if (role.builtin) refuse('Built-in roles cannot be deleted.');
    demand(ctx, 'edit_role', { rolePosition: role.position });
    await ctx.tx.delete(groupRoles).where(eq(groupRoles.id, role.id));
    await audit(ctx, 'role.delete', null, { role: role.name });
    return { success: `Role ${role.name} deleted.` };
  });
});

async function assignmentChecks(ctx: GroupCtx, input: { userId: string; roleId: string }) {
  const role = ctx.roles.find((r) => r.id === input.roleId);
  if (!role) refuse('That role does not belong to this group.');
  if (role.builtin === 'owner') refuse('To hand over the group, use “Transfer ownership”.');
  if (role.builtin === 'member') refuse('Every member holds the Member role.');
  const position = await memberPosition(ctx.tx, ctx.group.id, input.userId, ctx.roles);
  if (position < 0) refuse('That person is not a member.');
  demand(ctx, 'assign_role', { rolePosition: role.position });
  if (input.userId !== ctx.viewer.id) demand(ctx, 'act_on_member', { memberPosition: position });
  return role;
}

export const assignRoleAction = validatedActionWithUser(roleAssignSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    const role = await assignmentChecks(ctx, input);
    await ctx.tx.insert(groupMemberRoles).values({ groupId: ctx.group.id, userId: input.userId, roleId: role.id }).onConflictDoNothing();
    await audit(ctx, 'role.assign', input.userId, { role: role.name });
    return { success: `Gave them the ${role.name} role.` };
  }),
);

export const unassignRoleAction = validatedActionWithUser(roleAssignSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    const role = await assignmentChecks(ctx, input);
    await ctx.tx.delete(groupMemberRoles).where(and(eq(groupMemberRoles.groupId, ctx.group.id), eq(groupMemberRoles.userId, input.userId), eq(groupMemberRoles.roleId, role.id)));
    await audit(ctx, 'role.unassign', input.userId, { role: role.name });
    return { success: `Took the ${role.name} role away.` };
  }),
);
