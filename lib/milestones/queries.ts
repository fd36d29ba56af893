import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { groups, milestones } from '@/db/schema';
import { milestoneTitle } from './rules';

export type Memory = { id: string; title: string; earnedAt: Date; onThisDay: boolean };

/** A person's memories: the milestones they earned, newest first, marking those that fall on today's date in an earlier year. */
export async function listMemories(userId: string, now = new Date()): Promise<Memory[]> {
  const rows = await db
    .select({ id: milestones.id, rule: milestones.rule, earnedAt: milestones.earnedAt, group: groups.name })
    .from(milestones)
    .leftJoin(groups, sql`${groups.id} = nullif(${milestones.scope}, '')`)
    .where(eq(milestones.userId, userId))
    .orderBy(desc(milestones.earnedAt))
    .limit(24);
  return rows.map((r) => {
    const earnedAt = new Date(r.earnedAt);
    const onThisDay = earnedAt.getUTCMonth() === now.getUTCMonth() && earnedAt.getUTCDate() === now.getUTCDate() && earnedAt.getUTCFullYear() < now.getUTCFullYear();
    return { id: r.id, title: milestoneTitle(r.rule, r.group), earnedAt, onThisDay };
  });
}
