'use server';

import { eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { AuthError } from 'next-auth';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { type ActionState, formValues, validatedAction, validatedActionWithUser } from '@/lib/action-state';
import { z } from 'zod';
import { oauthProviders, signIn, signOut } from './config';
import { AwaitingApproval, SecondFactorNeeded, SecondFactorRefused, SignInLimited, type SecondFactors } from './credentials';
import { awaitingApprovalMessage } from '@/lib/admin/registration';
import { hashPassword, verifyPassword } from './password';
import { changePasswordSchema, confirmEmailSchema, emailChangeSchema, finishSignUpSchema, safeRedirect, signInSchema, signUpSchema } from './schemas';
import { confirmEmailChange, emailChangeHours, requestEmailChange } from './email-change';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { limitPerson, rules } from '@/lib/rate-limit';
import { originOf } from './origin';
import { endAllSessions, endSession } from './sessions';
import { requestAddress, throttleAddress, throttleSignUp } from './throttle';
import { finishSignUp, signUpLinkHours, startSignUp } from './signup';
import { isHandleTaken } from './users';
import { getViewer } from './viewer';

const genericSignInError = 'That email and password don’t match an account. Check them and try again.';

/** The sign-in form's state: when the password was right and a second factor is needed, which ones the account has. */
export type SignInState = ActionState & { secondFactor?: SecondFactors };

async function signInWithPassword(
  email: string,
  password: string,
  redirectTo: string,
  secondFactor: { code?: string; passkey?: string } = {},
): Promise<SignInState | void> {
  try {
    await signIn('credentials', { email, password, redirectTo, ...(secondFactor.code ? { code: secondFactor.code } : {}), ...(secondFactor.passkey ? { passkey: secondFactor.passkey } : {}) });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean the credentials were refused.
    if (error instanceof SignInLimited) return { error: error.waitMessage };
    if (error instanceof SecondFactorNeeded) return { secondFactor: error.factors };
    if (error instanceof SecondFactorRefused) {
      return {
        secondFactor: error.factors,
        error: secondFactor.passkey
          ? 'That passkey didn’t confirm this sign-in. Try again, or use a code.'
          : 'That code didn’t work. Type the six digits your app shows now, or an unused recovery code.',
      };
    }
    if (error instanceof AwaitingApproval) return { error: awaitingApprovalMessage };
    if (error instanceof AuthError) return { error: genericSignInError };
    throw error;
  }
}

/**
 * Signing up answers the same whether or not the address has an account (lib/auth/signup.ts): "check your inbox".
 * Only the handle is checked here, and handles are public anyway.
 */
export const signUpAction = validatedAction(signUpSchema, async (input, formData): Promise<ActionState> => {
  const values = formValues(formData);
  const verdict = await throttleSignUp(db, await requestAddress());
  if (!verdict.allowed) return { error: verdict.message, values };
  if (await isHandleTaken(db, input.handle)) {
    return { error: 'Please fix the highlighted fields.', fieldErrors: { handle: `The handle @${input.handle} is taken — try another.` }, values };
  }
  const started = await startSignUp(db, input, await requestOrigin());
  if (started.refused) {
    const { field, message } = started.refused;
    return field ? { error: 'Please fix the highlighted fields.', fieldErrors: { [field === 'invite' ? 'inviteCode' : field]: message }, values } : { error: message, values };
  }
  return { success: `Check your inbox at ${input.email}: we sent a link to finish creating your account. It works for ${signUpLinkHours} hours.`, values };
});

/** Finishes a sign-up from the mailed link: the password chosen at sign-up, typed again, creates and signs in. */
export const finishSignUpAction = validatedAction(finishSignUpSchema, async ({ token, password }): Promise<ActionState | void> => {
  const verdict = await throttleAddress(db, await requestAddress());
  if (!verdict.allowed) return { error: verdict.message };
  const result = await finishSignUp(db, token, password);
  if (!result.ok) return result.field ? { error: 'Please fix the highlighted fields.', fieldErrors: { [result.field]: result.message } } : { error: result.message };
  if (result.held) return { success: `Your address is confirmed. ${awaitingApprovalMessage}` };
  return signInWithPassword(result.email, password, '/welcome');
});

// The limits are in the credentials provider's authorize (lib/auth/config.ts), which every way in passes.
// With two-factor sign-in, the form sends email and password again with the code or passkey (lib/auth/credentials.ts).
export const signInAction = validatedAction(signInSchema, async (input, formData) => {
  const result = await signInWithPassword(input.email, input.password, safeRedirect(input.redirectTo), { code: input.code, passkey: input.passkey });
  if (!result) return undefined;
  // What the person typed comes back, but not the code or the passkey's answer: those are spent or refused.
  const { code: _code, passkey: _passkey, ...values } = formValues(formData);
  return { ...result, values };
}) as (prev: SignInState, formData: FormData) => Promise<SignInState>;

export async function signOutAction() {
  await signOut({ redirectTo: '/' });
}

/** Ends every session of the caller, on every device, by bumping their session version. */
export async function signOutEverywhereAction() {
  const viewer = await getViewer();
  if (viewer) {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, viewer.id));
      await endAllSessions(tx, viewer.id);
    });
  }
  await signOut({ redirectTo: '/sign-in' });
}

const oauthSchema = z.object({ provider: z.enum(['github', 'google']), redirectTo: z.string().optional() });

/** Starts GitHub or Google sign-in — only for a provider that is configured; any other is answered, and nothing starts. */
export async function oauthSignInAction(formData: FormData): Promise<{ error: string } | undefined> {
  const parsed = oauthSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !oauthProviders[parsed.data.provider]) return { error: 'That way of signing in is not set up here.' };
  await signIn(parsed.data.provider, { redirectTo: safeRedirect(parsed.data.redirectTo) });
}

/**
 * Changes the password: the current one is required, every other session ends (the session version moves on),
 * and this device is signed in again with the new password so it stays signed in.
 */
export const changePasswordAction = validatedActionWithUser(changePasswordSchema, async (input, viewer) => {
  const [user] = await db.select().from(users).where(eq(users.id, viewer.id));
  const verdict = await throttleAddress(db, await requestAddress());
  if (!verdict.allowed) return { error: verdict.message };
  const perAccount = await limitPerson(db, viewer.id, rules.passwordChange);
  if (!perAccount.allowed) return { error: perAccount.message };
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { error: 'Please fix the highlighted fields.', fieldErrors: { currentPassword: 'That is not your current password.' } };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, viewer.id));
    await endAllSessions(tx, viewer.id);
  });
  await signInWithPassword(user.email, input.newPassword, '/settings/account?changed=1');
});

const endSessionSchema = z.object({ sessionId: z.string().min(1).max(100) });

/** Signs one of the caller's own sessions out; ending this browser's own session signs it out here too. */
export const endSessionAction = validatedActionWithUser(endSessionSchema, async ({ sessionId }, viewer) => {
  if (!(await endSession(db, viewer.id, sessionId))) return { error: 'That session has already ended.' };
  if (sessionId === viewer.sessionId) await signOut({ redirectTo: '/sign-in' });
  revalidatePath('/settings/privacy');
  return { success: 'Signed out on that device.' };
});

/** Where links in mail point: AUTH_URL when set, else the address this request came to. */
async function requestOrigin() {
  return originOf(await headers()) ?? 'http://localhost:3000';
}

/** Asks to change the email address: the current password is required, and a link goes to the new address. */
export const requestEmailChangeAction = validatedActionWithUser(emailChangeSchema, async (input, viewer, formData): Promise<ActionState> => {
  const values = formValues(formData);
  const limited = await limitPerson(db, viewer.id, rules.emailChange);
  if (!limited.allowed) return { error: limited.message, values };
  const [user] = await db.select().from(users).where(eq(users.id, viewer.id));
  if (!user.passwordHash) return { error: 'Your account signs in with GitHub or Google and has no password here, so its address changes there.', values };
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { error: 'Please fix the highlighted fields.', fieldErrors: { currentPassword: 'That is not your current password.' }, values };
  }
  if (input.newEmail === user.email.toLowerCase()) return { error: 'Please fix the highlighted fields.', fieldErrors: { newEmail: 'That is already your email address.' }, values };
  await requestEmailChange(db, user, input.newEmail, await requestOrigin());
  revalidatePath('/settings/account');
  return { success: `We sent a link to ${input.newEmail}. Open it within ${emailChangeHours} hours to confirm; until then your address stays ${user.email}.` };
});

/** Confirms a change of address with the link's token, for the person who asked for it. */
export const confirmEmailChangeAction = validatedActionWithUser(confirmEmailSchema, async ({ token }, viewer) => {
  const limited = await limitPerson(db, viewer.id, rules.emailConfirm);
  if (!limited.allowed) return { error: limited.message };
  const result = await confirmEmailChange(db, viewer, token);
  if (!result.ok) return { error: result.message };
  revalidatePath('/settings/privacy');
  // The link is used up now: the account page says what happened.
  redirect(result.email === result.previous ? '/settings/account?email=confirmed' : '/settings/account?email=changed');
});
