// The block rule, as SQL and as one lookup: a block works both ways (neither sees nor reaches the other), whoever made it.
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { userBlocks } from '@/db/schema';

/**
 * Whether the viewer and `other` (SQL naming a person id, written with its table's name when it sits in a
 * subquery) are separated by a block, in either direction. Two primary-key lookups. The viewer is an id, or SQL
 * naming one (the live streams decide for many viewers in one query: lib/live/audience.ts).
 */
export function blockedEitherWay(viewerId: string | SQL, other: SQL): SQL {
  return sql`exists (select 1 from user_blocks ub
    where (ub.blocker_id = ${viewerId} and ub.blocked_id = ${other}) or (ub.blocker_id = ${other} and ub.blocked_id = ${viewerId}))`;
}

/**
 * Whether the viewer may moderate content in the group `groupId` (SQL naming a group id): a role with "remove posts
 * and comments" (the owner holds every flag). Such moderators keep seeing, in their group, the posts and comments
 * of people they blocked or who blocked them — a block must not become a way to hide from moderation.
 */
export function moderatesGroup(viewerId: string | SQL, groupId: SQL): SQL {
  return sql`exists (select 1 from group_member_roles bmr join group_roles br on br.id = bmr.role_id
    where bmr.group_id = ${groupId} and bmr.user_id = ${viewerId} and 'remove_content' = any(br.permissions))`;
}

export type BlockState = 'you_blocked' | 'blocked_you' | null;

/** How `viewerId` and `otherId` stand: the viewer blocked them (wins when both did), they blocked the viewer, or neither. */
export async function blockBetween(db: Executor, viewerId: string, otherId: string): Promise<BlockState> {
  if (viewerId === otherId) return null;
  const rows = await db
    .select({ blockerId: userBlocks.blockerId })
    .from(userBlocks)
    .where(
      or(
        and(eq(userBlocks.blockerId, viewerId), eq(userBlocks.blockedId, otherId)),
        and(eq(userBlocks.blockerId, otherId), eq(userBlocks.blockedId, viewerId)),
      ),
    );
  if (rows.some((r) => r.blockerId === viewerId)) return 'you_blocked';
  return rows.length ? 'blocked_you' : null;
}
