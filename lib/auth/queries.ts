import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { findEmailChange, pendingEmailChange } from './email-change';
import { findPendingSignUp } from './signup';
import type { Viewer } from './viewer';

/** The account page's facts: the address, whether there is a password, a change waiting for its link. */
export async function getAccountEmail(viewer: Viewer) {
  const [user] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  return { email: user.email, hasPassword: Boolean(user.passwordHash), pending: (await pendingEmailChange(db, viewer.id)) ?? null };
}

/** What a confirmation link asks, for the person it belongs to; null when it is unusable or someone else's. */
export async function getEmailChangeForLink(viewer: Viewer, token: string) {
  const row = await findEmailChange(db, token);
  if (!row || row.userId !== viewer.id) return null;
  return { newEmail: row.newEmail };
}

/** What a sign-up link will create, while it can still be finished; null otherwise. */
export async function getPendingSignUpForLink(token: string) {
  if (token.length < 20 || token.length > 200) return null;
  return (await findPendingSignUp(db, token)) ?? null;
}
