// Two-factor sign-in in the database: setting an authenticator app up, checking its codes (each at most once),
// recovery codes (each once), and what a person's account-and-security page shows. Every write that must happen
// once is one conditional UPDATE or DELETE, so two instances checking the same code at the same moment cannot
// both accept it.
import { and, asc, count, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { passkeys, recoveryCodes, totpSecrets } from '@/db/schema';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCode, recoveryCodeCount } from './recovery';
import { decryptSecret, encryptSecret, matchingStep, newTotpSecret } from './totp';

export type TwoFactorSummary = {
  totpSince: Date | null;
  /** An app set up but not yet confirmed with a code. */
  totpPending: boolean;
  recoveryCodesLeft: number;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
};

export async function twoFactorSummary(db: Executor, userId: string): Promise<TwoFactorSummary> {
  const [totp] = await db.select({ confirmedAt: totpSecrets.confirmedAt }).from(totpSecrets).where(eq(totpSecrets.userId, userId));
  const [codes] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const keys = await db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
  return { totpSince: totp?.confirmedAt ?? null, totpPending: Boolean(totp && !totp.confirmedAt), recoveryCodesLeft: codes.n, passkeys: keys };
}

/** Which second factors a password sign-in must be followed by; null when the account has none. */
export async function secondFactorsOf(db: Executor, userId: string): Promise<{ totp: boolean; passkey: boolean } | null> {
  const [totp] = await db
    .select({ userId: totpSecrets.userId })
    .from(totpSecrets)
    .where(and(eq(totpSecrets.userId, userId), isNotNull(totpSecrets.confirmedAt)));
  const [key] = await db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).limit(1);
  return totp || key ? { totp: Boolean(totp), passkey: Boolean(key) } : null;
}

/** Starts (or restarts) setting up an app: a new secret, not in force until confirmed. Refused when one is in force. */
export async function startTotpSetup(db: Executor, userId: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const secret = newTotpSecret();
  const rows = await db
    .insert(totpSecrets)
    .values({ userId, secretCiphertext: encryptSecret(secret) })
    .onConflictDoUpdate({
      target: totpSecrets.userId,
      set: { secretCiphertext: encryptSecret(secret), createdAt: sql`now()`, lastUsedStep: null },
      setWhere: isNull(totpSecrets.confirmedAt),
    })
    .returning({ userId: totpSecrets.userId });
  return rows.length ? { ok: true } : { ok: false, message: 'Your authenticator app is already set up. Turn it off first to set up another.' };
}

/** The secret of an app being set up, to show as a QR code and as text. Never the secret of one in force. */
export async function pendingTotpSecret(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ secret: totpSecrets.secretCiphertext })
    .from(totpSecrets)
    .where(and(eq(totpSecrets.userId, userId), isNull(totpSecrets.confirmedAt)));
  return row ? decryptSecret(row.secret) : null;
}

/**
 * Replaces every recovery code of a person with ten new ones and returns them — the only time they are readable.
 * Run inside the caller's transaction.
 */
export async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/**
 * Confirms an app being set up with a code it shows: from then on it is in force, and the person gets ten new
 * recovery codes (returned once). The confirming code counts as used.
 */
export async function confirmTotp(db: Executor, userId: string, code: string, now = new Date()): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; message: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(totpSecrets)
      .where(and(eq(totpSecrets.userId, userId), isNull(totpSecrets.confirmedAt)))
      .for('update');
    if (!row) return { ok: false as const, message: 'Start setting up your authenticator app first.' };
    const secret = decryptSecret(row.secretCiphertext);
    const step = secret ? matchingStep(secret, code, now) : null;
    if (step === null) return { ok: false as const, message: 'That code didn’t match. Type the six digits your app shows now (they change every 30 seconds).' };
    await tx.update(totpSecrets).set({ confirmedAt: now, lastUsedStep: step }).where(eq(totpSecrets.userId, userId));
    return { ok: true as const, recoveryCodes: await replaceRecoveryCodes(tx, userId) };
  });
}

/** Whether `code` is a current code of the person's app, not used before; a match is used up at once. */
export async function spendTotpCode(db: Executor, userId: string, code: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ secret: totpSecrets.secretCiphertext })
    .from(totpSecrets)
    .where(and(eq(totpSecrets.userId, userId), isNotNull(totpSecrets.confirmedAt)));
  const secret = row ? decryptSecret(row.secret) : null;
  const step = secret ? matchingStep(secret, code, now) : null;
  if (step === null) return false;
  // A code (and any older one) is spent once it has been accepted: replaying it within its window is refused.
  const updated = await db
    .update(totpSecrets)
    .set({ lastUsedStep: step })
    .where(and(eq(totpSecrets.userId, userId), or(isNull(totpSecrets.lastUsedStep), lt(totpSecrets.lastUsedStep, step))))
    .returning({ userId: totpSecrets.userId });
  return updated.length === 1;
}

/** Whether `code` is one of the person's unused recovery codes; a match is used up at once. */
export async function spendRecoveryCode(db: Executor, userId: string, code: string, now = new Date()): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  const updated = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return updated.length === 1;
}

/** A code typed at sign-in or to confirm a change: six digits from the app, or a recovery code. */
export async function spendSecondFactorCode(db: Executor, userId: string, code: string, now = new Date()): Promise<boolean> {
  const trimmed = code.trim();
  if (/^\d{3}\s?\d{3}$/.test(trimmed)) return spendTotpCode(db, userId, trimmed, now);
  return spendRecoveryCode(db, userId, trimmed, now);
}

/** Turns the authenticator app off; recovery codes go too when no passkey is left for them to stand in for. */
export async function disableTotp(tx: Executor, userId: string) {
  await tx.delete(totpSecrets).where(eq(totpSecrets.userId, userId));
  const [key] = await tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).limit(1);
  if (!key) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
