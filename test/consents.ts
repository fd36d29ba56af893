// Consents are off until a person says yes (lib/privacy/consent.ts). Tests about what Hearth does for people who
// agreed say yes for them here, through the real consent function, as they would at onboarding.
import { db } from '@/db/client';
import { onboardingConsentKinds, type ConsentKind } from '@/lib/privacy/consent';
import { setConsent } from '@/lib/privacy/consents';

/** The person answers yes to each consent named (by default every one asked at onboarding); each answer is logged. */
export async function sayYes(userId: string, kinds: readonly ConsentKind[] = onboardingConsentKinds) {
  await db.transaction(async (tx) => {
    for (const kind of kinds) await setConsent(tx, userId, kind, true, 'onboarding');
  });
}
