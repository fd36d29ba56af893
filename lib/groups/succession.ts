// When an owner's membership ends without a transfer (account erasure), the group still needs exactly one owner.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { groupMemberRoles, groupMembers, groupRoles } from '@/db/schema';

/** Makes the most senior remaining member (then the longest-standing) the owner. A group with no members keeps none. */
export async function transferToHeir(tx: Transaction, groupId: string) {
  const [heir] = await tx
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(eq(groupMembers.groupId, groupId))
    .orderBy(
      desc(sql`coalesce((select max(r.position) from ${groupMemberRoles} mr join ${groupRoles} r on r.id = mr.role_id where mr.group_id = ${groupMembers.groupId} and mr.user_id = ${groupMembers.userId}), 0)`),
      groupMembers.joinedAt,
    )
    .limit(1);
  if (!heir) return null;
  const [ownerRole] = await tx.select({ id: groupRoles.id }).from(groupRoles).where(and(eq(groupRoles.groupId, groupId), eq(groupRoles.builtin, 'owner')));
  await tx.insert(groupMemberRoles).values({ groupId, userId: heir.userId, roleId: ownerRole.id }).onConflictDoNothing();
  return heir.userId;
}
