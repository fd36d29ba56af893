// When an owner's membership ends without a transfer (account erasure), the group passes on by a written rule, never
// silently: the new owner is told, and the group's audit log says why. Erasure must always be possible in one step,
// so it does not wait for the owner to hand their groups over first.
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { groupAuditLog, groupMemberRoles, groupRoles, groups } from '@/db/schema';
import { notify } from '@/lib/notifications/notify';

/** The rule, in words: shown on the erasure form before anyone confirms, and applied by heirOf below. */
export const successionRule =
  'the admin who has been an admin the longest; if there is none, the moderator who has been a moderator the longest; if there is none, the member who joined first';

/** What happens to a group the owner is alone in, in words: today it stays, with no members and no owner. */
export const aloneInGroupRule = 'it stays on Hearth with no owner and no members';

export type HeirStanding = 'admin' | 'moderator' | 'member';

const standingText: Record<HeirStanding, string> = {
  admin: 'its longest-serving admin',
  moderator: 'its longest-serving moderator',
  member: 'its longest-standing member',
};

export type Heir = { userId: string; handle: string; name: string; standing: HeirStanding; why: string };

/**
 * Who takes over a group when `leaving` (its owner) goes, by successionRule: built-in Admin before Moderator before
 * plain membership (custom roles do not count: their flags say nothing about running the group), each by how long
 * they have held it, then by who joined first. Null when nobody else is in the group.
 */
export async function heirOf(db: Executor, groupId: string, leaving: string): Promise<Heir | null> {
  const [row] = rowsOf<{ user_id: string; handle: string; name: string | null; standing: HeirStanding }>(
    await db.execute(sql`
      select gm.user_id, u.handle, u.name,
             case when adm.granted_at is not null then 'admin' when mdr.granted_at is not null then 'moderator' else 'member' end as standing
      from group_members gm
      join users u on u.id = gm.user_id
      left join lateral (select min(mr.granted_at) as granted_at from group_member_roles mr join group_roles r on r.id = mr.role_id
                         where mr.group_id = gm.group_id and mr.user_id = gm.user_id and r.builtin = 'admin') adm on true
      left join lateral (select min(mr.granted_at) as granted_at from group_member_roles mr join group_roles r on r.id = mr.role_id
                         where mr.group_id = gm.group_id and mr.user_id = gm.user_id and r.builtin = 'moderator') mdr on true
      where gm.group_id = ${groupId} and gm.user_id <> ${leaving}
      order by case when adm.granted_at is not null then 0 when mdr.granted_at is not null then 1 else 2 end,
               coalesce(adm.granted_at, mdr.granted_at, gm.joined_at), gm.joined_at, gm.user_id
      limit 1`),
  );
  if (!row) return null;
  return { userId: row.user_id, handle: row.handle, name: row.name ?? row.handle, standing: row.standing, why: standingText[row.standing] };
}

/** The groups this person owns, by name. */
export async function groupsOwnedBy(db: Executor, userId: string) {
  return db
    .select({ id: groups.id, name: groups.name, slug: groups.slug })
    .from(groupMemberRoles)
    .innerJoin(groupRoles, eq(groupRoles.id, groupMemberRoles.roleId))
    .innerJoin(groups, eq(groups.id, groupMemberRoles.groupId))
    .where(and(eq(groupMemberRoles.userId, userId), eq(groupRoles.builtin, 'owner')))
    .orderBy(groups.name, groups.id);
}

/**
 * Hands a group whose owner is leaving Hearth to its heir (heirOf): the Owner role, an entry in the group's audit log
 * saying ownership passed because the owner left (without the owner's name: their account is being erased), and a
 * notification to the new owner. Returns the heir, or null when nobody else is in the group (aloneInGroupRule).
 */
export async function passOwnership(tx: Executor, groupId: string, leaving: string): Promise<Heir | null> {
  const heir = await heirOf(tx, groupId, leaving);
  if (!heir) return null;
  const [group] = await tx.select({ name: groups.name, slug: groups.slug }).from(groups).where(eq(groups.id, groupId));
  const [ownerRole] = await tx.select({ id: groupRoles.id }).from(groupRoles).where(and(eq(groupRoles.groupId, groupId), eq(groupRoles.builtin, 'owner')));
  await tx.insert(groupMemberRoles).values({ groupId, userId: heir.userId, roleId: ownerRole.id }).onConflictDoNothing();
  await tx.insert(groupAuditLog).values({
    groupId,
    actorId: null,
    action: 'group.transfer',
    targetUserId: heir.userId,
    details: { reason: 'The owner left Hearth (account erased)', rule: `Ownership passed to ${heir.why}` },
  });
  await notify(tx, { userId: heir.userId, kind: 'ownership', groupId, link: `/g/${group.slug}/settings`, data: { group: group.name, heir: heir.why } });
  return heir;
}
