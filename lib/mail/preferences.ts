// Which mail a person gets. 'account' mail is always sent (it is how they keep their account); 'moderation' mail
// (the outcome of a report, a notice from the people who run the instance) is on until turned off; the digest is
// off until asked for (a `digest_subscriptions` row). The one-click unsubscribe of a mail turns its kind off here.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { digestSubscriptions, mailPreferences, type DigestFrequency } from '@/db/schema';
import { setDigest } from '@/lib/digest/subscription';
import type { MailKind } from './outbox';

export async function mailKindEnabled(db: Executor, userId: string, kind: MailKind): Promise<boolean> {
  if (kind === 'account') return true;
  if (kind === 'digest') {
    const [row] = await db.select({ userId: digestSubscriptions.userId }).from(digestSubscriptions).where(eq(digestSubscriptions.userId, userId)).limit(1);
    return Boolean(row);
  }
  const [row] = await db
    .select({ enabled: mailPreferences.enabled })
    .from(mailPreferences)
    .where(and(eq(mailPreferences.userId, userId), eq(mailPreferences.kind, kind)))
    .limit(1);
  return row?.enabled ?? true;
}

/** Turns a kind of mail off for the person (the unsubscribe link, or their settings). 'account' mail cannot be. */
export async function turnOffMailKind(db: Executor, userId: string, kind: Exclude<MailKind, 'account'>) {
  if (kind === 'digest') {
    // Stopping the digest withdraws the consent its choice gave: logged like the settings page does.
    await setDigest(db, userId, null);
    return;
  }
  await db
    .insert(mailPreferences)
    .values({ userId, kind, enabled: false })
    .onConflictDoUpdate({ target: [mailPreferences.userId, mailPreferences.kind], set: { enabled: false, updatedAt: new Date() } });
}

export type MailChoices = { moderation: boolean; digest: DigestFrequency | 'off' };

/** The person's choices for the kinds they may turn off, as their settings show them. */
export async function mailChoicesOf(db: Executor, userId: string): Promise<MailChoices> {
  const [digest] = await db.select({ frequency: digestSubscriptions.frequency }).from(digestSubscriptions).where(eq(digestSubscriptions.userId, userId)).limit(1);
  return { moderation: await mailKindEnabled(db, userId, 'moderation'), digest: digest?.frequency ?? 'off' };
}

/** Saves the choices from the settings (one transaction by the caller). */
export async function saveMailChoices(db: Executor, userId: string, choices: MailChoices) {
  await db
    .insert(mailPreferences)
    .values({ userId, kind: 'moderation', enabled: choices.moderation })
    .onConflictDoUpdate({ target: [mailPreferences.userId, mailPreferences.kind], set: { enabled: choices.moderation, updatedAt: new Date() } });
  // The digest through the one place that also logs its start and stop as consent (lib/digest/subscription.ts).
  await setDigest(db, userId, choices.digest === 'off' ? null : choices.digest);
}
