// Milestones a group defines for itself, evaluated like the built-in ones: posts in the group in the posting
// transaction, membership months and the founding day in the daily job. Each is awarded once (founding day: once a year).
import { and, count, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { groupMembers, groupMilestones, groups, posts, users } from '@/db/schema';
import { recordMilestone } from './award';
import { groupRuleKey, renderTemplate } from './templates';
import { anniversaryToday } from './daily';

type Definition = typeof groupMilestones.$inferSelect;

async function award(db: Executor, def: Definition, group: { name: string; slug: string }, userId: string, count: number, options: { scope?: string; earnedAt?: Date; quiet?: boolean } = {}) {
  const [person] = await db.select({ name: users.name, handle: users.handle }).from(users).where(eq(users.id, userId));
  const values = { name: person?.name ?? person?.handle ?? 'friend', count, group: group.name };
  const title = renderTemplate(def.title, values);
  const message = renderTemplate(def.message, values);
  return recordMilestone(db, {
    userId,
    rule: groupRuleKey(def.id),
    scope: options.scope ?? def.groupId,
    groupId: def.groupId,
    title,
    message,
    earnedAt: options.earnedAt,
    notice: { title, message: message || `A milestone in ${group.name}.` },
    link: `/g/${group.slug}`,
    count,
    quiet: options.quiet,
  });
}

/** After a post in a group: every "N posts in this group" milestone the person has now reached. */
export async function awardGroupPostMilestones(tx: Executor, userId: string, groupId: string, options: { quiet?: boolean } = {}) {
  const defs = await tx.select().from(groupMilestones).where(and(eq(groupMilestones.groupId, groupId), eq(groupMilestones.kind, 'group_posts')));
  if (defs.length === 0) return [];
  const [[{ n }], [group]] = await Promise.all([
    tx.select({ n: count() }).from(posts).where(and(eq(posts.authorId, userId), eq(posts.groupId, groupId), isNull(posts.removedAt))),
    tx.select({ name: groups.name, slug: groups.slug }).from(groups).where(eq(groups.id, groupId)),
  ]);
  const awarded: string[] = [];
  for (const def of defs) {
    if (Number(n) < def.threshold) continue;
    const id = await award(tx, def, group, userId, def.threshold, options);
    if (id) awarded.push(id);
  }
  return awarded;
}

/** The daily part: months of membership (caught up if a day was missed) and founding days (once a year per member). */
export async function runDailyGroupMilestones(db: Executor, now = new Date()) {
  let awarded = 0;
  const monthly = await db
    .select({ def: groupMilestones, userId: groupMembers.userId, group: groups.name, slug: groups.slug })
    .from(groupMilestones)
    .innerJoin(groups, eq(groups.id, groupMilestones.groupId))
    .innerJoin(groupMembers, eq(groupMembers.groupId, groupMilestones.groupId))
    .where(
      and(
        eq(groupMilestones.kind, 'membership_months'),
        lte(groupMembers.joinedAt, sql`${now.toISOString()}::timestamptz - make_interval(months => ${groupMilestones.threshold})`),
        sql`not exists (select 1 from milestones m where m.user_id = ${groupMembers.userId} and m.rule = 'group:' || ${groupMilestones.id})`,
      ),
    );
  for (const m of monthly) if (await award(db, m.def, { name: m.group, slug: m.slug }, m.userId, m.def.threshold, { earnedAt: now })) awarded++;

  const month = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  const founding = await db
    .select({ def: groupMilestones, userId: groupMembers.userId, group: groups.name, slug: groups.slug, foundedAt: groups.createdAt })
    .from(groupMilestones)
    .innerJoin(groups, eq(groups.id, groupMilestones.groupId))
    .innerJoin(groupMembers, eq(groupMembers.groupId, groupMilestones.groupId))
    .where(
      and(
        eq(groupMilestones.kind, 'founding_day'),
        sql`extract(month from ${groups.createdAt} at time zone 'UTC') = ${month} and extract(day from ${groups.createdAt} at time zone 'UTC') = ${day}`,
      ),
    );
  for (const f of founding) {
    const years = anniversaryToday(new Date(f.foundedAt), now);
    if (!years) continue;
    if (await award(db, f.def, { name: f.group, slug: f.slug }, f.userId, years, { scope: `${f.def.groupId}:${years}`, earnedAt: now })) awarded++;
  }
  return { awarded };
}
