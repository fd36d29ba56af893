// The consents a person gives Hearth, each in one sentence. None is on until the person says yes: an unanswered
// consent is off. The feed and notifications read them (through consentsOf) before using anything the person has not
// agreed to; suggest_me is the profile's own switch.

export const consentKinds = ['personalize_activity', 'inferred_interests', 'suggest_me', 'public_celebrations', 'email_notifications'] as const;
export type ConsentKind = (typeof consentKinds)[number];

export const consentInfo: Record<ConsentKind, { label: string; explanation: string; default: boolean }> = {
  personalize_activity: {
    label: 'Use my activity to personalize',
    explanation: 'What you read, react to and save shapes the order of your feed; off, your feed uses only whom and what you follow.',
    default: false,
  },
  inferred_interests: {
    label: 'Use inferred interests',
    explanation: 'Hearth may guess interests from your activity and recommend posts about them; off, only interests you chose count.',
    default: false,
  },
  suggest_me: {
    label: 'Suggest me to others',
    explanation: 'People who share your groups or interests may see you among suggested people to follow — never while your profile is visible only to you.',
    default: false,
  },
  public_celebrations: {
    label: 'Public celebrations',
    explanation: 'Your milestones, such as your first post or your Hearth birthday, may be celebrated where others can see them.',
    default: false,
  },
  email_notifications: {
    label: 'Email notifications',
    explanation: 'Hearth may email you about replies, mentions and invitations; off, you see them only in Hearth.',
    default: false,
  },
};

/**
 * Consents given by a choice elsewhere, logged in the consent log beside the ones above: asking for the digest mail
 * (lib/digest/subscription.ts) is the consent to get it.
 */
export const digestConsentKind = 'email_digest';
export const choiceConsentLabels: Record<string, string> = { [digestConsentKind]: 'Email digest' };

/** The consents asked at onboarding (/welcome): answered there, or all recorded as off when the person skips. */
export const onboardingConsentKinds = ['personalize_activity', 'inferred_interests', 'suggest_me', 'public_celebrations'] as const satisfies readonly ConsentKind[];

/** Where an answer was given, as the consent log says it. */
export const consentSources = {
  onboarding: 'answered when you joined',
  onboarding_skip: 'you skipped the question when you joined',
  privacy: 'on your privacy page',
  profile: 'in your profile settings',
  feed: 'in your feed settings',
  digest: 'in your digest settings',
  seed: 'given when the example community was planted',
} as const;
export type ConsentSource = keyof typeof consentSources;

/** The log's wording of where an answer came from (nothing for answers logged before that was kept). */
export function consentSourceText(via: string | null): string | null {
  return via && via in consentSources ? consentSources[via as ConsentSource] : null;
}

export type ConsentState = Record<ConsentKind, boolean>;

/** Stored answers over the defaults: what the person has agreed to right now. */
export function effectiveConsents(stored: { kind: string; granted: boolean }[], suggestMe?: boolean): ConsentState {
  const state = Object.fromEntries(consentKinds.map((k) => [k, consentInfo[k].default])) as ConsentState;
  for (const row of stored) if ((consentKinds as readonly string[]).includes(row.kind)) state[row.kind as ConsentKind] = row.granted;
  // The profile's "suggest me" switch is the one source of truth for that consent.
  if (suggestMe !== undefined) state.suggest_me = suggestMe;
  return state;
}
