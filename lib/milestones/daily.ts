// The daily job: date-based milestones (cake days, membership anniversaries). Idempotent — the unique index on
// (person, rule, scope) means running it twice on the same day awards nothing the second time.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { groupMembers, groups, users } from '@/db/schema';
import { awardFoundingDays } from './group-achievements';
import { recordMilestone } from './award';

export const anniversaryYears = [1, 2, 5] as const;

/** Whole years from `since` to `now` when today is its anniversary (UTC), else null. */
export function anniversaryToday(since: Date, now: Date): number | null {
  if (since.getUTCMonth() !== now.getUTCMonth() || since.getUTCDate() !== now.getUTCDate()) return null;
  const years = now.getUTCFullYear() - since.getUTCFullYear();
  return years > 0 ? years : null;
}

export async function runDailyMilestones(db: Executor, now = new Date()) {
  const month = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  let awarded = 0;

  const accounts = await db
    .select({ id: users.id, createdAt: users.createdAt })
    .from(users)
    .where(sql`extract(month from ${users.createdAt} at time zone 'UTC') = ${month} and extract(day from ${users.createdAt} at time zone 'UTC') = ${day}`);
  for (const account of accounts) {
    const years = anniversaryToday(new Date(account.createdAt), now);
    if (!years || !(anniversaryYears as readonly number[]).includes(years)) continue;
    const id = await recordMilestone(db, {
      userId: account.id,
      rule: `cake_day_${years}`,
      earnedAt: now,
      notice: { title: `Happy cake day — ${years} ${years === 1 ? 'year' : 'years'} on Hearth`, message: 'Thank you for being here.' },
      link: '/feed',
      count: years,
    });
    if (id) awarded++;
  }

  const memberships = await db
    .select({ userId: groupMembers.userId, groupId: groupMembers.groupId, joinedAt: groupMembers.joinedAt, group: groups.name, slug: groups.slug })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(sql`extract(month from ${groupMembers.joinedAt} at time zone 'UTC') = ${month}`, sql`extract(day from ${groupMembers.joinedAt} at time zone 'UTC') = ${day}`));
  for (const m of memberships) {
    const years = anniversaryToday(new Date(m.joinedAt), now);
    if (!years || !(anniversaryYears as readonly number[]).includes(years)) continue;
    const id = await recordMilestone(db, {
      userId: m.userId,
      rule: `membership_${years}`,
      scope: m.groupId,
      groupId: m.groupId,
      earnedAt: now,
      notice: { title: `${years} ${years === 1 ? 'year' : 'years'} in ${m.group}`, message: 'Thank you for all you bring to the group.' },
      link: `/g/${m.slug}`,
      count: years,
    });
    if (id) awarded++;
  }
  // The groups' own founding anniversaries, celebrated to their members.
  awarded += await awardFoundingDays(db, now);
  return { awarded };
}
