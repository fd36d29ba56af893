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

/**
 * The Server Actions a suspended person may still use, and why. Every other action in the authorization matrix
 * refuses them (lib/admin/suspended.db.test.ts walks them all).
 */
export const allowedWhileSuspended: Record<string, string> = {
  'lib/privacy/actions.ts#eraseAccountAction': 'deleting their account is always theirs to do',
  'lib/auth/actions.ts#signOutAction': 'signing out',
  'lib/auth/actions.ts#signOutEverywhereAction': 'signing out on every device',
  'lib/auth/actions.ts#oauthSignInAction': 'signing in (suspended people may sign in to read why)',
  'lib/auth/actions.ts#signInAction': 'signing in (suspended people may sign in to read why)',
  'lib/theme/actions.ts#setThemeAction': 'a light or dark cookie in their own browser, nothing stored',
  'lib/profiles/actions.ts#previewBioAction': 'renders text for a preview and stores nothing',
};
