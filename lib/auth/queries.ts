import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { findEmailChange, pendingEmailChange } from './email-change';
import { addressConfirmation } from './email-confirmation';
import { findPasswordReset } from './password-reset';
import { findPendingSignUp } from './signup';
import type { Viewer } from './viewer';

/** The account page's facts: the address, whether there is a password, a change waiting for its link. */
export async function getAccountEmail(viewer: Viewer) {
  const [user] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  const pending = await pendingEmailChange(db, viewer.id);
  // A link confirming the current address (lib/auth/email-confirmation.ts) is not a change.
  return { email: user.email, hasPassword: Boolean(user.passwordHash), pending: pending && pending.newEmail !== user.email.toLowerCase() ? pending : null };
}

/** Whether a password reset link can still be used (the page asks for the new password only then). */
export async function getPasswordResetForLink(token: string) {
  if (token.length < 20 || token.length > 200) return false;
  return Boolean(await findPasswordReset(db, token));
}

/** What a confirmation link asks, for the person it belongs to; null when it is unusable or someone else's. */
export async function getEmailChangeForLink(viewer: Viewer, token: string) {
  const row = await findEmailChange(db, token);
  if (!row || row.userId !== viewer.id) return null;
  const confirmation = await addressConfirmation(db, viewer.id);
  return { newEmail: row.newEmail, sameAddress: confirmation?.email.toLowerCase() === row.newEmail };
}

/** What a sign-up link will create, while it can still be finished; null otherwise. */
export async function getPendingSignUpForLink(token: string) {
  if (token.length < 20 || token.length > 200) return null;
  return (await findPendingSignUp(db, token)) ?? null;
}
