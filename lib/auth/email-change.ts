// Changing the email address: a link to the new address confirms it (a token of 256 random bits, of which only the
// SHA-256 is stored, usable once, for a day). Confirming changes the address, signs every other device out and
// tells the old address.
import crypto from 'node:crypto';
import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { emailChanges, outbox, userSessions, users } from '@/db/schema';
import { uniqueViolation } from '@/lib/db-errors';
import { sendMail } from '@/lib/mail/outbox';

export const emailChangeHours = 24;

export function hashToken(token: string) {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

/** "maya@example.com" → "m***@example.com", for messages to the other address. */
export function maskEmail(email: string) {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

type Person = { id: string; email: string; name: string | null; handle: string };

/**
 * Starts a change of address: any earlier pending change is dropped, and the new address gets a link. When the new
 * address already belongs to an account, no link is made; that address is told instead (so the form reveals
 * nothing about who has an account). Returns the token when one was made (tests use it; the link carries it).
 */
export async function requestEmailChange(db: Executor, person: Person, newEmail: string, origin: string, now = new Date()) {
  const email = newEmail.trim().toLowerCase();
  return db.transaction(async (tx) => {
    await tx.delete(emailChanges).where(and(eq(emailChanges.userId, person.id), isNull(emailChanges.usedAt)));
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
    if (taken) {
      await sendMail(tx, {
        userId: person.id,
        to: email,
        subject: 'Someone tried to move a Hearth account to this address',
        body: `Someone asked to use this address for the Hearth account @${person.handle}, but this address already has an account of its own, so nothing changed.\n\nIf that was you, sign in with this address instead. If not, you can ignore this message.`,
      });
      return { token: undefined };
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + emailChangeHours * 3_600_000);
    await tx.insert(emailChanges).values({ userId: person.id, newEmail: email, tokenHash: hashToken(token), createdAt: now, expiresAt });
    const link = `${origin.replace(/\/$/, '')}/settings/account/confirm-email?token=${token}`;
    await sendMail(tx, {
      userId: person.id,
      to: email,
      subject: 'Confirm your new email for Hearth',
      body: `Hi ${person.name ?? person.handle},\n\nTo use this address for your Hearth account @${person.handle}, open this link within ${emailChangeHours} hours while signed in:\n\n${link}\n\nUntil then your account keeps ${maskEmail(person.email)}. If you did not ask for this, ignore this message: nothing changes.`,
    });
    return { token };
  });
}

/** The pending change a link names, if it is still usable (for the confirmation page). */
export async function findEmailChange(db: Executor, token: string, now = new Date()) {
  const [row] = await db
    .select()
    .from(emailChanges)
    .where(and(eq(emailChanges.tokenHash, hashToken(token)), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .limit(1);
  return row;
}

/** A person's change waiting for confirmation, if any. */
export async function pendingEmailChange(db: Executor, userId: string, now = new Date()) {
  const [row] = await db
    .select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt })
    .from(emailChanges)
    .where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .limit(1);
  return row;
}

export type ConfirmResult = { ok: true; email: string; previous: string } | { ok: false; message: string };

export const expiredLinkMessage = 'This confirmation link has expired or was already used. Ask for a new one in Account settings.';

/**
 * Confirms a change for the signed-in person it belongs to: the address changes, the link is used up, every other
 * session ends (this browser's stays) and the old address is told.
 */
export async function confirmEmailChange(db: Executor, viewer: { id: string; sessionId?: string }, token: string, now = new Date()): Promise<ConfirmResult> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(emailChanges)
        .where(and(eq(emailChanges.tokenHash, hashToken(token)), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
        .for('update')
        .limit(1);
      if (!row) return { ok: false, message: expiredLinkMessage } as const;
      if (row.userId !== viewer.id) return { ok: false, message: 'This link is for another account. Sign in as the person who asked for the change, then open it again.' } as const;
      const [person] = await tx.select({ email: users.email, handle: users.handle }).from(users).where(eq(users.id, viewer.id));
      if (row.newEmail === person.email.toLowerCase()) {
        // Confirming the address the account already has (lib/auth/email-confirmation.ts): nothing else changes.
        await tx.update(users).set({ emailVerified: now }).where(eq(users.id, viewer.id));
        await tx.update(emailChanges).set({ usedAt: now }).where(eq(emailChanges.id, row.id));
        return { ok: true, email: person.email, previous: person.email } as const;
      }
      await tx.update(users).set({ email: row.newEmail, emailVerified: now }).where(eq(users.id, viewer.id));
      await tx.update(emailChanges).set({ usedAt: now }).where(eq(emailChanges.id, row.id));
      await tx.delete(emailChanges).where(and(eq(emailChanges.userId, viewer.id), isNull(emailChanges.usedAt)));
      // Every other device signs in again, with the new address.
      await tx.delete(userSessions).where(viewer.sessionId ? and(eq(userSessions.userId, viewer.id), ne(userSessions.id, viewer.sessionId)) : eq(userSessions.userId, viewer.id));
      await sendMail(tx, {
        userId: viewer.id,
        to: person.email,
        subject: 'Your Hearth email address was changed',
        body: `The email address of the Hearth account @${person.handle} was changed from this address to ${maskEmail(row.newEmail)}, and every other device was signed out.\n\nIf that was not you, someone who knows your password is using your account: tell the people who run this Hearth at once.`,
      });
      return { ok: true, email: row.newEmail, previous: person.email } as const;
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes('email')) return { ok: false, message: 'Another account took that address in the meantime, so nothing changed.' };
    throw error;
  }
}

/** Drops changes that expired or were used more than a day ago, and mail older than 30 days (the daily job). */
export async function purgeEmailChanges(db: Executor, now = new Date()) {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db.delete(emailChanges).where(sql`${emailChanges.expiresAt} < ${now.toISOString()}::timestamptz or ${emailChanges.usedAt} < ${dayAgo.toISOString()}::timestamptz`);
  await db.delete(outbox).where(lt(outbox.createdAt, new Date(now.getTime() - 30 * 86_400_000)));
}
