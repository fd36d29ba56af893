// Signing up without telling who is registered (Discourse's "hide email address taken", OWASP's advice): the form
// always answers "check your inbox". A new address gets a link that finishes the sign-up; an address that already
// has an account gets a note saying someone tried, and nothing is created. The account exists only once the link is
// opened and the password typed again, so a sign-up proves the person reads that inbox.
import crypto from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { outbox, pendingSignups } from '@/db/schema';
import { admitNewAccount, registrationGate, RegistrationRefused, type Gate } from '@/lib/admin/registration';
import { sendMail } from '@/lib/mail/outbox';
import { hashToken } from './email-change';
import { hashPassword, verifyPassword } from './password';
import type { SignUpInput } from './schemas';
import { createAccount, findUserByEmail } from './users';

export const signUpLinkHours = 24;

/**
 * Starts a sign-up. Both paths hash the password and write one mail, so neither the answer nor its timing says
 * whether the address was registered. Returns the link's token for a new address (tests use it; the mail carries it).
 */
export async function startSignUp(
  db: Executor,
  input: SignUpInput & { inviteCode?: string; approvalAnswer?: string },
  origin: string,
  now = new Date(),
): Promise<{ token?: string; refused?: Extract<Gate, { ok: false }> }> {
  // The registration mode answers the same for every address, so it tells nobody who is registered.
  const gate = await registrationGate(db, input, now);
  if (!gate.ok) return { refused: gate };
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      await sendMail(tx, {
        userId: existing.id,
        to: existing.email,
        subject: 'Someone tried to sign up to Hearth with your address',
        body:
          `Hi ${existing.name ?? existing.handle},\n\nSomeone tried to create a new Hearth account with this address, which already has one (@${existing.handle}). Nothing was created and nothing changed.\n\n` +
          `If it was you, sign in instead: ${origin.replace(/\/$/, '')}/sign-in\n\nIf it was not you, you can ignore this message.`,
      });
      return {};
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + signUpLinkHours * 3_600_000);
    // One pending sign-up per address: asking again (or twice at once) replaces the earlier link.
    const pending = {
      name: input.name,
      handle: input.handle,
      passwordHash,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt,
      approvalAnswer: gate.mode === 'approval' ? (input.approvalAnswer?.trim() ?? '') : null,
      inviteCode: gate.inviteCode ?? null,
    };
    await tx.insert(pendingSignups).values({ email, ...pending }).onConflictDoUpdate({ target: pendingSignups.email, set: pending });
    await sendMail(tx, {
      userId: null,
      to: email,
      subject: 'Finish creating your Hearth account',
      body:
        `Hi ${input.name},\n\nTo finish creating your Hearth account @${input.handle}, open this link within ${signUpLinkHours} hours and enter your password once more:\n\n` +
        `${origin.replace(/\/$/, '')}/sign-up/confirm?token=${token}\n\nIf you did not sign up, ignore this message: no account is created without it.`,
    });
    return { token };
  });
}

/** The pending sign-up a link names, while it can still be finished (for the confirmation page). */
export async function findPendingSignUp(db: Executor, token: string, now = new Date()) {
  const [row] = await db
    .select({ email: pendingSignups.email, handle: pendingSignups.handle, name: pendingSignups.name })
    .from(pendingSignups)
    .where(and(eq(pendingSignups.tokenHash, hashToken(token)), gt(pendingSignups.expiresAt, now)))
    .limit(1);
  return row;
}

export const expiredSignUpMessage = 'This link has expired or was already used. Sign up again to get a new one.';

/** `held`: the account exists but waits for an admin's approval before it can sign in. */
export type FinishResult = { ok: true; userId: string; email: string; held: boolean } | { ok: false; field?: 'password'; message: string };

/** Creates the account a link names, when the password typed matches the one chosen at sign-up. */
export async function finishSignUp(db: Executor, token: string, password: string, now = new Date()): Promise<FinishResult> {
  const [pending] = await db
    .select()
    .from(pendingSignups)
    .where(and(eq(pendingSignups.tokenHash, hashToken(token)), gt(pendingSignups.expiresAt, now)))
    .limit(1);
  if (!pending) {
    await verifyPassword(undefined, password); // the same time as a real check
    return { ok: false, message: expiredSignUpMessage };
  }
  if (!(await verifyPassword(pending.passwordHash, password))) {
    return { ok: false, field: 'password', message: 'That is not the password you chose when you signed up.' };
  }
  return db.transaction(async (tx) => {
    // Deleting first claims the link: of two tabs finishing at once, one creates the account.
    const claimed = await tx.delete(pendingSignups).where(eq(pendingSignups.id, pending.id)).returning({ id: pendingSignups.id });
    if (claimed.length === 0) return { ok: false, message: expiredSignUpMessage } satisfies FinishResult;
    let held = false;
    let created: Awaited<ReturnType<typeof createAccount>>;
    try {
      created = await createAccount(
        tx,
        { email: pending.email, name: pending.name, handle: pending.handle, password },
        {
          passwordHash: pending.passwordHash,
          emailVerified: now,
          inTransaction: async (inner, userId, first) => {
            held = (await admitNewAccount(inner, { userId, first, inviteCode: pending.inviteCode, approvalAnswer: pending.approvalAnswer }, now)) === 'held';
          },
        },
      );
    } catch (error) {
      // The instance stopped admitting this sign-up while the link waited (closed, or the invite used up).
      if (error instanceof RegistrationRefused) return { ok: false, message: error.message } satisfies FinishResult;
      throw error;
    }
    if (!created.ok) {
      // Someone took the address or the handle while the link waited.
      return {
        ok: false,
        message:
          created.field === 'handle'
            ? `The handle @${pending.handle} was taken while your link waited. Sign up again with another handle.`
            : 'This address has an account now. Sign in, or reset your password if you do not know it.',
      } satisfies FinishResult;
    }
    // The mail that brought the link is theirs now: it appears in their privacy dashboard with the rest.
    await tx.update(outbox).set({ userId: created.userId }).where(and(isNull(outbox.userId), eq(sql`lower(${outbox.toAddress})`, pending.email.toLowerCase())));
    return { ok: true, userId: created.userId, email: pending.email, held } satisfies FinishResult;
  });
}

/** The daily job: sign-ups never finished go, with the mail that was sent for them. */
export async function purgeExpiredSignUps(db: Executor, now = new Date()) {
  const expired = await db.delete(pendingSignups).where(lt(pendingSignups.expiresAt, now)).returning({ email: pendingSignups.email });
  const cutoff = new Date(now.getTime() - signUpLinkHours * 3_600_000);
  await db.delete(outbox).where(and(isNull(outbox.userId), lt(outbox.createdAt, cutoff)));
  return expired.length;
}
