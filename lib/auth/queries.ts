import 'server-only';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { findEmailChange, pendingEmailChange } from './email-change';
import { addressConfirmation } from './email-confirmation';
import { findPasswordReset } from './password-reset';
import { findPendingSignUp } from './signup';
import { pendingTotpSecret, twoFactorSummary } from './two-factor/store';
import { totpUri } from './two-factor/totp';
import type { Viewer } from './viewer';

/** The account page's facts: the address, whether there is a password, a change waiting for its link. */
export async function getAccountEmail(viewer: Viewer) {
  const [user] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  const pending = await pendingEmailChange(db, viewer.id);
  // A link confirming the current address (lib/auth/email-confirmation.ts) is not a change.
  return { email: user.email, hasPassword: Boolean(user.passwordHash), pending: pending && pending.newEmail !== user.email.toLowerCase() ? pending : null };
}

/** Whether a password reset link can still be used (the page asks for the new password only then). */
export async function getPasswordResetForLink(token: string) {
  if (token.length < 20 || token.length > 200) return false;
  return Boolean(await findPasswordReset(db, token));
}

/** What a confirmation link asks, for the person it belongs to; null when it is unusable or someone else's. */
export async function getEmailChangeForLink(viewer: Viewer, token: string) {
  const row = await findEmailChange(db, token);
  if (!row || row.userId !== viewer.id) return null;
  const confirmation = await addressConfirmation(db, viewer.id);
  return { newEmail: row.newEmail, sameAddress: confirmation?.email.toLowerCase() === row.newEmail };
}

/** What a sign-up link will create, while it can still be finished; null otherwise. */
export async function getPendingSignUpForLink(token: string) {
  if (token.length < 20 || token.length > 200) return null;
  return (await findPendingSignUp(db, token)) ?? null;
}

/**
 * The two-factor part of the account page: what is in force, and while an app is being set up, its secret as a QR
 * code and as text (the one time the secret leaves the server; once confirmed it is never shown again).
 */
export async function getTwoFactorSettings(viewer: Viewer) {
  const summary = await twoFactorSummary(db, viewer.id);
  let setup: { secret: string; qrCode: string } | null = null;
  if (summary.totpPending) {
    const secret = await pendingTotpSecret(db, viewer.id);
    if (secret) {
      const svg = await QRCode.toString(totpUri(secret, viewer.handle), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      setup = { secret, qrCode: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` };
    }
  }
  return { ...summary, setup };
}
