// Count-based milestones, evaluated in the same transaction as the action that earns them.
import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { comments, groupMembers, milestones, posts, reactions } from '@/db/schema';
import { notify } from '@/lib/notifications/notify';
import { rulesUpTo, type MilestoneEvent } from './rules';

async function countFor(tx: Executor, userId: string, event: MilestoneEvent) {
  const q = (() => {
    switch (event) {
      case 'post':
        return tx.select({ n: count() }).from(posts).where(and(eq(posts.authorId, userId), isNull(posts.removedAt)));
      case 'comment':
        return tx.select({ n: count() }).from(comments).where(and(eq(comments.authorId, userId), isNull(comments.removedAt)));
      case 'reaction_received':
        return tx
          .select({ n: count() })
          .from(reactions)
          .innerJoin(posts, eq(posts.id, reactions.postId))
          .where(and(eq(posts.authorId, userId), ne(reactions.userId, userId)));
      case 'group_joined':
        return tx.select({ n: count() }).from(groupMembers).where(eq(groupMembers.userId, userId));
    }
  })();
  const [row] = await q;
  return Number(row?.n ?? 0);
}

/**
 * Awards every milestone the person's count has reached and they do not have yet. The unique index on
 * (person, rule, scope) makes an award happen exactly once, even when two actions race.
 */
export async function awardMilestones(tx: Executor, userId: string, event: MilestoneEvent, options: { quiet?: boolean } = {}) {
  const reached = rulesUpTo(event, await countFor(tx, userId, event));
  const awarded: string[] = [];
  for (const rule of reached) {
    const inserted = await tx.insert(milestones).values({ userId, rule: rule.key }).onConflictDoNothing().returning({ id: milestones.id });
    if (inserted.length === 0) continue;
    awarded.push(rule.key);
    if (options.quiet) continue;
    await notify(tx, { userId, kind: 'milestone', link: '/notifications', subjectId: inserted[0].id, data: { title: rule.title, message: rule.message } });
  }
  return awarded;
}

