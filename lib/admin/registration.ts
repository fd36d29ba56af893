// Who may join: the registration mode in site settings (open, approval, invite, closed), instance invite links, and
// accounts held for an admin's approval. Sign-up asks `registrationGate` before writing anything and
// `admitNewAccount` inside the transaction that creates the account, so a mode changed in between still holds.
import crypto from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import { instanceAuditLog, instanceInvites, registrationApprovals, users } from '@/db/schema';
import { sendMail } from '@/lib/mail/outbox';
import { getSiteSettings, type SiteSettings } from './site';

export type Gate =
  | { ok: true; mode: SiteSettings['registrationMode']; question: string; inviteCode?: string }
  | { ok: false; message: string; field?: 'invite' | 'approvalAnswer' };

export function closedMessage(settings: Pick<SiteSettings, 'contactEmail'>) {
  return settings.contactEmail
    ? `Registration is closed on this instance. To ask for an account, write to ${settings.contactEmail}.`
    : 'Registration is closed on this instance.';
}

export const invalidInviteMessage = 'This invite link has expired, was revoked or has been used up. Ask whoever sent it for a new one.';
export const inviteRequiredMessage = 'Joining this instance needs an invite link. Ask someone who runs it for one.';

/** Whether (and how) someone may start a sign-up now: the mode, a usable invite, an answer to the question. */
export async function registrationGate(db: Executor, input: { inviteCode?: string; approvalAnswer?: string }, now = new Date()): Promise<Gate> {
  const settings = await getSiteSettings(db);
  // The first account on an empty instance always gets in (and becomes its admin).
  if (!(await anyAccount(db))) return { ok: true, mode: 'open', question: '' };
  switch (settings.registrationMode) {
    case 'open':
      return { ok: true, mode: 'open', question: '' };
    case 'closed':
      return { ok: false, message: closedMessage(settings) };
    case 'invite': {
      if (!input.inviteCode) return { ok: false, field: 'invite', message: inviteRequiredMessage };
      if (!(await usableInvite(db, input.inviteCode, now))) return { ok: false, field: 'invite', message: invalidInviteMessage };
      return { ok: true, mode: 'invite', question: '', inviteCode: input.inviteCode };
    }
    case 'approval': {
      const answer = input.approvalAnswer?.trim() ?? '';
      if (settings.approvalQuestion && !answer) return { ok: false, field: 'approvalAnswer', message: 'Please answer the question: an admin reads it before approving your account.' };
      return { ok: true, mode: 'approval', question: settings.approvalQuestion };
    }
  }
}

async function anyAccount(db: Executor) {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return Boolean(row);
}

const usable = (now: Date) =>
  and(
    isNull(instanceInvites.revokedAt),
    or(isNull(instanceInvites.expiresAt), gt(instanceInvites.expiresAt, now)),
    or(isNull(instanceInvites.maxUses), lt(instanceInvites.uses, instanceInvites.maxUses)),
  );

export async function usableInvite(db: Executor, code: string, now = new Date()) {
  const [row] = await db.select({ id: instanceInvites.id }).from(instanceInvites).where(and(eq(instanceInvites.id, code), usable(now))).limit(1);
  return Boolean(row);
}

/** Uses an invite once, if it is still usable: one atomic update, so two sign-ups cannot both take its last use. */
export async function spendInviteUse(tx: Executor, code: string, now = new Date()) {
  const used = await tx
    .update(instanceInvites)
    .set({ uses: sql`${instanceInvites.uses} + 1` })
    .where(and(eq(instanceInvites.id, code), usable(now)))
    .returning({ id: instanceInvites.id });
  return used.length === 1;
}

/** Thrown inside the account's transaction when the instance no longer admits it (rolls the account back). */
export class RegistrationRefused extends Error {}

/**
 * Applies the registration mode to an account being created, inside its transaction: in invite mode the invite is
 * used (or the account refused), in approval mode the account is held. The first account is never held.
 */
export async function admitNewAccount(
  tx: Transaction,
  account: { userId: string; first: boolean; inviteCode?: string | null; approvalAnswer?: string | null },
  now = new Date(),
): Promise<'admitted' | 'held'> {
  if (account.first) return 'admitted';
  const settings = await getSiteSettings(tx);
  switch (settings.registrationMode) {
    case 'open':
      return 'admitted';
    case 'closed':
      throw new RegistrationRefused(closedMessage(settings));
    case 'invite':
      if (!account.inviteCode) throw new RegistrationRefused(inviteRequiredMessage);
      if (!(await spendInviteUse(tx, account.inviteCode, now))) throw new RegistrationRefused(invalidInviteMessage);
      await tx.insert(instanceAuditLog).values({ actorId: account.userId, action: 'join_with_invite', targetUserId: account.userId, details: { invite: account.inviteCode.slice(0, 6) } });
      return 'admitted';
    case 'approval':
      await tx.insert(registrationApprovals).values({ userId: account.userId, question: settings.approvalQuestion, answer: account.approvalAnswer?.trim() ?? '' });
      return 'held';
  }
}

export const awaitingApprovalMessage = 'Your registration is waiting for approval. We will email you as soon as an admin has decided.';

export async function isAwaitingApproval(db: Executor, userId: string) {
  const [row] = await db.select({ id: registrationApprovals.userId }).from(registrationApprovals).where(eq(registrationApprovals.userId, userId)).limit(1);
  return Boolean(row);
}

export type Decision = { actorId: string; userId: string; approve: boolean; reason: string; origin: string };

/**
 * An admin's decision on a held account, inside the caller's transaction. Approving lets the person sign in;
 * rejecting deletes the account (nothing else was ever written for it). Either way they are mailed the decision.
 */
export async function decideRegistration(tx: Transaction, decision: Decision): Promise<'approved' | 'rejected' | 'missing'> {
  const [held] = await tx
    .delete(registrationApprovals)
    .where(eq(registrationApprovals.userId, decision.userId))
    .returning({ userId: registrationApprovals.userId });
  if (!held) return 'missing';
  const [person] = await tx.select({ email: users.email, name: users.name, handle: users.handle }).from(users).where(eq(users.id, decision.userId));
  const site = await getSiteSettings(tx);
  const reason = decision.reason.trim();
  const signIn = `${decision.origin.replace(/\/$/, '')}/sign-in`;
  if (decision.approve) {
    await tx.insert(instanceAuditLog).values({ actorId: decision.actorId, action: 'approve_registration', targetUserId: decision.userId, details: reason ? { reason } : {} });
    await sendMail(tx, {
      userId: decision.userId,
      to: person.email,
      kind: 'account',
      subject: `Welcome to ${site.name}: your account is approved`,
      body: `Hi ${person.name ?? person.handle},\n\nAn admin of ${site.name} approved your account @${person.handle}.${reason ? `\n\nTheir note: ${reason}` : ''}\n\nYou can sign in now:\n${signIn}`,
    });
    return 'approved';
  }
  // The audit row keeps the handle, not the person: the account is gone.
  await tx.insert(instanceAuditLog).values({ actorId: decision.actorId, action: 'reject_registration', targetUserId: null, details: { handle: person.handle, ...(reason ? { reason } : {}) } });
  await tx.delete(users).where(eq(users.id, decision.userId));
  await sendMail(tx, {
    userId: null,
    to: person.email,
    kind: 'account',
    subject: `Your registration at ${site.name} was not approved`,
    body:
      `Hi ${person.name ?? person.handle},\n\nAn admin of ${site.name} did not approve the account @${person.handle}, so it and everything you typed at sign-up have been deleted.` +
      `${reason ? `\n\nTheir reason: ${reason}` : ''}${site.contactEmail ? `\n\nQuestions? Write to ${site.contactEmail}.` : ''}`,
  });
  return 'rejected';
}

/** A new invite code: 96 random bits, as group invites. */
export function newInviteCode() {
  return crypto.randomBytes(12).toString('base64url');
}
