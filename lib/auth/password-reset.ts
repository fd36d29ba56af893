// "Forgot password?": a link to the account's address sets a new password. The request answers the same whether
// or not an account uses the address, in words and in time: the request path only counts the limits (keyed by the
// address and the client's address, the same work either way) and hands the rest to a task that runs after the
// answer is sent (Next's after()). So the answer never waits on whether there was an account to write a link for.
// The link: 256 random bits, only its SHA-256 stored, usable once, for 30 minutes. Using it sets the password, ends
// every session, uses the link up and tells the address.
import crypto from 'node:crypto';
import { and, eq, gt, isNull, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { passwordResets, users } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import { sendMail } from '@/lib/mail/outbox';
import { consume, rules } from '@/lib/rate-limit';
import { hashToken } from './email-change';
import { hashPassword } from './password';
import { endAllSessions } from './sessions';
import { findUserByEmail } from './users';
import { log } from '@/lib/log';

export const passwordResetMinutes = 30;

export function resetRequestAnswer(email: string) {
  return `If an account uses ${email}, we sent it a link to choose a new password. The link works for ${passwordResetMinutes} minutes. Nothing arrived? Check the spam folder, or ask again in a few minutes.`;
}

export const expiredResetMessage = 'This link has expired or was already used. Ask for a new one below.';

/** Runs work after the answer has been sent (Next's after() in the action; tests collect and run it). */
export type Defer = (task: () => Promise<unknown>) => void;

/**
 * The request path: the same steps whoever the address belongs to. Counts the limits, defers the real work, and
 * answers. Only a refusal by the limits differs, and it depends on the address typed, not on any account.
 */
export async function answerPasswordResetRequest(db: Database, input: { email: string; address: string; origin: string }, defer: Defer): Promise<ActionState> {
  const email = input.email.trim().toLowerCase();
  const verdict = await consume(db, [
    { rule: rules.passwordResetPerIp, subject: input.address },
    { rule: rules.passwordResetPerAddress, subject: email },
  ]);
  if (!verdict.allowed) return { error: verdict.message, values: { email } };
  defer(() =>
    requestPasswordReset(db, email, input.origin).catch((error) => {
      log.error({ err: error }, '[auth] a password reset link could not be written');
    }),
  );
  return { success: resetRequestAnswer(email), values: { email } };
}

/**
 * Writes a link for the account using the address, if there is one, and queues the mail. Returns the token (tests
 * use it; the mail carries it), or nothing when no account uses the address or the account's own limit is reached.
 */
export async function requestPasswordReset(db: Executor, email: string, origin: string, now = new Date()): Promise<{ token?: string }> {
  const person = await findUserByEmail(db, email);
  if (!person) return {};
  const verdict = await consume(db, [{ rule: rules.passwordResetPerAccount, subject: person.id }], now);
  if (!verdict.allowed) return {};
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + passwordResetMinutes * 60_000);
  const base = origin.replace(/\/$/, '');
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({ userId: person.id, tokenHash: hashToken(token), createdAt: now, expiresAt });
    await sendMail(tx, {
      userId: person.id,
      to: person.email,
      origin: base,
      subject: 'Choose a new password for Hearth',
      body:
        `Hi ${person.name ?? person.handle},\n\nSomeone (we hope you) asked to choose a new password for the Hearth account @${person.handle}. To do it, open this link within ${passwordResetMinutes} minutes:\n\n` +
        `${base}/reset-password?token=${token}\n\nIf you did not ask, ignore this message: your password stays as it is, and the link stops working by itself.`,
    });
  });
  return { token };
}

/** Whether a link can still be used (for the page that asks for the new password). */
export async function findPasswordReset(db: Executor, token: string, now = new Date()) {
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .limit(1);
  return row;
}

export type ResetResult = { ok: true; email: string } | { ok: false; message: string };

/**
 * Sets the new password with a link: in one transaction the link is used up (with any other of the account's
 * links), the password changes, every session on every device ends, and the address is told.
 */
export async function resetPassword(db: Executor, token: string, newPassword: string, origin?: string, now = new Date()): Promise<ResetResult> {
  // Hashed first, whether or not the link is good: the answer takes as long either way.
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .for('update')
      .limit(1);
    if (!reset) return { ok: false, message: expiredResetMessage } as const;
    const [person] = await tx.select({ email: users.email, handle: users.handle }).from(users).where(eq(users.id, reset.userId));
    // Opening a link mailed to the address proves the address, so it counts as confirmed from now on.
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, emailVerified: sql`coalesce(${users.emailVerified}, ${now.toISOString()}::timestamptz)` })
      .where(eq(users.id, reset.userId));
    await endAllSessions(tx, reset.userId);
    await tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, reset.id));
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await sendMail(tx, {
      userId: reset.userId,
      to: person.email,
      origin,
      subject: 'Your Hearth password was changed',
      body: `The password of the Hearth account @${person.handle} was changed with a link sent to this address, and every device was signed out.\n\nIf that was not you, someone can read this mailbox: secure it, choose a new password with "Forgot password?" on the sign-in page, and tell the people who run this Hearth.`,
    });
    return { ok: true, email: person.email } as const;
  });
}

/** The daily job: links that expired or were used go. */
export async function purgePasswordResets(db: Executor, now = new Date()) {
  const gone = await db
    .delete(passwordResets)
    .where(or(lt(passwordResets.expiresAt, now), isNotNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
  return gone.length;
}
