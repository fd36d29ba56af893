// Thank-you templates and group milestone wording: which placeholders exist, how they are filled, which milestone
// kinds a group may thank for. Pure, so it is tested without a database.
import type { GroupMilestoneKind } from '@/db/schema/celebrations';
import { milestoneRules } from './rules';
import { formatNumber } from '@/lib/intl';
import { fillTemplate } from '@/lib/template';

export const placeholders = ['name', 'count', 'nth', 'group', 'milestone'] as const;
export type Placeholder = (typeof placeholders)[number];
export type TemplateValues = Record<Placeholder, string | number>;

export const TEMPLATE_MAX = 280;
export const NOTE_MAX = 500;
export const MILESTONE_TITLE_MAX = 80;

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number) {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${formatNumber(n)}${suffix}`;
}

/** Placeholders a text uses that Hearth does not know ("{nmae}"), so the author can fix them before anyone sees them. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{([^{}\s]{1,30})\}/g)].map((m) => m[1]).filter((p) => !(placeholders as readonly string[]).includes(p));
}

/** Fills a thank-you template or a group milestone's wording with the one template engine (lib/template.ts). */
export function renderTemplate(template: string, values: Partial<TemplateValues>): string {
  return fillTemplate(template, placeholders, values);
}

/** The milestone kinds a group may write thanks for: built-in rules earned through something done in the group, and anniversaries. */
export const builtinThankableKinds: { key: string; label: string; count: number }[] = [
  ...milestoneRules.map((r) => ({ key: r.key, label: r.title, count: r.threshold })),
  ...[1, 2, 5].map((years) => ({ key: `membership_${years}`, label: `${years} ${years === 1 ? 'year' : 'years'} in the group`, count: years })),
];

export const groupMilestoneKindLabels: Record<GroupMilestoneKind, string> = {
  group_posts: 'Posts in this group',
  membership_months: 'Months of membership',
  founding_day: 'The group’s founding day (each year)',
};

/** How a group-defined milestone reads in a list of milestones ("10 posts in the group"). */
export function describeGroupMilestone(kind: GroupMilestoneKind, threshold: number) {
  if (kind === 'group_posts') return `${formatNumber(threshold)} ${threshold === 1 ? 'post' : 'posts'} in the group`;
  if (kind === 'membership_months') return `${threshold} ${threshold === 1 ? 'month' : 'months'} of membership`;
  return 'The group’s founding day';
}

export const groupRuleKey = (groupMilestoneId: string) => `group:${groupMilestoneId}`;
