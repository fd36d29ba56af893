'use server';
// Two-factor sign-in from the account page: each action checks who calls, and changes only their own settings.
// Turning it off or making new recovery codes asks for the password or a code, so a session left open on a shared
// computer is not enough.
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isSuspended, suspendedActionMessage } from '@/lib/admin/suspended';
import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { type ActionState, validatedActionWithUser } from '@/lib/action-state';
import { consume, limitPerson, rules } from '@/lib/rate-limit';
import { originOf } from '../origin';
import { verifyPassword } from '../password';
import { requestAddress } from '../throttle';
import { getViewer } from '../viewer';
import { passkeyRegistrationOptions, passkeySignInOptions, registerPasskey, relyingPartyOf, removePasskey } from './passkeys';
import { confirmTotp, disableTotp, replaceRecoveryCodes, secondFactorsOf, startTotpSetup, spendSecondFactorCode } from './store';

/** State of a two-factor form: recovery codes appear here the one time they can be read. */
export type TwoFactorState = ActionState & { recoveryCodes?: string[] };

const page = '/settings/account';

async function relyingParty() {
  const origin = originOf(await headers());
  return origin ? relyingPartyOf(origin) : null;
}

const noInput = z.object({});

export const startTotpSetupAction = validatedActionWithUser(noInput, async (_input, viewer): Promise<ActionState> => {
  const started = await startTotpSetup(db, viewer.id);
  if (!started.ok) return { error: started.message };
  revalidatePath(page);
  return { success: 'Scan the code with your authenticator app, then type the six digits it shows.' };
});

const codeSchema = z.object({ code: z.string().trim().min(1, 'Type the code your app shows.').max(40, 'That code is too long.') });

export const confirmTotpAction = validatedActionWithUser(codeSchema, async ({ code }, viewer): Promise<TwoFactorState> => {
  const limited = await limitPerson(db, viewer.id, rules.twoFactorChange);
  if (!limited.allowed) return { error: limited.message };
  const confirmed = await confirmTotp(db, viewer.id, code);
  if (!confirmed.ok) return { error: 'Please fix the highlighted fields.', fieldErrors: { code: confirmed.message } };
  revalidatePath(page);
  return { success: 'Two-factor sign-in is on. Keep these recovery codes somewhere safe.', recoveryCodes: confirmed.recoveryCodes };
}) as (prev: TwoFactorState, formData: FormData) => Promise<TwoFactorState>;

const identitySchema = z.object({
  password: z.string().max(200).optional(),
  code: z.string().trim().max(40, 'That code is too long.').optional(),
});

/** The password or a current code (app or recovery), under the person's limit; a message when neither is right. */
async function confirmIdentity(userId: string, input: z.infer<typeof identitySchema>): Promise<string | null> {
  if (!input.password && !input.code) return 'Type your password or a code from your app to confirm it is you.';
  const limited = await limitPerson(db, userId, rules.twoFactorChange);
  if (!limited.allowed) return limited.message;
  if (input.password) {
    const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
    return (await verifyPassword(user?.passwordHash, input.password)) ? null : 'That is not your password.';
  }
  return (await spendSecondFactorCode(db, userId, input.code!)) ? null : 'That code didn’t work. Type the six digits your app shows now, or an unused recovery code.';
}

export const regenerateRecoveryCodesAction = validatedActionWithUser(identitySchema, async (input, viewer): Promise<TwoFactorState> => {
  if (!(await secondFactorsOf(db, viewer.id))) return { error: 'Turn on two-factor sign-in first.' };
  const refused = await confirmIdentity(viewer.id, input);
  if (refused) return { error: refused };
  const codes = await db.transaction((tx) => replaceRecoveryCodes(tx, viewer.id));
  revalidatePath(page);
  return { success: 'New recovery codes: the old ones no longer work.', recoveryCodes: codes };
}) as (prev: TwoFactorState, formData: FormData) => Promise<TwoFactorState>;

export const disableTotpAction = validatedActionWithUser(identitySchema, async (input, viewer): Promise<ActionState> => {
  const refused = await confirmIdentity(viewer.id, input);
  if (refused) return { error: refused };
  await db.transaction((tx) => disableTotp(tx, viewer.id));
  revalidatePath(page);
  return { success: 'Your authenticator app no longer signs you in.' };
});

const removePasskeySchema = z.object({ passkeyId: z.string().min(1).max(100) });

export const removePasskeyAction = validatedActionWithUser(removePasskeySchema, async ({ passkeyId }, viewer): Promise<ActionState> => {
  const removed = await db.transaction((tx) => removePasskey(tx, viewer.id, passkeyId));
  if (!removed) return { error: 'That passkey is already gone.' };
  revalidatePath(page);
  return { success: 'Passkey removed.' };
});

/** Options for the browser to create a passkey for the signed-in person (a challenge kept for five minutes). */
export async function passkeyRegistrationOptionsAction(): Promise<{ options: PublicKeyCredentialCreationOptionsJSON } | { error: string }> {
  const viewer = await getViewer();
  if (!viewer) return { error: 'Your session has ended — please sign in again.' };
  // Not a form action, so validatedActionWithUser's suspension guard is not in front of it: the same rule, here.
  if (await isSuspended(db, viewer.id)) return { error: suspendedActionMessage };
  const limited = await limitPerson(db, viewer.id, rules.twoFactorChange);
  if (!limited.allowed) return { error: limited.message };
  const rp = await relyingParty();
  if (!rp) return { error: 'Hearth does not know its own address, so passkeys cannot work here.' };
  return { options: await passkeyRegistrationOptions(db, viewer, rp) };
}

const registerSchema = z.object({
  name: z.string().trim().min(1, 'Give the passkey a name, like “Laptop”.').max(60, 'Names are at most 60 characters.'),
  response: z.string().min(2).max(20_000),
});

/** Keeps a passkey the browser created, when its answer matches a challenge handed to this person. */
export async function registerPasskeyAction(input: { name: string; response: string }): Promise<TwoFactorState> {
  const viewer = await getViewer();
  if (!viewer) return { error: 'Your session has ended — please sign in again.' };
  if (await isSuspended(db, viewer.id)) return { error: suspendedActionMessage };
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  let response: RegistrationResponseJSON;
  try {
    response = JSON.parse(parsed.data.response);
  } catch {
    return { error: 'Your browser’s answer could not be read. Try again.' };
  }
  const rp = await relyingParty();
  if (!rp) return { error: 'Hearth does not know its own address, so passkeys cannot work here.' };
  const registered = await registerPasskey(db, viewer.id, parsed.data.name, response, rp);
  if (!registered.ok) return { error: registered.message };
  revalidatePath(page);
  return {
    success: `Passkey “${parsed.data.name}” added: it can now confirm your sign-ins.`,
    recoveryCodes: registered.recoveryCodes ?? undefined,
  };
}

/** A sign-in challenge for a passkey: anyone may ask (they are signing in), a few a minute per address. */
export async function passkeySignInOptionsAction(): Promise<{ options: PublicKeyCredentialRequestOptionsJSON } | { error: string }> {
  const verdict = await consume(db, [{ rule: rules.passkeyChallenge, subject: await requestAddress() }]);
  if (!verdict.allowed) return { error: verdict.message };
  const rp = await relyingParty();
  if (!rp) return { error: 'Hearth does not know its own address, so passkeys cannot work here.' };
  return { options: await passkeySignInOptions(db, rp) };
}

