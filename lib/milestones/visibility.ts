// Who may see a milestone: as a celebration card (people close to the person), and on the profile (Memories).
// SQL predicates shared by the queries and the actions, so what a page shows and what an action accepts agree.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { milestones, profiles, users } from '@/db/schema';
import { blockedEitherWay } from '@/lib/blocks/rule';
import { consentInfo } from '@/lib/privacy/consent';
import { canSeeProfile } from '@/lib/profiles/visibility';

/** Personal goals are the person's own business: never celebrated to others. */
export const privateRules = ['goal_reached'];

/**
 * The person agreed to public celebrations — the `public_celebrations` consent as consentsOf() reads it: the stored
 * answer, else the default.
 */
export function celebrationsAllowed(userId: SQL | string | typeof milestones.userId): SQL {
  const fallback = consentInfo.public_celebrations.default ? sql`true` : sql`false`;
  return sql`coalesce((select c.granted from consents c where c.user_id = ${userId} and c.kind = 'public_celebrations'), ${fallback})`;
}

/**
 * A milestone celebrated to `viewerId` (someone else, with no block between them): the person allows public celebrations, did not keep this
 * milestone to themself, and the viewer is close to them — a co-member of the group it happened in, or a follower
 * (for a group milestone only when the group is public, so a follower learns nothing of private groups). The viewer
 * is an id, or SQL naming one (the live streams decide for many viewers at once: lib/live/audience.ts).
 */
export function celebratedTo(viewerId: string | SQL): SQL {
  return sql`(
    ${milestones.userId} <> ${viewerId}
    and not ${blockedEitherWay(viewerId, sql.raw('"milestones"."user_id"'))}
    and ${milestones.visibility} <> 'only_me'
    and ${milestones.rule} not in (${sql.join(privateRules.map((r) => sql`${r}`), sql`, `)})
    and ${celebrationsAllowed(milestones.userId)}
    and (
      (${milestones.groupId} is not null and exists (select 1 from group_members gm where gm.group_id = ${milestones.groupId} and gm.user_id = ${viewerId}))
      or (
        exists (select 1 from follows f where f.follower_id = ${viewerId} and f.followee_id = ${milestones.userId})
        and (${milestones.groupId} is null or exists (select 1 from groups g2 where g2.id = ${milestones.groupId} and g2.visibility = 'public'))
      )
    )
  )`;
}

/**
 * A milestone celebrated on its group's page to `viewerId`: their own, or — unless kept to its person, or a goal —
 * one of a co-member who allows public celebrations, with no block between them. Over `milestones` under its own name.
 */
export function celebratedInGroupTo(viewerId: string | SQL): SQL {
  return sql`(
    ${milestones.groupId} is not null
    and ${milestones.rule} not in (${sql.join(privateRules.map((r) => sql`${r}`), sql`, `)})
    and (
      ${milestones.userId} = ${viewerId}
      or (
        ${milestones.visibility} <> 'only_me'
        and ${celebrationsAllowed(milestones.userId)}
        and exists (select 1 from group_members gm where gm.group_id = ${milestones.groupId} and gm.user_id = ${viewerId})
        and not ${blockedEitherWay(viewerId, sql.raw('"milestones"."user_id"'))}
      )
    )
  )`;
}

/** Whether a milestone shows in the person's Memories to this viewer (null: signed out). */
export function memoryVisible(m: { visibility: string; rule: string }, viewerId: string | null, ownerId: string) {
  if (viewerId === ownerId) return true;
  if (m.visibility === 'only_me' || privateRules.includes(m.rule)) return false;
  return m.visibility === 'everyone' || viewerId !== null;
}

/**
 * Where the viewer may see this milestone: on a celebration card (`celebrated` — the test for congratulating) or in
 * Memories on a profile they may see (`onProfile`); either lets them send a thank-you note. Null when it is gone.
 */
export async function milestoneSeenBy(db: Executor, viewerId: string, milestoneId: string) {
  const [row] = await db
    .select({
      milestone: milestones,
      ownerHandle: users.handle,
      ownerName: users.name,
      profileVisibility: profiles.visibility,
      showMilestones: profiles.showMilestones,
      celebrated: sql<boolean>`${celebratedTo(viewerId)}`,
      blocked: sql<boolean>`${blockedEitherWay(viewerId, sql.raw('"milestones"."user_id"'))}`,
    })
    .from(milestones)
    .innerJoin(users, eq(users.id, milestones.userId))
    .leftJoin(profiles, eq(profiles.userId, milestones.userId))
    .where(and(eq(milestones.id, milestoneId)))
    .limit(1);
  if (!row) return null;
  const m = row.milestone;
  // Across a block neither sees the other's profile (lib/profiles/queries.ts getProfile), so neither its Memories.
  const onProfile = !row.blocked && canSeeProfile(row.profileVisibility ?? 'members', viewerId, m.userId) && (row.showMilestones ?? true) && memoryVisible(m, viewerId, m.userId);
  return { ...m, ownerHandle: row.ownerHandle, ownerName: row.ownerName ?? row.ownerHandle, celebrated: Boolean(row.celebrated), onProfile };
}
