// Milestone rules, declared as data: adding one is an entry here plus its test.
export type MilestoneEvent = 'post' | 'comment' | 'reaction_received' | 'group_joined';

export interface MilestoneRule {
  key: string;
  event: MilestoneEvent;
  /** Awarded when the person's count for the event reaches this number. */
  threshold: number;
  title: string;
  /** Shown to the person: warm, never a nag. */
  message: string;
}

const counts = (event: MilestoneEvent, noun: string, thresholds: number[], first: { title: string; message: string }): MilestoneRule[] =>
  thresholds.map((threshold) =>
    threshold === 1
      ? { key: `first_${event}`, event, threshold, ...first }
      : { key: `${event}_${threshold}`, event, threshold, title: `${threshold.toLocaleString('en')} ${noun}`, message: `You reached ${threshold.toLocaleString('en')} ${noun}. Thank you for being part of this.` },
  );

export const milestoneRules: MilestoneRule[] = [
  ...counts('post', 'posts', [1, 10, 100, 1000], { title: 'First post', message: 'You shared your first post. Welcome to the conversation!' }),
  ...counts('comment', 'comments', [1], { title: 'First comment', message: 'Your first comment — that is how conversations start.' }),
  ...counts('reaction_received', 'reactions received', [1, 100, 1000], { title: 'First reaction', message: 'Someone reacted to something you shared.' }),
  ...counts('group_joined', 'groups', [1], { title: 'First group', message: 'You joined your first group. Say hello!' }),
];

/** The rules a count has just reached (exactly equal: each is crossed once). */
export function rulesReached(event: MilestoneEvent, count: number): MilestoneRule[] {
  return milestoneRules.filter((r) => r.event === event && count === r.threshold);
}

/** Rules reached at or below a count (for catching up, e.g. after an import). */
export function rulesUpTo(event: MilestoneEvent, count: number): MilestoneRule[] {
  return milestoneRules.filter((r) => r.event === event && count >= r.threshold);
}

/** A milestone's title in words, for date-based rules as well as the declared ones. */
export function milestoneTitle(rule: string, groupName?: string | null): string {
  const declared = milestoneRules.find((r) => r.key === rule);
  if (declared) return declared.title;
  if (rule === 'goal_reached') return 'Reached a goal';
  const cake = /^cake_day_(\d+)$/.exec(rule);
  if (cake) return `Cake day: ${cake[1]} ${cake[1] === '1' ? 'year' : 'years'} on Hearth`;
  const membership = /^membership_(\d+)$/.exec(rule);
  if (membership) return `${membership[1]} ${membership[1] === '1' ? 'year' : 'years'} in ${groupName ?? 'a group'}`;
  return rule;
}

/** Milestones of a group as a community, declared as data like the personal ones. */
export type GroupEvent = 'group_post' | 'group_member';

export interface GroupRule {
  key: string;
  event: GroupEvent;
  threshold: number;
  title: (group: string) => string;
}

export const groupRules: GroupRule[] = [
  { key: 'group_first_post', event: 'group_post', threshold: 1, title: (g) => `The first post in ${g}` },
  ...[10, 100, 1000].map((n): GroupRule => ({ key: `group_members_${n}`, event: 'group_member', threshold: n, title: (g) => `${g} has ${n.toLocaleString('en')} members` })),
];

export function groupRulesReached(event: GroupEvent, count: number): GroupRule[] {
  return groupRules.filter((r) => r.event === event && count === r.threshold);
}

/** A group milestone's title, for the declared rules and the founding anniversaries (founded_1, founded_2 …). */
export function groupAchievementTitle(rule: string, group: string): string {
  const declared = groupRules.find((r) => r.key === rule);
  if (declared) return declared.title(group);
  const founded = /^founded_(\d+)$/.exec(rule);
  if (founded) return `${group} is ${founded[1]} ${founded[1] === '1' ? 'year' : 'years'} old today`;
  return rule;
}
