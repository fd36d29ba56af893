// Count-based milestones, evaluated in the same transaction as the action that earns them.
import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { comments, groupMembers, posts, reactions } from '@/db/schema';
import { recordMilestone } from './award';
import { awardGroupPostMilestones } from './group-milestones';
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
 * (person, rule, scope) makes an award happen exactly once, even when two actions race. `groupId` is where the
 * action happened: its members may celebrate the milestone, its thank-you template is sent, and after a post there
 * the group's own "N posts" milestones are checked too.
 */
export async function awardMilestones(tx: Executor, userId: string, event: MilestoneEvent, options: { quiet?: boolean; groupId?: string | null } = {}) {
  const reached = rulesUpTo(event, await countFor(tx, userId, event));
  const awarded: string[] = [];
  for (const rule of reached) {
    const id = await recordMilestone(tx, {
      userId,
      rule: rule.key,
      groupId: options.groupId,
      notice: { title: rule.title, message: rule.message },
      link: '/feed',
      count: rule.threshold,
      quiet: options.quiet,
    });
    if (id) awarded.push(rule.key);
  }
  if (event === 'post' && options.groupId) await awardGroupPostMilestones(tx, userId, options.groupId, { quiet: options.quiet });
  return awarded;
}
