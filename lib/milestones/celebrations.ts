// Celebration cards: recent milestones of the people close to the viewer (and the viewer's own, with a confetti
// moment while fresh), and a group's recent milestones for its page.
import 'server-only';
import { qualified } from '@/lib/sql';
import { and, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { preparedStatement } from '@/db/prepared';
import { groupAchievements, groupMembers, groupMilestones, groups, milestones, thankYouTemplates, users, type GroupMilestoneKind } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { loadGroupActor } from '@/lib/groups/context';
import { can } from '@/lib/groups/permissions';
import { getGroupAchievements, type GroupAchievementCard } from './group-achievements';
import { builtinThankableKinds, describeGroupMilestone, groupRuleKey } from './templates';
import { groupAchievementTitle, milestoneTitle } from './rules';
import { celebratedInGroupTo, celebratedTo, privateRules } from './visibility';

/** How long a milestone stays on celebration cards. */
export const CELEBRATION_DAYS = 7;
/** How long the person's own new milestone gets its confetti moment. */
const FRESH_HOURS = 24;

export type Celebration = {
  id: string;
  person: { id: string; name: string; handle: string; image: string | null };
  title: string;
  message: string;
  earnedAt: Date;
  isMine: boolean;
  /** The viewer's own milestone from the last day: the confetti moment. */
  fresh: boolean;
  group: { name: string; slug: string; accent: string } | null;
  congratulations: number;
  congratulated: boolean;
};

function columns(viewerId: string | SQL) {
  return {
    id: milestones.id,
    rule: milestones.rule,
    title: milestones.title,
    message: milestones.message,
    earnedAt: milestones.earnedAt,
    userId: users.id,
    name: users.name,
    handle: users.handle,
    image: users.image,
    groupName: groups.name,
    groupSlug: groups.slug,
    accent: groups.accentColor,
    congratulations: sql<number>`(select count(*)::int from congratulations c where c.milestone_id = ${qualified(milestones.id)})`,
    congratulated: sql<boolean>`exists (select 1 from congratulations c where c.milestone_id = ${qualified(milestones.id)} and c.user_id = ${viewerId})`,
  };
}

/** A row of columns(): the drivers return counts and flags as numbers or strings, normalized below. */
type Row = {
  id: string; rule: string; title: string; message: string; earnedAt: Date; userId: string; name: string | null; handle: string; image: string | null;
  groupName: string | null; groupSlug: string | null; accent: string | null; congratulations: number; congratulated: boolean;
};

function toCelebration(r: Row, viewerId: string, now: Date): Celebration {
  const earnedAt = new Date(r.earnedAt);
  const isMine = r.userId === viewerId;
  return {
    id: r.id,
    person: { id: r.userId, name: r.name ?? r.handle, handle: r.handle, image: r.image },
    title: r.title || milestoneTitle(r.rule, r.groupName),
    message: r.message,
    earnedAt,
    isMine,
    fresh: isMine && now.getTime() - earnedAt.getTime() < FRESH_HOURS * 3600_000,
    group: r.groupSlug ? { name: r.groupName ?? '', slug: r.groupSlug, accent: r.accent ?? '' } : null,
    congratulations: Number(r.congratulations),
    congratulated: Boolean(r.congratulated),
  };
}

/**
 * The celebration cards for the feed: the viewer's own milestones of the last week (milestones stay visible to
 * oneself, whatever one chose for others), then those of people close to them who allow public celebrations.
 */
export async function getCelebrationsFor(viewer: Viewer, now = new Date(), limit = 6): Promise<Celebration[]> {
  return (await feedCelebrations(viewer, now, limit, 0)).celebrations;
}

/** A group achievement as a celebration card shows it. */
type AchievementCard = Omit<GroupAchievementCard, 'group'> & { group: Omit<GroupAchievementCard['group'], 'id'> };

/**
 * The feed's celebrations in one statement, built once (db/prepared.ts: the feed sends it on every view): the
 * viewer's own milestones, those of people close to them, and the achievements of their groups as the union's third
 * part, with the person's columns empty (no milestone is without its person). Each part keeps its own order and
 * limit; celebratedTo never holds one's own, so the parts are told apart by person.
 */
const feedCelebrationRows = preparedStatement((database) => {
  const viewerId = sql`${sql.placeholder('viewer')}`;
  const since = sql`${sql.placeholder('since')}::timestamptz`;
  const query = (where: SQL | undefined, limit: string) =>
    database
      .select(columns(viewerId))
      .from(milestones)
      .innerJoin(users, eq(users.id, milestones.userId))
      .leftJoin(groups, eq(groups.id, milestones.groupId))
      .where(and(gt(milestones.earnedAt, since), where))
      .orderBy(desc(milestones.earnedAt), desc(milestones.id))
      .limit(sql.placeholder(limit));
  const achievements = database
    .select({
      id: groupAchievements.id,
      rule: groupAchievements.rule,
      title: sql<string>`''`,
      message: sql<string>`''`,
      earnedAt: groupAchievements.earnedAt,
      userId: sql<string>`null::text`,
      name: sql<string | null>`null::text`,
      handle: sql<string>`null::text`,
      image: sql<string | null>`null::text`,
      groupName: groups.name,
      groupSlug: groups.slug,
      accent: groups.accentColor,
      congratulations: sql<number>`0`,
      congratulated: sql<boolean>`false`,
    })
    .from(groupAchievements)
    .innerJoin(groups, eq(groups.id, groupAchievements.groupId))
    .where(and(gt(groupAchievements.earnedAt, since), inArray(groupAchievements.groupId, database.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.userId, viewerId)))))
    .orderBy(desc(groupAchievements.earnedAt), desc(groupAchievements.id))
    .limit(sql.placeholder('achievements'));
  return query(and(eq(milestones.userId, viewerId), sql`${milestones.rule} not in (${sql.join(privateRules.map((r) => sql`${r}`), sql`, `)})`), 'mine')
    .unionAll(query(celebratedTo(viewerId), 'others'))
    .unionAll(achievements)
    .prepare('feed_celebrations');
});

/**
 * The feed's celebration cards and the recent achievements of the viewer's groups (feedCelebrationRows).
 */
async function feedCelebrations(viewer: Viewer, now: Date, limit: number, achievementLimit: number): Promise<{ celebrations: Celebration[]; achievements: AchievementCard[] }> {
  // One's own first (at most half the cards), so a busy week of one's own never hides friends' moments.
  const rows = await feedCelebrationRows({
    viewer: viewer.id,
    since: new Date(now.getTime() - CELEBRATION_DAYS * 86400_000).toISOString(),
    mine: Math.ceil(limit / 2),
    others: limit,
    achievements: achievementLimit,
  });
  const people = rows.filter((r) => r.userId !== null);
  const mine = people.filter((r) => r.userId === viewer.id);
  const others = people.filter((r) => r.userId !== viewer.id);
  return {
    celebrations: [...mine, ...others].slice(0, limit).map((r) => toCelebration(r as Row, viewer.id, now)),
    achievements: rows
      .filter((r) => r.userId === null)
      .map((r) => ({ id: r.id, title: groupAchievementTitle(r.rule, r.groupName ?? ''), earnedAt: new Date(r.earnedAt), group: { name: r.groupName ?? '', slug: r.groupSlug ?? '', accent: r.accent ?? '' } })),
  };
}

/** A group's recent milestones, celebrated on its page in its own colours — for those who may read the group. */
export async function getGroupCelebrations(viewer: Viewer, groupId: string, now = new Date(), limit = 4): Promise<Celebration[]> {
  const since = new Date(now.getTime() - CELEBRATION_DAYS * 86400_000);
  const rows = await db
    .select(columns(viewer.id))
    .from(milestones)
    .innerJoin(users, eq(users.id, milestones.userId))
    .innerJoin(groups, eq(groups.id, milestones.groupId))
    .where(and(eq(milestones.groupId, groupId), gt(milestones.earnedAt, since), celebratedInGroupTo(viewer.id)))
    .orderBy(desc(milestones.earnedAt), desc(milestones.id))
    .limit(limit);
  return rows.map((r) => toCelebration(r as Row, viewer.id, now));
}

export type CelebrationSetup = {
  milestones: { id: string; kind: GroupMilestoneKind; threshold: number; title: string; message: string; description: string }[];
  templates: { id: string; milestoneKind: string; label: string; body: string; authorHandle: string | null }[];
  /** Every milestone kind a thank-you can be written for here. */
  kinds: { key: string; label: string }[];
};

/** A group's own milestones and thank-you templates, for those who may manage its celebrations (else null). */
export async function getCelebrationSetup(viewer: Viewer, groupId: string): Promise<CelebrationSetup | null> {
  const loaded = await loadGroupActor(db, { id: groupId }, viewer.id);
  if (!loaded || !can(loaded.actor, 'manage_celebrations').allowed) return null;
  const [defs, templates] = await Promise.all([
    db.select().from(groupMilestones).where(eq(groupMilestones.groupId, groupId)).orderBy(groupMilestones.kind, groupMilestones.threshold, groupMilestones.createdAt),
    db
      .select({ id: thankYouTemplates.id, milestoneKind: thankYouTemplates.milestoneKind, body: thankYouTemplates.body, authorHandle: users.handle })
      .from(thankYouTemplates)
      .leftJoin(users, eq(users.id, thankYouTemplates.authorId))
      .where(eq(thankYouTemplates.groupId, groupId))
      .orderBy(thankYouTemplates.milestoneKind),
  ]);
  const kinds = [
    ...builtinThankableKinds.map((k) => ({ key: k.key, label: k.label })),
    ...defs.map((d) => ({ key: groupRuleKey(d.id), label: `${d.title} (${describeGroupMilestone(d.kind, d.threshold)})` })),
  ];
  return {
    milestones: defs.map((d) => ({ id: d.id, kind: d.kind, threshold: d.threshold, title: d.title, message: d.message, description: describeGroupMilestone(d.kind, d.threshold) })),
    templates: templates.map((t) => ({ ...t, label: kinds.find((k) => k.key === t.milestoneKind)?.label ?? t.milestoneKind })),
    kinds,
  };
}

/** A celebration card as the browser holds it (dates as ISO strings), for the live cards (LiveCelebrations). */
export type CelebrationCard = Omit<Celebration, 'earnedAt'> & { earnedAt: string };
export type GroupAchievementCardDto = { id: string; title: string; earnedAt: string; group: { name: string; slug: string; accent: string } };
export type CelebrationCardsData = { celebrations: CelebrationCard[]; achievements: GroupAchievementCardDto[]; at: number };

/**
 * The celebration cards of the feed (no `groupId`) or of a group's page, shaped for the browser, with when they were
 * read (the server's clock, ms) so a page keeps the newer of two answers. Read again by the page when the live stream
 * says a celebration or congratulation arrived (app/api/celebrations): the same authorized reads as the first render.
 */
export async function getCelebrationCards(viewer: Viewer, groupId?: string, now = new Date(), options: { all?: boolean } = {}): Promise<CelebrationCardsData> {
  // `all`: the whole week's, for /celebrations (the feed shows two and links there).
  // The feed's (and /celebrations'): one statement; a group's page: its own celebrations and achievements.
  const { celebrations, achievements } = groupId
    ? await Promise.all([getGroupCelebrations(viewer, groupId, now), getGroupAchievements(db, viewer.id, { groupId, now, limit: options.all ? 30 : undefined })]).then(([celebrations, achievements]) => ({ celebrations, achievements }))
    : await feedCelebrations(viewer, now, options.all ? 60 : 6, options.all ? 30 : 3);
  return {
    celebrations: celebrations.map((c) => ({ ...c, earnedAt: c.earnedAt.toISOString() })),
    achievements: achievements.map((a) => ({ id: a.id, title: a.title, earnedAt: a.earnedAt.toISOString(), group: { name: a.group.name, slug: a.group.slug, accent: a.group.accent } })),
    at: now.getTime(),
  };
}
