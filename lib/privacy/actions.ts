'use server';
// Server Actions of the privacy dashboard. Each acts only on the signed-in person; none takes a user id from the form.
import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { type ActionState, formValues, validatedActionWithUser } from '@/lib/action-state';
import { signOut } from '@/lib/auth/config';
import { verifyPassword } from '@/lib/auth/password';
import { requestAddress, throttleSignIn } from '@/lib/auth/throttle';
import { eraseAccount } from './erase';
import { eraseAccountSchema, freshSignInMinutes } from './schemas';

const fix = 'Please fix the highlighted fields.';

/**
 * Erases the caller's account: their password (or, without one, a sign-in in the last few minutes) and their
 * handle typed out; then everything goes in one transaction and every session ends with the account row.
 */
export const eraseAccountAction = validatedActionWithUser(eraseAccountSchema, async (input, viewer, formData): Promise<ActionState | void> => {
  const values = formValues(formData);
  const [user] = await db.select().from(users).where(eq(users.id, viewer.id)).limit(1);
  if (!user) return { error: 'Your session has ended — please sign in again.' };
  const typed = input.confirmHandle.replace(/^@/, '').toLowerCase();
  if (typed !== user.handle.toLowerCase()) {
    return { error: fix, fieldErrors: { confirmHandle: `Type your handle, ${user.handle}, exactly as shown to confirm.` }, values };
  }
  if (user.passwordHash) {
    const verdict = await throttleSignIn(db, await requestAddress(), user.email);
    if (!verdict.allowed) return { error: verdict.message, values };
    if (!input.password) return { error: fix, fieldErrors: { password: 'Enter your password.' }, values };
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      return { error: fix, fieldErrors: { password: 'That is not your password.' }, values };
    }
  } else if (!viewer.signedInAt || Date.now() - viewer.signedInAt > freshSignInMinutes * 60_000) {
    return { error: `For your safety, sign out and sign in again, then delete your account within ${freshSignInMinutes} minutes.` };
  }
  await eraseAccount(db, user.id, { keepContent: input.content === 'keep' });
  revalidatePath('/', 'layout');
  await signOut({ redirectTo: '/?erased=1' });
});
