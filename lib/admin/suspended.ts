// What a suspended person may still do: read why (/suspended), export their data, erase their account and sign out.
// Every Server Action passes validatedActionWithUser (lib/action-state.ts), which refuses them unless the action is
// one of those; the class guard test (lib/admin/suspended.db.test.ts) calls every action in the matrix to prove it.
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';

export const suspendedActionMessage = 'Your account is suspended, so this can’t be done. You can still read why, download your data or delete your account.';

export async function isSuspended(db: Executor, userId: string) {
  const [row] = await db.select({ at: users.suspendedAt }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(row?.at);
}

/** The suspension as the person reads it on /suspended. */
export async function suspensionOf(db: Executor, userId: string) {
  const [row] = await db.select({ at: users.suspendedAt, reason: users.suspensionReason }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.at ? { at: row.at, reason: row.reason ?? '' } : null;
}
