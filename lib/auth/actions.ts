'use server';

import { eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { AuthError } from 'next-auth';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { type ActionState, formValues, validatedAction, validatedActionWithUser } from '@/lib/action-state';
import { z } from 'zod';
import { oauthProviders, signIn, signOut } from './config';
import { hashPassword, verifyPassword } from './password';
import { changePasswordSchema, confirmEmailSchema, emailChangeSchema, safeRedirect, signInSchema, signUpSchema } from './schemas';
import { confirmEmailChange, emailChangeHours, requestEmailChange } from './email-change';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { env } from '@/lib/env';
import { limitPerson, rules } from '@/lib/rate-limit';
import { endAllSessions, endSession } from './sessions';
import { requestAddress, throttleSignIn, throttleSignUp } from './throttle';
import { createAccount, isHandleTaken } from './users';
import { getViewer } from './viewer';

const genericSignInError = 'That email and password don’t match an account. Check them and try again.';

async function signInWithPassword(email: string, password: string, redirectTo: string): Promise<ActionState | void> {
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean the credentials were refused.
    if (error instanceof AuthError) return { error: genericSignInError };
    throw error;
  }
}

export const signUpAction = validatedAction(signUpSchema, async (input, formData) => {
  const values = formValues(formData);
  const verdict = await throttleSignUp(db, await requestAddress());
  if (!verdict.allowed) return { error: verdict.message, values };
  if (await isHandleTaken(db, input.handle)) {
    return { error: 'Please fix the highlighted fields.', fieldErrors: { handle: `The handle @${input.handle} is taken — try another.` }, values };
  }
  const created = await createAccount(db, input);
  if (!created.ok) return { error: 'Please fix the highlighted fields.', fieldErrors: { [created.field]: created.message }, values };
  return signInWithPassword(input.email, input.password, '/welcome');
});

export const signInAction = validatedAction(signInSchema, async (input, formData) => {
  const verdict = await throttleSignIn(db, await requestAddress(), input.email);
  if (!verdict.allowed) return { error: verdict.message, values: formValues(formData) };
  const result = await signInWithPassword(input.email, input.password, safeRedirect(input.redirectTo));
  return result ? { ...result, values: formValues(formData) } : undefined;
});

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

/** Starts GitHub or Google sign-in — only for a provider that is configured. */
export async function oauthSignInAction(formData: FormData) {
  const parsed = oauthSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !oauthProviders[parsed.data.provider]) return;
  await signIn(parsed.data.provider, { redirectTo: safeRedirect(parsed.data.redirectTo) });
}

/**
 * Changes the password: the current one is required, every other session ends (the session version moves on),
 * and this device is signed in again with the new password so it stays signed in.
 */
export const changePasswordAction = validatedActionWithUser(changePasswordSchema, async (input, viewer) => {
  const [user] = await db.select().from(users).where(eq(users.id, viewer.id));
  const verdict = await throttleSignIn(db, await requestAddress(), user.email);
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
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (!host) return 'http://localhost:3000';
  const proto = h.get('x-forwarded-proto')?.split(',')[0].trim() ?? (host.startsWith('localhost') || host.startsWith('127.0.0.1') ? 'http' : 'https');
  return `${proto}://${host}`;
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
  redirect('/settings/account?email=changed');
});
