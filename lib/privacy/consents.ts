// Reading and changing a person's consents; every change is logged (what, when, old → new) in the same transaction.
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { consentLog, consents, profiles } from '@/db/schema';
import { choiceConsentLabels, consentInfo, effectiveConsents, type ConsentKind, type ConsentState } from './consent';

/** What the person has agreed to right now (defaults for what they never answered). */
export async function consentsOf(db: Executor, userId: string): Promise<ConsentState> {
  const [stored, [profile]] = await Promise.all([
    db.select({ kind: consents.kind, granted: consents.granted }).from(consents).where(eq(consents.userId, userId)),
    db.select({ suggestMe: profiles.suggestMe }).from(profiles).where(eq(profiles.userId, userId)).limit(1),
  ]);
  return effectiveConsents(stored, profile?.suggestMe);
}

/** Sets one consent; logs it when it changed. Returns whether it changed. Call inside a transaction. */
export async function setConsent(tx: Executor, userId: string, kind: ConsentKind, granted: boolean, now = new Date()) {
  const current = (await consentsOf(tx, userId))[kind];
  if (current === granted) return false;
  await tx
    .insert(consents)
    .values({ userId, kind, granted, updatedAt: now })
    .onConflictDoUpdate({ target: [consents.userId, consents.kind], set: { granted, updatedAt: now } });
  if (kind === 'suggest_me') await tx.update(profiles).set({ suggestMe: granted, updatedAt: now }).where(eq(profiles.userId, userId));
  await tx.insert(consentLog).values({ userId, kind, oldValue: current, newValue: granted, createdAt: now });
  return true;
}

export type ConsentLogEntry = { id: string; kind: string; label: string; oldValue: boolean; newValue: boolean; createdAt: Date };

/** The person's consent log, newest first. */
export async function consentLogOf(db: Executor, userId: string, limit = 50): Promise<ConsentLogEntry[]> {
  const rows = await db.select().from(consentLog).where(eq(consentLog.userId, userId)).orderBy(desc(consentLog.createdAt), desc(consentLog.id)).limit(limit);
  return rows.map((r) => ({ id: r.id, kind: r.kind, label: consentInfo[r.kind as ConsentKind]?.label ?? choiceConsentLabels[r.kind] ?? r.kind, oldValue: r.oldValue, newValue: r.newValue, createdAt: r.createdAt }));
}
