// Milestones of a group as a community: awarded once each in the transaction that reaches them (first post,
// 10 / 100 / 1000 members) or by the daily job (founding anniversaries), and celebrated to its members in its colours.
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { groupAchievements, groupMembers, groups, posts } from '@/db/schema';
import { groupAchievementTitle, groupRulesReached, type GroupEvent } from './rules';

/** Counts the group's posts or members and records any group milestone reached exactly now. Returns their keys. */
export async function awardGroupAchievements(tx: Executor, groupId: string, event: GroupEvent, now = new Date()): Promise<string[]> {
  const [row] =
    event === 'group_post'
      ? await tx.select({ n: sql<number>`count(*)::int` }).from(posts).where(and(eq(posts.groupId, groupId), sql`${posts.removedAt} is null`))
      : await tx.select({ n: sql<number>`count(*)::int` }).from(groupMembers).where(eq(groupMembers.groupId, groupId));
  const reached = groupRulesReached(event, Number(row?.n ?? 0));
  if (reached.length === 0) return [];
  const added = await tx
    .insert(groupAchievements)
    .values(reached.map((r) => ({ groupId, rule: r.key, earnedAt: now })))
    .onConflictDoNothing()
    .returning({ rule: groupAchievements.rule });
  return added.map((a) => a.rule);
}

/** The daily job's part: groups founded on this day in an earlier year. Idempotent (one row per group and year). */
export async function awardFoundingDays(db: Executor, now = new Date()): Promise<number> {
  const iso = now.toISOString();
  const result = await db.execute(sql`
    insert into group_achievements (id, group_id, rule, earned_at)
    select gen_random_uuid()::text, g.id, 'founded_' || (extract(year from ${iso}::timestamptz at time zone 'UTC') - extract(year from g.created_at at time zone 'UTC'))::int, ${iso}::timestamptz
    from groups g
    where to_char(g.created_at at time zone 'UTC', 'MM-DD') = to_char(${iso}::timestamptz at time zone 'UTC', 'MM-DD')
      and extract(year from g.created_at at time zone 'UTC') < extract(year from ${iso}::timestamptz at time zone 'UTC')
    on conflict (group_id, rule) do nothing
    returning id`);
  return rowsOf(result).length;
}

export type GroupAchievementCard = { id: string; title: string; earnedAt: Date; group: { id: string; name: string; slug: string; accent: string } };

/** Recent milestones of the viewer's groups (or one group), for their celebration cards. */
export async function getGroupAchievements(db: Executor, viewerId: string, options: { groupId?: string; days?: number; now?: Date; limit?: number } = {}): Promise<GroupAchievementCard[]> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.days ?? 7) * 86_400_000);
  const mine = db.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.userId, viewerId));
  const rows = await db
    .select({ id: groupAchievements.id, rule: groupAchievements.rule, earnedAt: groupAchievements.earnedAt, groupId: groups.id, name: groups.name, slug: groups.slug, accent: groups.accentColor })
    .from(groupAchievements)
    .innerJoin(groups, eq(groups.id, groupAchievements.groupId))
    .where(and(gt(groupAchievements.earnedAt, since), options.groupId ? eq(groupAchievements.groupId, options.groupId) : undefined, inArray(groupAchievements.groupId, mine)))
    .orderBy(desc(groupAchievements.earnedAt))
    .limit(options.limit ?? 3);
  return rows.map((r) => ({ id: r.id, title: groupAchievementTitle(r.rule, r.name), earnedAt: new Date(r.earnedAt), group: { id: r.groupId, name: r.name, slug: r.slug, accent: r.accent } }));
}
