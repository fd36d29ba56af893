// The feed's greeting: "Good evening, Maya" in the person's own time zone, and one kind line from their world.
// Never a guilt trip: no streaks, no "you haven't posted in a while" — only good news, or nothing.
import { dateFormat, formatNumber } from '@/lib/intl';

export type GreetingFacts = {
  name: string;
  timeZone: string | null;
  /** Posts in their groups since their previous visit (by others). */
  newGroupPosts: number;
  /** The most recent person who followed them since their previous visit, if any. */
  newFollower: string | null;
  newFollowerCount: number;
  /** Days until the anniversary of joining Hearth, when it is close (0 = today). */
  anniversaryInDays: number | null;
  anniversaryYears: number;
};

export function partOfDay(now: Date, timeZone: string | null): 'morning' | 'afternoon' | 'evening' | 'night' {
  const hour = Number(
    dateFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: timeZone ?? 'UTC' }).format(now),
  );
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  if (hour >= 18 && hour < 23) return 'evening';
  return 'night';
}

export function firstName(name: string) {
  return name.trim().split(/\s+/)[0] || name;
}

export function greetingFor(facts: GreetingFacts, now: Date): { salutation: string; line: string | null } {
  const part = partOfDay(now, facts.timeZone);
  const salutation = part === 'night' ? `Hello, night owl ${firstName(facts.name)}` : `Good ${part}, ${firstName(facts.name)}`;
  let line: string | null = null;
  if (facts.anniversaryInDays === 0) {
    line = `It’s your ${ordinal(facts.anniversaryYears)} Hearth anniversary today — thank you for being here.`;
  } else if (facts.newFollower) {
    line =
      facts.newFollowerCount > 1
        ? `${facts.newFollower} and ${facts.newFollowerCount - 1} ${facts.newFollowerCount === 2 ? 'other' : 'others'} started following you.`
        : `${facts.newFollower} started following you.`;
  } else if (facts.newGroupPosts > 0) {
    line = `${facts.newGroupPosts === 1 ? 'One new post' : `${formatNumber(facts.newGroupPosts)} new posts`} in your groups since your last visit.`;
  } else if (facts.anniversaryInDays !== null && facts.anniversaryInDays <= 7) {
    line = `Your ${ordinal(facts.anniversaryYears)} Hearth anniversary is ${facts.anniversaryInDays === 1 ? 'tomorrow' : `in ${facts.anniversaryInDays} days`}.`;
  }
  return { salutation, line };
}

export function ordinal(n: number) {
  const rem100 = n % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Days from `now` to the next anniversary of `joined` (0 = today), and which anniversary it is. */
export function nextAnniversary(joined: Date, now: Date, timeZone: string | null): { inDays: number; years: number } {
  const dayOf = (d: Date) => {
    const parts = dateFormat('en-CA', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    return { y: get('year'), m: get('month'), d: get('day') };
  };
  const j = dayOf(joined);
  const n = dayOf(now);
  const today = Date.UTC(n.y, n.m - 1, n.d);
  let year = n.y;
  let next = Date.UTC(year, j.m - 1, j.d);
  if (next < today) next = Date.UTC(++year, j.m - 1, j.d);
  return { inDays: Math.round((next - today) / 86_400_000), years: year - j.y };
}
