// Asking for the digest, or stopping it. Choosing a digest is itself the consent to receive it: Hearth's
// `email_notifications` consent is about replies and mentions, so the digest does not hide behind it. Each start and
// stop is written to the consent log (kind 'email_digest', off → on or on → off) in the same transaction; changing
// daily ↔ weekly is a setting, not a consent, and is not logged.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { consentLog, digestSubscriptions, type DigestFrequency } from '@/db/schema';
import { digestConsentKind } from '@/lib/privacy/consent';

export type DigestSubscription = { frequency: DigestFrequency; lastSentAt: Date | null; createdAt: Date };

export async function digestSubscriptionOf(db: Executor, userId: string): Promise<DigestSubscription | null> {
  const [row] = await db
    .select({ frequency: digestSubscriptions.frequency, lastSentAt: digestSubscriptions.lastSentAt, createdAt: digestSubscriptions.createdAt })
    .from(digestSubscriptions)
    .where(eq(digestSubscriptions.userId, userId))
    .limit(1);
  return row ?? null;
}

/** Sets the person's digest (null: off). Call inside a transaction. Returns whether it was on before. */
export async function setDigest(tx: Executor, userId: string, frequency: DigestFrequency | null, now = new Date()): Promise<{ wasOn: boolean }> {
  if (frequency === null) {
    const removed = await tx.delete(digestSubscriptions).where(eq(digestSubscriptions.userId, userId)).returning({ userId: digestSubscriptions.userId });
    if (removed.length) await tx.insert(consentLog).values({ userId, kind: digestConsentKind, oldValue: true, newValue: false, via: 'digest', createdAt: now });
    return { wasOn: removed.length > 0 };
  }
  // xmax = 0 only on a row this statement inserted: two first choices at once log one start, not two.
  const [row] = await tx
    .insert(digestSubscriptions)
    .values({ userId, frequency, createdAt: now })
    .onConflictDoUpdate({ target: digestSubscriptions.userId, set: { frequency } })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const existing = !row?.inserted;
  if (!existing) await tx.insert(consentLog).values({ userId, kind: digestConsentKind, oldValue: false, newValue: true, via: 'digest', createdAt: now });
  return { wasOn: Boolean(existing) };
}
