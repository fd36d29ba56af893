// Passkeys (WebAuthn, through @simplewebauthn/server). Challenges live in the database — any instance may answer
// the one another handed out — for five minutes, and each is deleted as it is used, so an answer cannot be replayed.
// The relying party is the site's public origin (AUTH_URL, or the request's own, lib/auth/origin.ts).
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, eq, gt, isNotNull, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { passkeys, recoveryCodes, totpSecrets, webauthnChallenges } from '@/db/schema';
import { replaceRecoveryCodes } from './store';

export const challengeMinutes = 5;
export type RelyingParty = { origin: string; rpID: string };

export function relyingPartyOf(origin: string): RelyingParty {
  return { origin, rpID: new URL(origin).hostname };
}

async function keepChallenge(db: Executor, challenge: string, purpose: 'register' | 'authenticate', userId: string | null, now: Date) {
  // Old challenges nobody answered go as new ones come, so the table never grows.
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
  await db.insert(webauthnChallenges).values({ challenge, purpose, userId, expiresAt: new Date(now.getTime() + challengeMinutes * 60_000) });
}

/** Uses a challenge up: true once, for the purpose (and person) it was handed out for, before it expires. */
async function consumeChallenge(db: Executor, challenge: string, purpose: 'register' | 'authenticate', userId: string | null, now: Date) {
  const conditions = [eq(webauthnChallenges.challenge, challenge), eq(webauthnChallenges.purpose, purpose), gt(webauthnChallenges.expiresAt, now)];
  if (userId) conditions.push(eq(webauthnChallenges.userId, userId));
  const rows = await db.delete(webauthnChallenges).where(and(...conditions)).returning({ id: webauthnChallenges.id });
  return rows.length === 1;
}

export async function passkeyRegistrationOptions(
  db: Executor,
  person: { id: string; handle: string; name: string | null },
  rp: RelyingParty,
  now = new Date(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, person.id));
  const options = await generateRegistrationOptions({
    rpName: 'Hearth',
    rpID: rp.rpID,
    userName: person.handle,
    userDisplayName: person.name ?? person.handle,
    userID: new TextEncoder().encode(person.id),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await keepChallenge(db, options.challenge, 'register', person.id, now);
  return options;
}

export type PasskeyRegistration = { ok: true; recoveryCodes: string[] | null } | { ok: false; message: string };

/**
 * Verifies a new passkey's registration and keeps it under `name`. When it is the person's first second factor,
 * they get recovery codes (returned once).
 */
export async function registerPasskey(
  db: Executor,
  userId: string,
  name: string,
  response: RegistrationResponseJSON,
  rp: RelyingParty,
  now = new Date(),
): Promise<PasskeyRegistration> {
  return db.transaction(async (tx) => {
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: (challenge) => consumeChallenge(tx, challenge, 'register', userId, now),
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: false,
      });
    } catch {
      return { ok: false as const, message: 'Your browser’s answer could not be checked. Try adding the passkey again.' };
    }
    if (!verification.verified) return { ok: false as const, message: 'The passkey could not be verified. Try again.' };
    const { credential, credentialBackedUp } = verification.registrationInfo;
    const inserted = await tx
      .insert(passkeys)
      .values({
        userId,
        name,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? [],
        backedUp: credentialBackedUp,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: passkeys.id });
    if (!inserted.length) return { ok: false as const, message: 'That passkey is already registered.' };
    const [code] = await tx.select({ id: recoveryCodes.id }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).limit(1);
    return { ok: true as const, recoveryCodes: code ? null : await replaceRecoveryCodes(tx, userId) };
  });
}

/** Options for signing in with a passkey: no one is known yet, so any passkey of this site may answer. */
export async function passkeySignInOptions(db: Executor, rp: RelyingParty, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({ rpID: rp.rpID, userVerification: 'preferred' });
  await keepChallenge(db, options.challenge, 'authenticate', null, now);
  return options;
}

/**
 * Checks a passkey's answer to a sign-in challenge: the id of the person whose passkey answered, or null. When
 * `userId` is given (a second factor after the password), only that person's passkeys count.
 */
export async function verifyPasskeySignIn(
  db: Executor,
  response: AuthenticationResponseJSON,
  rp: RelyingParty,
  userId: string | null,
  now = new Date(),
): Promise<string | null> {
  if (typeof response?.id !== 'string') return null;
  const [key] = await db.select().from(passkeys).where(eq(passkeys.credentialId, response.id));
  if (!key || (userId && key.userId !== userId)) return null;
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(db, challenge, 'authenticate', null, now),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: { id: key.credentialId, publicKey: Buffer.from(key.publicKey, 'base64url'), counter: key.counter, transports: key.transports },
      requireUserVerification: false,
    });
    if (!verified) return null;
    await db.update(passkeys).set({ counter: authenticationInfo.newCounter, lastUsedAt: now }).where(eq(passkeys.id, key.id));
    return key.userId;
  } catch {
    return null;
  }
}

/**
 * Removes one of the person's own passkeys; false when it is not theirs (or gone). With the last second factor go
 * the recovery codes. Run inside the caller's transaction.
 */
export async function removePasskey(tx: Executor, userId: string, passkeyId: string): Promise<boolean> {
  const removed = await tx
    .delete(passkeys)
    .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId)))
    .returning({ id: passkeys.id });
  if (!removed.length) return false;
  const [key] = await tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).limit(1);
  const [totp] = await tx.select({ userId: totpSecrets.userId }).from(totpSecrets).where(and(eq(totpSecrets.userId, userId), isNotNull(totpSecrets.confirmedAt)));
  if (!key && !totp) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  return true;
}
