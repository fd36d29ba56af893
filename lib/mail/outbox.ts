// Outgoing mail. A message is first a row in `outbox`, written in the same transaction as what it is about; the
// mail worker (lib/mail/worker.ts) sends it over SMTP (SMTP_URL) within seconds, retrying with backoff. In
// development without SMTP_URL the messages are shown at /dev/mail (to instance admins) and written to the log.
import { desc } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { outbox } from '@/db/schema';
import { env } from '@/lib/env';
import { mailKindEnabled } from './preferences';
import { log } from '@/lib/log';

/**
 * What a message is. 'account' mail (sign-up, password, security notices) is always sent; the other kinds carry a
 * one-click unsubscribe (RFC 8058) that turns that kind off for the person.
 */
export const mailKinds = ['account', 'digest', 'moderation'] as const;
export type MailKind = (typeof mailKinds)[number];

/**
 * `userId` is null only for a sign-up not yet finished (lib/auth/signup.ts): there is no account to own it yet.
 * `body` is plain text (links on their own lines); `kind` defaults to 'account'. `origin` is the site's address
 * the links should use (the request's, when there is one); AUTH_URL when not given.
 */
export type Mail = { userId: string | null; to: string; subject: string; body: string; kind?: MailKind; origin?: string };

/**
 * Whether the development mailbox is open: /dev/mail (to instance admins) and the log. Never in production,
 * whatever HEARTH_MAILBOX says; elsewhere HEARTH_MAILBOX decides, and it is on by default in development.
 */
export function mailboxOpen() {
  if (env.NODE_ENV === 'production') return false;
  if (env.HEARTH_MAILBOX) return env.HEARTH_MAILBOX === 'on';
  return env.NODE_ENV === 'development';
}

type Kick = () => void;
// On globalThis: Next loads the worker (instrumentation) and the actions that queue mail in separate module graphs,
// so a module variable here would be two variables.
const kicks = globalThis as typeof globalThis & { __hearthMailQueued?: Kick | null };

/** Set by the running mail worker: a new message asks it to look now rather than at its next poll. */
export function onMailQueued(fn: Kick | null) {
  kicks.__hearthMailQueued = fn;
}

/**
 * Queues a message; returns false when it is not queued because the person turned this kind of mail off. Kinds other
 * than 'account' are checked again when sent (a choice made in between counts).
 */
export async function sendMail(db: Executor, mail: Mail): Promise<boolean> {
  const kind = mail.kind ?? 'account';
  if (kind !== 'account' && mail.userId && !(await mailKindEnabled(db, mail.userId, kind))) return false;
  await db.insert(outbox).values({ userId: mail.userId, kind, toAddress: mail.to, subject: mail.subject, body: mail.body, origin: mail.origin ?? null });
  if (mailboxOpen()) log.info({ to: mail.to, subject: mail.subject, body: mail.body }, `[mail] to ${mail.to}: ${mail.subject}`);
  kicks.__hearthMailQueued?.();
  return true;
}

/** The newest messages, for the development mailbox. */
export function latestMail(db: Executor, limit = 50) {
  return db
    .select({ id: outbox.id, to: outbox.toAddress, subject: outbox.subject, body: outbox.body, status: outbox.status, createdAt: outbox.createdAt })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}
