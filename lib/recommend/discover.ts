import 'server-only';
// Discover: a weekly set of posts, groups and people new to the person, each with its reason. Built on the first
// visit of an ISO week and stored, so it stays the same all week (like a weekly playlist), then replaced.
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { discoverSets, groups, users, type DiscoverItem } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getPostsByIds, type PostCard } from '@/lib/posts/queries';
import { rankForYou } from './for-you-list';
import { personalizationOf } from './profile';
import { suggestGroups, suggestPeople } from './suggestions';

/** "2026-W48": the ISO week of a date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const POSTS = 8;

/** Picks the week's set: posts from people and groups the person does not follow yet, groups and people to meet. */
export async function buildDiscoverSet(userId: string, now: Date): Promise<DiscoverItem[]> {
  const personalization = await personalizationOf(db, userId, now);
  const [ranked, groupPicks, peoplePicks] = await Promise.all([
    rankForYou(db, userId, personalization, now),
    suggestGroups(db, userId, { limit: 4, useInferred: personalization.useInferred }),
    suggestPeople(db, userId, { limit: 4, useInferred: personalization.useInferred }),
  ]);
  const posts: DiscoverItem[] = [];
  const authors = new Set<string>();
  for (const s of ranked) {
    if (posts.length >= POSTS) break;
    const kinds = new Set(s.terms().map((t) => t.kind));
    // New to you: not from someone you follow or a group you are in, not seen before, one per author.
    if (kinds.has('author') || kinds.has('group') || s.restraint < 1 || authors.has(s.candidate.authorId)) continue;
    authors.add(s.candidate.authorId);
    posts.push({ kind: 'post', id: s.candidate.postId, reason: s.terms()[0]!.text });
  }
  return [
    ...posts,
    ...groupPicks.map((g): DiscoverItem => ({ kind: 'group', id: g.id, reason: g.reason })),
    ...peoplePicks.map((p): DiscoverItem => ({ kind: 'person', id: p.id, reason: p.reason })),
  ];
}

export type DiscoverPage = {
  week: string;
  builtAt: Date;
  posts: { post: PostCard; reason: string }[];
  groups: { id: string; slug: string; name: string; description: string; accentColor: string; reason: string }[];
  people: { id: string; handle: string; name: string; image: string | null; reason: string }[];
};

export async function getDiscover(viewer: Viewer, now = new Date()): Promise<DiscoverPage> {
  const week = isoWeek(now);
  let [set] = await db.select().from(discoverSets).where(and(eq(discoverSets.userId, viewer.id), eq(discoverSets.week, week)));
  if (!set) {
    const items = await buildDiscoverSet(viewer.id, now);
    await db.transaction(async (tx) => {
      await tx.delete(discoverSets).where(and(eq(discoverSets.userId, viewer.id), lt(discoverSets.week, week)));
      await tx.insert(discoverSets).values({ userId: viewer.id, week, items, createdAt: now }).onConflictDoNothing();
    });
    [set] = await db.select().from(discoverSets).where(and(eq(discoverSets.userId, viewer.id), eq(discoverSets.week, week)));
  }
  const items = set!.items;
  const ids = (kind: DiscoverItem['kind']) => items.filter((i) => i.kind === kind).map((i) => i.id);
  const reasonOf = new Map(items.map((i) => [`${i.kind}:${i.id}`, i.reason]));
  const [posts, groupRows, peopleRows] = await Promise.all([
    getPostsByIds(viewer, ids('post')),
    ids('group').length
      ? db.select({ id: groups.id, slug: groups.slug, name: groups.name, description: groups.description, accentColor: groups.accentColor }).from(groups).where(inArray(groups.id, ids('group')))
      : [],
    ids('person').length
      ? db.select({ id: users.id, handle: users.handle, name: sql<string>`coalesce(${users.name}, ${users.handle})`, image: users.image }).from(users).where(inArray(users.id, ids('person')))
      : [],
  ]);
  return {
    week,
    builtAt: new Date(set!.createdAt),
    posts: posts.map((post) => ({ post, reason: reasonOf.get(`post:${post.id}`) ?? '' })),
    groups: groupRows.map((g) => ({ ...g, reason: reasonOf.get(`group:${g.id}`) ?? '' })),
    people: peopleRows.map((p) => ({ ...p, reason: reasonOf.get(`person:${p.id}`) ?? '' })),
  };
}
