// Confirming the address of an account that has never confirmed one (`users.email_verified` null: an account from
// before sign-up mailed a link, or a GitHub/Google account whose provider did not vouch for the address). The link
// is an `email_changes` row whose new address is the current one: confirming it sets `email_verified` and changes
// nothing else (lib/auth/email-change.ts). Until then the account may read and post as usual, and gets only
// account mail (this link, password resets, security notices): no digest, no moderation mail (lib/mail/worker.ts).
import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { emailChanges, users } from '@/db/schema';
import { sendMail } from '@/lib/mail/outbox';
import { consume, rules, type Verdict } from '@/lib/rate-limit';
import { emailChangeHours, hashToken } from './email-change';

/** The person's address and whether it is confirmed. */
export async function addressConfirmation(db: Executor, userId: string) {
  const [row] = await db.select({ email: users.email, verified: users.emailVerified }).from(users).where(eq(users.id, userId)).limit(1);
  return row ? { email: row.email, confirmed: row.verified !== null } : null;
}

export type ResendResult = { ok: true; token: string; email: string } | { ok: false; message: string; limited?: Verdict };

/** Mails a new confirmation link to the person's own, unconfirmed address (3 an hour). */
export async function sendAddressConfirmation(db: Executor, userId: string, origin: string, now = new Date()): Promise<ResendResult> {
  const [person] = await db.select({ email: users.email, handle: users.handle, name: users.name, verified: users.emailVerified }).from(users).where(eq(users.id, userId)).limit(1);
  if (!person) return { ok: false, message: 'Your session has ended — please sign in again.' };
  if (person.verified) return { ok: false, message: 'Your address is already confirmed.' };
  const verdict = await consume(db, [{ rule: rules.confirmationResend, subject: userId }], now, 'You asked for a few links already.');
  if (!verdict.allowed) return { ok: false, message: verdict.message, limited: verdict };
  const token = crypto.randomBytes(32).toString('base64url');
  const base = origin.replace(/\/$/, '');
  await db.transaction(async (tx) => {
    // One link at a time: asking again replaces the earlier one (and any change of address waiting).
    await tx.delete(emailChanges).where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt)));
    await tx.insert(emailChanges).values({ userId, newEmail: person.email.toLowerCase(), tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + emailChangeHours * 3_600_000) });
    await sendMail(tx, {
      userId,
      to: person.email,
      origin: base,
      subject: 'Confirm your email address for Hearth',
      body: `Hi ${person.name ?? person.handle},\n\nTo confirm that this address belongs to the Hearth account @${person.handle}, open this link within ${emailChangeHours} hours while signed in:\n\n${base}/settings/account/confirm-email?token=${token}\n\nIf you do not have a Hearth account, ignore this message.`,
    });
  });
  return { ok: true, token, email: person.email };
}
