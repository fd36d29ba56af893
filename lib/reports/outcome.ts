// How a report's outcome is said to the person who made it: never who acted, only what happened. Used by the
// in-app notification and the mail alike.
import type { ReportOutcome, ReportReason, ReportTargetKind } from '@/db/schema';

export const reasonLabels: Record<ReportReason, string> = {
  spam: 'Spam or advertising',
  harassment: 'Harassment or bullying',
  hate: 'Hate against a group of people',
  self_harm: 'Someone may hurt themself',
  illegal: 'Something illegal',
  other: 'Something else',
};

export const targetWords: Record<ReportTargetKind, string> = { post: 'post', comment: 'comment', profile: 'profile', group: 'group' };

export type OutcomeData = { what: ReportTargetKind; outcome: ReportOutcome; reason?: string; group?: string };

export function outcomeText(d: OutcomeData): string {
  const thing = `The ${targetWords[d.what] ?? 'thing'} you reported`;
  const why = d.reason ? `: “${d.reason}”` : '.';
  switch (d.outcome) {
    case 'removed':
      return `${thing} was removed${why}`;
    case 'locked':
      return `${thing} was reviewed: comments on the post are now locked${why}`;
    case 'banned':
      return `${thing} was reviewed: its author was banned from ${d.group ?? 'the group'}${why}`;
    case 'suspended':
      return `${thing} was reviewed: the account was suspended${why}`;
    case 'gone':
      return `${thing} is gone: the account was deleted.`;
    case 'dismissed':
    default:
      return `${thing} was reviewed and left up${d.reason ? `: “${d.reason}”` : '. Thank you for looking out for others.'}`;
  }
}
