// Loading what the permission function needs, in one or two queries, for pages and actions alike.
import { qualified } from '@/lib/sql';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { channels, groupBans, groupMemberRoles, groupMembers, groupRoles, groups, type Channel, type Group } from '@/db/schema';
import type { Actor, ChannelInfo, RoleInfo } from './permissions';

export type GroupWithActor = { group: Group; actor: Actor; roles: RoleInfo[] };

export async function findGroup(db: Executor, by: { id?: string; slug?: string }) {
  const where = by.id ? eq(groups.id, by.id) : eq(sql`lower(${groups.slug})`, (by.slug ?? '').toLowerCase());
  const [group] = await db.select().from(groups).where(where).limit(1);
  return group;
}

export async function listRoles(db: Executor, groupId: string): Promise<RoleInfo[]> {
  return db
    .select({ id: groupRoles.id, name: groupRoles.name, position: groupRoles.position, permissions: groupRoles.permissions, builtin: groupRoles.builtin, color: groupRoles.color })
    .from(groupRoles)
    .where(eq(groupRoles.groupId, groupId))
    .orderBy(sql`${groupRoles.position} desc`);
}

/** The person as the permission function sees them in this group. */
export async function loadActor(db: Executor, group: Pick<Group, 'id'>, userId: string | null, roles?: RoleInfo[]): Promise<Actor> {
  if (!userId) return { userId: null, isMember: false, isOwner: false, banned: false, roles: [] };
  const allRoles = roles ?? (await listRoles(db, group.id));
  const [row] = await db
    .select({
      member: sql<boolean>`exists (select 1 from ${groupMembers} where ${qualified(groupMembers.groupId)} = ${group.id} and ${qualified(groupMembers.userId)} = ${userId})`,
      banned: sql<boolean>`exists (select 1 from ${groupBans} where ${qualified(groupBans.groupId)} = ${group.id} and ${qualified(groupBans.userId)} = ${userId})`,
      roleIds: sql<string[]>`coalesce((select array_agg(${qualified(groupMemberRoles.roleId)}) from ${groupMemberRoles} where ${qualified(groupMemberRoles.groupId)} = ${group.id} and ${qualified(groupMemberRoles.userId)} = ${userId}), '{}')`,
    })
    .from(sql`(select 1) as one`);
  return actorOf(userId, row, allRoles);
}

function actorOf(userId: string, row: { member: unknown; banned: unknown; roleIds: unknown }, allRoles: RoleInfo[]): Actor {
  const isMember = Boolean(row.member);
  const held = new Set(isMember ? parseArray(row.roleIds) : []);
  const memberRoles = allRoles.filter((r) => held.has(r.id) || (isMember && r.builtin === 'member'));
  return { userId, isMember, isOwner: memberRoles.some((r) => r.builtin === 'owner'), banned: Boolean(row.banned), roles: memberRoles };
}

/**
 * Many people as the permission function sees them in one group, in two queries whatever their number (the live
 * streams ask this for every stream watching a group when a join request or report arrives). Same rows as loadActor.
 */
export async function loadActors(db: Executor, groupId: string, userIds: string[]): Promise<Map<string, Actor>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const allRoles = await listRoles(db, groupId);
  const rows = rowsOf<{ id: string; member: unknown; banned: unknown; role_ids: unknown }>(
    await db.execute(sql`
      select v.id,
        exists (select 1 from group_members gm where gm.group_id = ${groupId} and gm.user_id = v.id) as member,
        exists (select 1 from group_bans gb where gb.group_id = ${groupId} and gb.user_id = v.id) as banned,
        coalesce((select array_agg(gmr.role_id) from group_member_roles gmr where gmr.group_id = ${groupId} and gmr.user_id = v.id), '{}') as role_ids
      from json_array_elements_text(${JSON.stringify(unique)}::json) as v(id)`),
  );
  return new Map(rows.map((r) => [r.id, actorOf(r.id, { member: r.member, banned: r.banned, roleIds: r.role_ids }, allRoles)]));
}

/** postgres.js returns arrays; PGlite may too — but text[] from a subquery can arrive as '{a,b}'. */
export function parseArray(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  if (typeof value === 'string') return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((v) => v.replace(/^"|"$/g, ''));
  return [];
}

export async function loadGroupActor(db: Executor, by: { id?: string; slug?: string }, userId: string | null): Promise<GroupWithActor | null> {
  const group = await findGroup(db, by);
  if (!group) return null;
  const roles = await listRoles(db, group.id);
  return { group, roles, actor: await loadActor(db, group, userId, roles) };
}

export function channelInfo(channel: Pick<Channel, 'id' | 'name' | 'postRoleIds' | 'archivedAt'>): ChannelInfo {
  return { id: channel.id, name: channel.name, postRoleIds: channel.postRoleIds, archived: Boolean(channel.archivedAt) };
}

export async function findChannel(db: Executor, channelId: string) {
  const [channel] = await db.select().from(channels).where(eq(channels.id, channelId)).limit(1);
  return channel;
}

/** The top role position of a member (-1 for someone who is not a member). */
export async function memberPosition(db: Executor, groupId: string, userId: string, roles?: RoleInfo[]) {
  const actor = await loadActor(db, { id: groupId }, userId, roles);
  if (!actor.isMember) return -1;
  return actor.isOwner ? 1000 : Math.max(0, ...actor.roles.map((r) => r.position));
}
