// The consents a person gives Hearth, each in one sentence, with its default. The feed and notification issues read
// them (through consentsOf) before using anything the person has not agreed to; suggest_me is the profile's own switch.

export const consentKinds = ['personalize_activity', 'inferred_interests', 'suggest_me', 'public_celebrations', 'email_notifications'] as const;
export type ConsentKind = (typeof consentKinds)[number];

export const consentInfo: Record<ConsentKind, { label: string; explanation: string; default: boolean }> = {
  personalize_activity: {
    label: 'Use my activity to personalize',
    explanation: 'What you read, react to and save shapes the order of your feed; off, your feed uses only whom and what you follow.',
    default: true,
  },
  inferred_interests: {
    label: 'Use inferred interests',
    explanation: 'Hearth may guess interests from your activity and recommend posts about them; off, only interests you chose count.',
    default: true,
  },
  suggest_me: {
    label: 'Suggest me to others',
    explanation: 'People who share your interests may see you among suggested people to follow.',
    default: true,
  },
  public_celebrations: {
    label: 'Public celebrations',
    explanation: 'Your milestones, such as your first post or your Hearth birthday, may be celebrated where others can see them.',
    default: true,
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

export type ConsentState = Record<ConsentKind, boolean>;

/** Stored answers over the defaults: what the person has agreed to right now. */
export function effectiveConsents(stored: { kind: string; granted: boolean }[], suggestMe?: boolean): ConsentState {
  const state = Object.fromEntries(consentKinds.map((k) => [k, consentInfo[k].default])) as ConsentState;
  for (const row of stored) if ((consentKinds as readonly string[]).includes(row.kind)) state[row.kind as ConsentKind] = row.granted;
  // The profile's "suggest me" switch is the one source of truth for that consent.
  if (suggestMe !== undefined) state.suggest_me = suggestMe;
  return state;
}
