'use server';
// Blocking and unblocking a person. A block is the blocker's own row; what it does, both ways, is in lib/blocks/rule.ts.
import { and, eq, or, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { db } from '@/db/client';
import { follows, userBlocks, users } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action-state';
import { forgetPerson } from '@/lib/cache/person-cache';
import { deletedMemberId } from '@/lib/privacy/registry';
import { blockSchema } from './schemas';

function refresh(handle: string) {
  revalidatePath(`/u/${handle}`);
  revalidatePath('/settings/blocked');
  revalidatePath('/feed');
}

/**
 * Blocks a person: from now on neither sees the other's posts, comments or profile, and neither can reply to,
 * mention, follow or congratulate the other. Follows both ways end with it (they do not come back on unblocking).
 * Nothing else is removed: past reactions stay counted, comments stay for everyone else.
 */
export const blockPersonAction = validatedActionWithUser(blockSchema, async (input, viewer) => {
  if (input.userId === viewer.id) return { error: 'You cannot block yourself.' };
  const [target] = await db.select({ id: users.id, handle: users.handle }).from(users).where(eq(users.id, input.userId));
  if (!target || target.id === deletedMemberId) return { error: 'That person no longer has an account.' };
  await db.transaction(async (tx) => {
    await tx.insert(userBlocks).values({ blockerId: viewer.id, blockedId: target.id }).onConflictDoNothing();
    await tx
      .delete(follows)
      .where(
        or(and(eq(follows.followerId, viewer.id), eq(follows.followeeId, target.id)), and(eq(follows.followerId, target.id), eq(follows.followeeId, viewer.id))),
      );
    // Both For you lists are ranked again (the next read hides the other's posts either way), and the blocked
    // person's cached suggestions are recomputed without the blocker.
    await tx.execute(sql`update for_you_lists set stale = true where user_id in (${viewer.id}, ${target.id})`);
    await forgetPerson(tx, target.id);
  });
  refresh(target.handle);
  return { success: `You blocked @${target.handle}. Neither of you will see the other’s posts or comments, and they cannot reach you. They are not told.` };
}, { invalidates: ['personCache'] });

/** Ends a block the viewer made. Follows removed by the block do not come back. */
export const unblockPersonAction = validatedActionWithUser(blockSchema, async (input, viewer) => {
  const gone = await db
    .delete(userBlocks)
    .where(and(eq(userBlocks.blockerId, viewer.id), eq(userBlocks.blockedId, input.userId)))
    .returning({ blockedId: userBlocks.blockedId });
  if (!gone.length) return { error: 'You have not blocked that person.' };
  const [target] = await db.select({ handle: users.handle }).from(users).where(eq(users.id, input.userId));
  await db.execute(sql`update for_you_lists set stale = true where user_id in (${viewer.id}, ${input.userId})`);
  await forgetPerson(db, input.userId);
  if (target) refresh(target.handle);
  return { success: target ? `You unblocked @${target.handle}.` : 'Unblocked.' };
}, { invalidates: ['personCache'] });
