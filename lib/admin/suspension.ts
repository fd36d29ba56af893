// Suspending an account: the person keeps their data and may still sign in, but only to read why, export their
// data and delete their account (enforced by the viewer and every action; see lib/admin). Every suspension and
// lifting of one is written to the instance audit log. Callers authorize (canModerateInstance) and run this inside
// their transaction.
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { instanceAuditLog, users } from '@/db/schema';
import { forgetPerson } from '@/lib/cache/person-cache';

export type SuspensionOutcome = 'suspended' | 'already' | 'missing' | 'refused';

/** Suspends `userId` with a reason. Admins cannot be suspended (remove their role first); moderators only by admins. */
export async function suspendAccount(
  tx: Transaction,
  input: { actorId: string; actorRole: 'admin' | 'moderator'; userId: string; reason: string; via?: Record<string, unknown> },
): Promise<SuspensionOutcome> {
  const [target] = await tx.select({ id: users.id, role: users.instanceRole, suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, input.userId)).for('update');
  if (!target) return 'missing';
  if (target.id === input.actorId || target.role === 'admin' || (target.role === 'moderator' && input.actorRole !== 'admin')) return 'refused';
  if (target.suspendedAt) return 'already';
  await tx
    .update(users)
    .set({ suspendedAt: sql`now()`, suspensionReason: input.reason, suspendedById: input.actorId })
    .where(and(eq(users.id, input.userId), isNull(users.suspendedAt)));
  await tx.insert(instanceAuditLog).values({ actorId: input.actorId, action: 'suspend', targetUserId: input.userId, details: { reason: input.reason, ...input.via } });
  await forgetPerson(tx, input.userId);
  return 'suspended';
}

/** Lifts a suspension; returns false when the account was not suspended. */
export async function unsuspendAccount(tx: Transaction, input: { actorId: string; userId: string; reason: string }): Promise<boolean> {
  const lifted = await tx
    .update(users)
    .set({ suspendedAt: null, suspensionReason: null, suspendedById: null })
    .where(and(eq(users.id, input.userId), isNotNull(users.suspendedAt)))
    .returning({ id: users.id });
  if (lifted.length === 0) return false;
  await tx.insert(instanceAuditLog).values({ actorId: input.actorId, action: 'unsuspend', targetUserId: input.userId, details: { reason: input.reason } });
  await forgetPerson(tx, input.userId);
  return true;
}
