'use server';
// Password reset and the confirmation link again: the Server Actions (the rules are in password-reset.ts and
// email-confirmation.ts).
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { db } from '@/db/client';
import { type ActionState, validatedAction, validatedActionWithUser } from '@/lib/action-state';
import { sendAddressConfirmation } from './email-confirmation';
import { originOf } from './origin';
import { answerPasswordResetRequest, resetPassword } from './password-reset';
import { forgotPasswordSchema, resetPasswordSchema } from './schemas';
import { requestAddress, throttleAddress } from './throttle';
import { z } from 'zod';

async function requestOrigin() {
  return originOf(await headers()) ?? 'http://localhost:3000';
}

/** "Forgot password?": anyone; the same answer whether or not an account uses the address (password-reset.ts). */
export const requestPasswordResetAction = validatedAction(forgotPasswordSchema, async ({ email }): Promise<ActionState> => {
  return answerPasswordResetRequest(db, { email, address: await requestAddress(), origin: await requestOrigin() }, (task) => after(task));
});

/** Sets a new password with a mailed link: anyone holding a link that is still good (rate-limited per address). */
export const resetPasswordAction = validatedAction(resetPasswordSchema, async ({ token, newPassword }): Promise<ActionState | void> => {
  const verdict = await throttleAddress(db, await requestAddress());
  if (!verdict.allowed) return { error: verdict.message };
  const result = await resetPassword(db, token, newPassword, await requestOrigin());
  if (!result.ok) return { error: result.message };
  redirect('/sign-in?reset=1');
});

/** Mails the confirmation link again, to the signed-in person's own unconfirmed address (3 an hour). */
export const resendConfirmationAction = validatedActionWithUser(
  z.object({}),
  async (_input, viewer): Promise<ActionState> => {
    const result = await sendAddressConfirmation(db, viewer.id, await requestOrigin());
    if (!result.ok) return { error: result.message };
    return { success: `We sent a new link to ${result.email}. It works for a day.` };
  },
);
