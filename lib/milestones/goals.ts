// Personal goals: what counts, over which window, and whether this window's target is reached.
import { and, count, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { comments, goals, groupMembers, milestones, posts, reactions, type GoalKind, type GoalPeriod } from '@/db/schema';
import { notify } from '@/lib/notifications/notify';

export const goalLabels: Record<GoalKind, (n: number) => string> = {
  posts: (n) => `Post ${n} ${n === 1 ? 'time' : 'times'}`,
  comments: (n) => `Comment on ${n} ${n === 1 ? 'post' : 'posts'}`,
  groups_joined: (n) => `Join ${n} ${n === 1 ? 'group' : 'groups'}`,
  reactions_given: (n) => `React to ${n} ${n === 1 ? 'post' : 'posts'}`,
};

/** Start of the current week (Monday, UTC) or month. */
export function windowStart(period: GoalPeriod, now: Date) {
  if (period === 'month') return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const day = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
}

/** A key for the window, so a goal is celebrated once per week or month. */
export function windowKey(period: GoalPeriod, now: Date) {
  return windowStart(period, now).toISOString().slice(0, 10);
}

async function progressOf(db: Executor, userId: string, kind: GoalKind, since: Date) {
  const q = (() => {
    switch (kind) {
      case 'posts':
        return db.select({ n: count() }).from(posts).where(and(eq(posts.authorId, userId), gte(posts.createdAt, since), isNull(posts.removedAt)));
      case 'comments':
        return db.select({ n: sql<number>`count(distinct ${comments.postId})` }).from(comments).where(and(eq(comments.authorId, userId), gte(comments.createdAt, since)));
      case 'groups_joined':
        return db.select({ n: count() }).from(groupMembers).where(and(eq(groupMembers.userId, userId), gte(groupMembers.joinedAt, since)));
      case 'reactions_given':
        return db.select({ n: sql<number>`count(distinct ${reactions.postId})` }).from(reactions).where(and(eq(reactions.userId, userId), gte(reactions.createdAt, since)));
    }
  })();
  const [row] = await q;
  return Number(row?.n ?? 0);
}

export type GoalProgress = { id: string; kind: GoalKind; period: GoalPeriod; target: number; done: number; label: string; reached: boolean };

export type Goal = typeof goals.$inferSelect;

/** The person's goals, oldest first. */
export async function goalsOf(db: Executor, userId: string): Promise<Goal[]> {
  // Awaited here: a query builder is not a promise but runs again each time it is awaited (a cached value must not).
  return await db.select().from(goals).where(eq(goals.userId, userId)).orderBy(goals.createdAt);
}

export async function goalProgress(db: Executor, userId: string, now = new Date(), known?: Goal[]): Promise<GoalProgress[]> {
  const rows = known ?? (await goalsOf(db, userId));
  return Promise.all(
    rows.map(async (g) => {
      const done = await progressOf(db, userId, g.kind, windowStart(g.period, now));
      return { id: g.id, kind: g.kind, period: g.period, target: g.target, done: Math.min(done, g.target), label: `${goalLabels[g.kind](g.target)} this ${g.period}`, reached: done >= g.target };
    }),
  );
}

/** Celebrates each goal reached in its current window, once (a milestone scoped to the goal and window). */
export async function checkGoals(db: Executor, userId: string, now = new Date()) {
  for (const goal of await goalProgress(db, userId, now)) {
    if (!goal.reached) continue;
    const [row] = await db
      .insert(milestones)
      .values({ userId, rule: 'goal_reached', scope: `${goal.id}:${windowKey(goal.period, now)}` })
      .onConflictDoNothing()
      .returning({ id: milestones.id });
    if (row) await notify(db, { userId, kind: 'milestone', link: '/feed', subjectId: row.id, data: { title: 'Goal reached', message: `${goal.label} — done. Nicely done!` } });
  }
}
