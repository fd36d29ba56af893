import 'server-only';
// What the feed controls page and the privacy dashboard show: every active control in words, its history,
// the interest profile with numbers, and the groups whose activity may be kept quiet.
import { and, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { feedControls, follows, groupMembers, groups, posts, users, type FeedControlKind } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { visiblePosts } from '@/lib/posts/visibility';
import { getFeed, type FeedItem } from './feed';
import { getInterestProfile, personalizationOf, type Personalization, type ProfileInterest } from './profile';

export type ControlView = { id: string; kind: FeedControlKind; text: string; createdAt: Date; expiresAt: Date | null; endedAt: Date | null };

const kindText: Record<FeedControlKind, (name: string) => string> = {
  less_author: (n) => `Show less of ${n}`,
  less_tag: (n) => `Show less about #${n}`,
  less_group: (n) => `Show less from ${n}`,
  not_interested: (n) => `Not interested in “${n}”`,
  mute_user: (n) => `Muted ${n}`,
  mute_group: (n) => `Muted ${n}`,
  mute_word: (n) => `Muted the word “${n}”`,
  quiet_group: (n) => `Activity in ${n} doesn’t shape your feed`,
};

/** Each control in words; a post is named by its first words only while the viewer may still see it. */
async function describe(viewer: Viewer, rows: (typeof feedControls.$inferSelect)[]): Promise<ControlView[]> {
  const userIds = rows.filter((r) => r.kind === 'less_author' || r.kind === 'mute_user').map((r) => r.target);
  const groupIds = rows.filter((r) => r.kind === 'less_group' || r.kind === 'mute_group' || r.kind === 'quiet_group').map((r) => r.target);
  const postIds = rows.filter((r) => r.kind === 'not_interested').map((r) => r.target);
  const [people, groupRows, postRows] = await Promise.all([
    userIds.length ? db.select({ id: users.id, name: sql<string>`coalesce(${users.name}, ${users.handle})` }).from(users).where(inArray(users.id, userIds)) : [],
    groupIds.length ? db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, groupIds)) : [],
    postIds.length ? db.select({ id: posts.id, body: posts.body }).from(posts).where(and(inArray(posts.id, postIds), visiblePosts(viewer.id))) : [],
  ]);
  const names = new Map<string, string>([...people.map((p) => [p.id, p.name] as const), ...groupRows.map((g) => [g.id, g.name] as const), ...postRows.map((p) => [p.id, p.body.length > 50 ? `${p.body.slice(0, 50)}…` : p.body] as const)]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: kindText[r.kind](names.get(r.target) ?? (r.kind === 'less_tag' || r.kind === 'mute_word' ? r.target : 'something that is gone')),
    createdAt: new Date(r.createdAt),
    expiresAt: r.expiresAt ? new Date(r.expiresAt) : null,
    endedAt: r.endedAt ? new Date(r.endedAt) : null,
  }));
}

export type FeedControlsPage = {
  personalization: Personalization;
  interests: ProfileInterest[];
  active: ControlView[];
  history: ControlView[];
  groups: { id: string; name: string; slug: string; quiet: boolean }[];
  followCount: number;
  preview: FeedItem[];
};

export async function getFeedControlsPage(viewer: Viewer): Promise<FeedControlsPage> {
  const now = new Date();
  const personalization = await personalizationOf(db, viewer.id, now);
  const [interests, activeRows, endedRows, myGroups, [followRow], preview] = await Promise.all([
    getInterestProfile(db, viewer.id, { now, useInferred: personalization.useInferred }),
    db
      .select()
      .from(feedControls)
      .where(and(eq(feedControls.userId, viewer.id), isNull(feedControls.endedAt), or(isNull(feedControls.expiresAt), gt(feedControls.expiresAt, now))))
      .orderBy(desc(feedControls.createdAt)),
    db
      .select()
      .from(feedControls)
      .where(and(eq(feedControls.userId, viewer.id), or(isNotNull(feedControls.endedAt), sql`${feedControls.expiresAt} <= ${now.toISOString()}::timestamptz`)))
      .orderBy(desc(feedControls.createdAt))
      .limit(20),
    db
      .select({ id: groups.id, name: groups.name, slug: groups.slug })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(eq(groupMembers.userId, viewer.id))
      .orderBy(groups.name),
    db.select({ n: sql<number>`count(*)::int` }).from(follows).where(eq(follows.followerId, viewer.id)),
    getFeed(viewer, { mode: 'foryou', now }).then((f) => f.items.slice(0, 5)),
  ]);
  const [active, history] = await Promise.all([describe(viewer, activeRows), describe(viewer, endedRows)]);
  const quiet = new Set(activeRows.filter((r) => r.kind === 'quiet_group').map((r) => r.target));
  return {
    personalization,
    interests,
    active: active.filter((c) => c.kind !== 'quiet_group'),
    history,
    groups: myGroups.map((g) => ({ ...g, quiet: quiet.has(g.id) })),
    followCount: Number(followRow?.n ?? 0),
    preview,
  };
}

/** The viewer's active controls naming one person or group (for the mute / quiet buttons on its page). */
export async function controlsOn(viewer: Viewer, target: string): Promise<{ id: string; kind: FeedControlKind }[]> {
  const now = new Date();
  return db
    .select({ id: feedControls.id, kind: feedControls.kind })
    .from(feedControls)
    .where(and(eq(feedControls.userId, viewer.id), eq(feedControls.target, target), isNull(feedControls.endedAt), or(isNull(feedControls.expiresAt), gt(feedControls.expiresAt, now))));
}
