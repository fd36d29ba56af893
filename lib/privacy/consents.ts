// Reading and changing a person's consents; every answer — the first one, and every change — is logged (what, when,
// old → new, where) in the same transaction.
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { consentLog, consents, profiles, tasteVectors } from '@/db/schema';
import { choiceConsentLabels, consentInfo, consentSourceText, effectiveConsents, onboardingConsentKinds, type ConsentKind, type ConsentSource, type ConsentState } from './consent';

/** What the person has agreed to right now (off for what they never answered). */
export async function consentsOf(db: Executor, userId: string): Promise<ConsentState> {
  const [stored, [profile]] = await Promise.all([
    db.select({ kind: consents.kind, granted: consents.granted }).from(consents).where(eq(consents.userId, userId)),
    db.select({ suggestMe: profiles.suggestMe }).from(profiles).where(eq(profiles.userId, userId)).limit(1),
  ]);
  return effectiveConsents(stored, profile?.suggestMe);
}

/**
 * Records the person's answer to one consent and logs it — the first answer always (a "no" too), later ones when
 * they change something — with where it was given. Returns whether the consent changed. Call inside a transaction.
 */
export async function setConsent(tx: Executor, userId: string, kind: ConsentKind, granted: boolean, via: ConsentSource, now = new Date()) {
  const [[stored], current] = await Promise.all([
    tx.select({ granted: consents.granted }).from(consents).where(and(eq(consents.userId, userId), eq(consents.kind, kind))).for('update'),
    consentsOf(tx, userId).then((state) => state[kind]),
  ]);
  const changed = current !== granted;
  if (stored && !changed) return false;
  await tx
    .insert(consents)
    .values({ userId, kind, granted, updatedAt: now })
    .onConflictDoUpdate({ target: [consents.userId, consents.kind], set: { granted, updatedAt: now } });
  if (kind === 'suggest_me') await tx.update(profiles).set({ suggestMe: granted, updatedAt: now }).where(eq(profiles.userId, userId));
  // The taste vector exists only for people who allow both: withdrawing either deletes it at once (the interest
  // scores stay for the dashboard's offer to delete them, but the taste vector is the model's, not a record of theirs).
  if (!granted && (kind === 'personalize_activity' || kind === 'inferred_interests')) await tx.delete(tasteVectors).where(eq(tasteVectors.userId, userId));
  await tx.insert(consentLog).values({ userId, kind, oldValue: current, newValue: granted, via, createdAt: now });
  return changed;
}

/** "Skip for now" at onboarding: every consent asked there that the person has not answered yet is recorded, and logged, as off. */
export async function skipOnboardingConsents(tx: Executor, userId: string, now = new Date()) {
  for (const kind of onboardingConsentKinds) {
    const [stored] = await tx.select({ granted: consents.granted }).from(consents).where(and(eq(consents.userId, userId), eq(consents.kind, kind)));
    if (!stored) await setConsent(tx, userId, kind, false, 'onboarding_skip', now);
  }
}

export type ConsentLogEntry = { id: string; kind: string; label: string; oldValue: boolean; newValue: boolean; via: string | null; where: string | null; createdAt: Date };

/** The person's consent log, newest first. */
export async function consentLogOf(db: Executor, userId: string, limit = 50): Promise<ConsentLogEntry[]> {
  const rows = await db.select().from(consentLog).where(eq(consentLog.userId, userId)).orderBy(desc(consentLog.createdAt), desc(consentLog.id)).limit(limit);
  return rows.map((r) => ({ id: r.id, kind: r.kind, label: consentInfo[r.kind as ConsentKind]?.label ?? choiceConsentLabels[r.kind] ?? r.kind, oldValue: r.oldValue, newValue: r.newValue, via: r.via, where: consentSourceText(r.via), createdAt: r.createdAt }));
}
