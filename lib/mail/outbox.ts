// Outgoing mail. Hearth has no mail server yet, so a message is a row in `outbox` (where a sender would pick it
// up); in development the messages are shown at /dev/mail and written to the log, links included.
import { desc } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { outbox } from '@/db/schema';

/**
 * What a message is. 'account' mail (sign-up, password, security notices) is always sent; the other kinds carry a
 * one-click unsubscribe (RFC 8058) that turns that kind off for the person.
 */
export const mailKinds = ['account', 'digest', 'moderation'] as const;
export type MailKind = (typeof mailKinds)[number];

/**
 * `userId` is null only for a sign-up not yet finished (lib/auth/signup.ts): there is no account to own it yet.
 * `body` is plain text (links on their own lines); `kind` defaults to 'account'.
 */
export type Mail = { userId: string | null; to: string; subject: string; body: string; kind?: MailKind };

/** Whether the development mailbox is open: /dev/mail and the log. Never in production unless HEARTH_MAILBOX=on. */
export function mailboxOpen() {
  const setting = process.env.HEARTH_MAILBOX;
  if (setting === 'on' || setting === 'off') return setting === 'on';
  return process.env.NODE_ENV === 'development';
}

export async function sendMail(db: Executor, mail: Mail) {
  await db.insert(outbox).values({ userId: mail.userId, kind: mail.kind ?? 'account', toAddress: mail.to, subject: mail.subject, body: mail.body });
  if (mailboxOpen()) console.log(`[mail] to ${mail.to}: ${mail.subject}\n${mail.body.replace(/^/gm, '  ')}`);
}

/** The newest messages, for the development mailbox. */
export function latestMail(db: Executor, limit = 50) {
  return db
    .select({ id: outbox.id, to: outbox.toAddress, subject: outbox.subject, body: outbox.body, createdAt: outbox.createdAt })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}
