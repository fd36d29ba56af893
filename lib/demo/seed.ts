// The demo community: deterministic (fixed random seed), believable, and never written into a database that has people.
// Planted by `npm run db:seed` and by `npm run dev` (lib/demo/dev.ts); never part of the production server bundle,
// which scripts/check-server-bundle.mjs checks after every build.
import { Faker, en } from '@faker-js/faker';
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { onboardingConsentKinds } from '@/lib/privacy/consent';
import {
  activitySignals,
  bookmarks,
  channels,
  comments,
  congratulations,
  consentLog,
  consents,
  feedControls,
  feedPreferences,
  groupAchievements,
  follows,
  goals,
  groupMemberRoles,
  groupMembers,
  groupMilestones,
  groupRoles,
  groups,
  interests,
  milestones,
  posts,
  postTags,
  profiles,
  reactionEmoji,
  reactions,
  tagFollows,
  thankYouTemplates,
  users,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { createGroupRecords } from '@/lib/groups/setup';
import { awardMilestones } from '@/lib/milestones/engine';
import { excerpt, notify } from '@/lib/notifications/notify';
import { renderBodyHtml, tagLabel } from '@/lib/posts/render';
import { rebuildInferredProfiles } from '@/lib/recommend/rebuild';
import { generalComments, topics } from './content';
import { seedProfiles } from './profiles';

export const demoAccount = { email: 'demo@hearth.local', password: 'hearth-demo-2026', handle: 'demo', name: 'Sam Rivera' };

export interface SeedOptions {
  people?: number;
  posts?: number;
  log?: (line: string) => void;
  /** "Now" for the seed's timeline; posts spread over the months before it. */
  now?: Date;
  /** A few people upload a generated picture, through the real image pipeline; off, nobody has one (faster, for tests). */
  pictures?: boolean;
}

export type SeedResult = { seeded: false; reason: string } | { seeded: true; counts: Record<string, number> };

const DAY = 24 * 60 * 60 * 1000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (Number(n) > 0) return { seeded: false, reason: `the database already has ${n} people` };

  const faker = new Faker({ locale: [en] });
  faker.seed(20261129);
  const now = options.now ?? new Date();
  const peopleCount = options.people ?? 60;
  const postCount = options.posts ?? 420;
  const passwordHash = await hashPassword(demoAccount.password);

  // People, with a power-law activity weight: a few post a lot, most a little.
  const people = Array.from({ length: peopleCount }, (_, i) => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const isDemo = i === 0;
    const handle = isDemo ? demoAccount.handle : `${first}_${last}`.toLowerCase().replace(/[^a-z0-9_]/g, '').slice(0, 26) + `${i}`;
    return {
      id: faker.string.uuid(),
      name: isDemo ? demoAccount.name : `${first} ${last}`,
      email: isDemo ? demoAccount.email : `${handle}@example.org`,
      handle,
      passwordHash,
      createdAt: new Date(now.getTime() - faker.number.int({ min: 120, max: 900 }) * DAY),
      activity: 1 / Math.pow(i + 1, 0.8),
      interests: faker.helpers.arrayElements(topics, { min: 2, max: 4 }),
    };
  });
  const byActivity = people.map((p) => ({ value: p, weight: p.activity }));

  const groupPlans = topics.map((t) => ({
    seed: t,
    id: faker.string.uuid(),
    createdAt: new Date(now.getTime() - faker.number.int({ min: 400, max: 1000 }) * DAY),
    members: [] as { userId: string; joinedAt: Date }[],
  }));
  const planBySlug = new Map(groupPlans.map((g) => [g.seed.slug, g]));
  for (const person of people) {
    for (const topic of person.interests) {
      const group = planBySlug.get(topic.slug)!;
      group.members.push({
        userId: person.id,
        joinedAt: new Date(Math.max(person.createdAt.getTime(), group.createdAt.getTime()) + faker.number.int({ min: 1, max: 60 }) * DAY),
      });
    }
  }
  // Each group's earliest member founded it; the next ones help run it.
  for (const group of groupPlans) group.members.sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
  const staffOf = (group: (typeof groupPlans)[number], userId: string) => group.members.findIndex((m) => m.userId === userId);

  const postRows: (typeof posts.$inferInsert & { slug: string | null; announce: boolean; tags: string[] })[] = [];
  for (let i = 0; i < postCount; i++) {
    const author = faker.helpers.weightedArrayElement(byActivity);
    const topic = faker.helpers.arrayElement(author.interests);
    const inGroup = faker.number.float() < 0.85;
    const ageDays = Math.pow(faker.number.float(), 1.6) * 150; // more recent than old
    const group = planBySlug.get(topic.slug)!;
    const rank = staffOf(group, author.id);
    postRows.push({
      id: faker.string.uuid(),
      authorId: author.id,
      slug: inGroup ? topic.slug : null,
      announce: inGroup && rank >= 0 && rank <= 2 && faker.number.float() < 0.25,
      groupId: inGroup ? group.id : null,
      body: faker.helpers.arrayElement(topic.posts),
      tags: [topic.tags[0], ...(faker.number.float() < 0.4 ? [faker.helpers.arrayElement(topic.tags.slice(1))] : [])],
      createdAt: new Date(now.getTime() - ageDays * DAY - faker.number.int({ min: 0, max: 3_600_000 })),
    });
  }
  // A few pinned posts, one per group, from its staff.
  const pinned = new Set<string>();
  for (const group of groupPlans) {
    const candidate = postRows.find((p) => p.groupId === group.id && staffOf(group, p.authorId) <= 2);
    if (candidate) pinned.add(candidate.id!);
  }

  const commentRows: (typeof comments.$inferInsert)[] = [];
  const reactionRows: (typeof reactions.$inferInsert)[] = [];
  const reacted = new Set<string>();
  for (const post of postRows) {
    const topic = topics.find((t) => t.posts.includes(post.body))!;
    const popularity = Math.floor(Math.pow(faker.number.float(), 3) * 14);
    const topLevel: string[] = [];
    for (let c = 0; c < Math.floor(popularity / 3) + faker.number.int({ min: 0, max: 2 }); c++) {
      const commenter = faker.helpers.weightedArrayElement(byActivity);
      const id = faker.string.uuid();
      const parentId = topLevel.length > 0 && faker.number.float() < 0.3 ? faker.helpers.arrayElement(topLevel) : null;
      if (!parentId) topLevel.push(id);
      const commentBody = faker.number.float() < 0.6 ? faker.helpers.arrayElement(topic.comments) : faker.helpers.arrayElement(generalComments);
      commentRows.push({
        id,
        postId: post.id!,
        parentId,
        authorId: commenter.id,
        body: commentBody,
        bodyHtml: renderBodyHtml(commentBody, 'comment'),
        createdAt: new Date(post.createdAt!.getTime() + (c + 1) * faker.number.int({ min: 5, max: 24 * 60 }) * 60_000),
      });
    }
    for (let r = 0; r < popularity; r++) {
      const reactor = faker.helpers.arrayElement(people);
      const emoji = faker.helpers.weightedArrayElement(reactionEmoji.map((e, i) => ({ value: e, weight: 6 - i })));
      const key = `${post.id}:${reactor.id}:${emoji}`;
      if (reactor.id === post.authorId || reacted.has(key)) continue;
      reacted.add(key);
      reactionRows.push({ postId: post.id!, userId: reactor.id, emoji, createdAt: new Date(post.createdAt!.getTime() + r * 60_000 * 17) });
    }
  }
  for (const row of [...commentRows, ...reactionRows]) {
    if (row.createdAt! > now) row.createdAt = now;
  }

  const followRows: (typeof follows.$inferInsert)[] = [];
  const followed = new Set<string>();
  for (const person of people) {
    const howMany = faker.number.int({ min: 3, max: 12 });
    for (let f = 0; f < howMany; f++) {
      const other = faker.helpers.weightedArrayElement(byActivity);
      const key = `${person.id}:${other.id}`;
      if (other.id === person.id || followed.has(key)) continue;
      followed.add(key);
      followRows.push({ followerId: person.id, followeeId: other.id, createdAt: new Date(now.getTime() - faker.number.int({ min: 1, max: 100 }) * DAY) });
    }
  }
  const bookmarkRows = people.slice(0, 20).flatMap((person) =>
    faker.helpers.arrayElements(postRows, 3).map((post) => ({ userId: person.id, postId: post.id!, createdAt: now })),
  );
  const tagFollowRows = people.flatMap((person) => person.interests.map((t) => ({ userId: person.id, tag: t.tags[0], createdAt: person.createdAt })));

  let memberships = 0;
  let profileCounts = { interests: 0, uploads: 0 };
  await db.transaction(async (tx) => {
    await insertChunked(people, (chunk) =>
      // The planted people count as having confirmed their addresses when they joined (no banner asks them to).
      tx.insert(users).values(chunk.map(({ id, name, email, handle, passwordHash: hash, createdAt }) => ({ id, name, email, handle, passwordHash: hash, createdAt, emailVerified: createdAt }))),
    );
    // Who runs the demo instance (README, "Instance administration"): Sam, demo@hearth.local, is its admin, and the
    // second person its moderator.
    await tx.update(users).set({ instanceRole: 'admin' }).where(eq(users.id, people[0].id));
    await tx.update(users).set({ instanceRole: 'moderator' }).where(eq(users.id, people[1].id));
    const channelOf = new Map<string, { general: string; announcements: string }>();
    for (const plan of groupPlans) {
      const [founder, ...rest] = plan.members;
      const { group, roles } = await createGroupRecords(
        tx,
        {
          id: plan.id,
          name: plan.seed.name,
          slug: plan.seed.slug,
          description: plan.seed.description,
          topic: plan.seed.topic,
          rules: plan.seed.rules,
          accentColor: plan.seed.accentColor,
          visibility: plan.seed.visibility ?? 'public',
          createdAt: plan.createdAt,
        },
        founder.userId,
        founder.joinedAt,
      );
      if (plan.seed.joinQuestions) await tx.update(groups).set({ joinQuestions: plan.seed.joinQuestions }).where(eq(groups.id, group.id));
      if (rest.length) await tx.insert(groupMembers).values(rest.map((m) => ({ groupId: group.id, userId: m.userId, joinedAt: m.joinedAt, welcomedAt: m.joinedAt })));
      memberships += plan.members.length;
      const roleId = (b: string) => roles.find((r) => r.builtin === b)!.id;
      const grants = [
        ...(rest[0] ? [{ userId: rest[0].userId, roleId: roleId('admin') }] : []),
        ...(rest[1] ? [{ userId: rest[1].userId, roleId: roleId('moderator') }] : []),
      ];
      if (plan.seed.customRole) {
        const [custom] = await tx
          .insert(groupRoles)
          .values({ groupId: group.id, name: plan.seed.customRole.name, color: plan.seed.customRole.color, position: 20, permissions: plan.seed.customRole.permissions })
          .returning();
        for (const m of rest.slice(2, 5)) grants.push({ userId: m.userId, roleId: custom.id });
      }
      if (grants.length) await tx.insert(groupMemberRoles).values(grants.map((g) => ({ ...g, groupId: group.id })));
      const chans = await tx.select({ id: channels.id, name: channels.name }).from(channels).where(eq(channels.groupId, group.id));
      channelOf.set(group.id, { general: chans.find((c) => c.name === 'general')!.id, announcements: chans.find((c) => c.name === 'announcements')!.id });
    }
    await insertChunked(postRows, (chunk) =>
      tx.insert(posts).values(
        chunk.map(({ slug: _slug, announce, tags: _tags, ...post }) => ({
          ...post,
          bodyHtml: renderBodyHtml(post.body, 'post'),
          channelId: post.groupId ? channelOf.get(post.groupId)![announce ? 'announcements' : 'general'] : null,
          pinnedAt: pinned.has(post.id!) ? post.createdAt : null,
        })),
      ),
    );
    await insertChunked(postRows.flatMap((p) => p.tags.map((tag) => ({ postId: p.id!, tag }))), (chunk) => tx.insert(postTags).values(chunk));
    const allTags = [...new Set(topics.flatMap((t) => t.tags))];
    await tx.insert(interests).values(allTags.map((tag) => ({ slug: tag, label: tagLabel(tag) }))).onConflictDoNothing();
    await insertChunked(commentRows.filter((c) => !c.parentId), (chunk) => tx.insert(comments).values(chunk));
    await insertChunked(commentRows.filter((c) => c.parentId), (chunk) => tx.insert(comments).values(chunk));
    await insertChunked(reactionRows, (chunk) => tx.insert(reactions).values(chunk));
    await insertChunked(followRows, (chunk) => tx.insert(follows).values(chunk));
    await insertChunked(bookmarkRows, (chunk) => tx.insert(bookmarks).values(chunk).onConflictDoNothing());
    await insertChunked(tagFollowRows, (chunk) => tx.insert(tagFollows).values(chunk).onConflictDoNothing());
    // Everyone in the demo has set up their feed; the demo account has a little history for the glass box to show.
    await insertChunked(
      people.map((p) => ({ userId: p.id, onboardedAt: p.createdAt })),
      (chunk) => tx.insert(feedPreferences).values(chunk),
    );
    {
      const demo = people[0];
      const liked = new Set(demo.interests.map((t) => t.slug));
      const recentPosts = postRows.filter((p) => p.authorId !== demo.id && now.getTime() - p.createdAt!.getTime() < 30 * DAY);
      const seen = faker.helpers.arrayElements(recentPosts.filter((p) => p.slug && liked.has(p.slug)), Math.min(25, recentPosts.length));
      const signalRows = seen.flatMap((p, i) => {
        const at = new Date(Math.min(now.getTime(), p.createdAt!.getTime() + (i + 1) * 3_600_000));
        return i % 4 === 0 ? [{ userId: demo.id, postId: p.id!, kind: 'view' as const, createdAt: at }, { userId: demo.id, postId: p.id!, kind: 'open' as const, createdAt: at }] : [{ userId: demo.id, postId: p.id!, kind: 'view' as const, createdAt: at }];
      });
      if (signalRows.length) await tx.insert(activitySignals).values(signalRows);
      const noisy = recentPosts.find((p) => p.slug && !liked.has(p.slug));
      if (noisy) await tx.insert(feedControls).values({ userId: demo.id, kind: 'less_author', target: noisy.authorId, createdAt: now, expiresAt: new Date(now.getTime() + 90 * DAY) });
      await tx.insert(feedControls).values({ userId: demo.id, kind: 'mute_word', target: 'crypto', createdAt: now });
    }
    const postsByAuthor = new Map<string, { id: string; createdAt: Date }[]>();
    for (const post of postRows) postsByAuthor.set(post.authorId, [...(postsByAuthor.get(post.authorId) ?? []), { id: post.id!, createdAt: post.createdAt! }]);
    // Milestones people have already reached, recorded quietly and dated when they were reached (so nobody — the demo
    // account included — is told "First post!" today for a post of months ago), and a few recent notifications for the demo account.
    const datesOf = (rows: { authorId: string; createdAt?: Date }[], id: string) =>
      rows.filter((r) => r.authorId === id).map((r) => r.createdAt!.getTime()).sort((a, b) => a - b);
    for (const person of people) {
      for (const event of ['post', 'comment', 'reaction_received', 'group_joined'] as const) await awardMilestones(tx, person.id, event, { quiet: true });
      // Date each milestone when it was really reached, so memories read like a history.
      const postDates = datesOf(postRows, person.id);
      const commentDates = datesOf(commentRows as { authorId: string; createdAt?: Date }[], person.id);
      const joined = groupPlans.flatMap((g) => g.members.filter((m) => m.userId === person.id).map((m) => m.joinedAt.getTime())).sort((a, b) => a - b);
      const theirPosts = new Set(postRows.filter((p) => p.authorId === person.id).map((p) => p.id));
      const reactionDates = reactionRows.filter((r) => theirPosts.has(r.postId) && r.userId !== person.id).map((r) => r.createdAt!.getTime()).sort((a, b) => a - b);
      const when: Record<string, number | undefined> = {
        first_post: postDates[0],
        post_10: postDates[9],
        post_100: postDates[99],
        first_comment: commentDates[0],
        first_group_joined: joined[0],
        first_reaction_received: reactionDates[0],
        reaction_received_100: reactionDates[99],
      };
      for (const [rule, at] of Object.entries(when)) {
        if (at) await tx.update(milestones).set({ earnedAt: new Date(at) }).where(and(eq(milestones.userId, person.id), eq(milestones.rule, rule)));
      }
    }
    const demoId = people[0].id;
    await tx.insert(goals).values([
      { userId: demoId, kind: 'posts', target: 4, period: 'month' },
      { userId: demoId, kind: 'comments', target: 5, period: 'week' },
    ]);
    await seedCelebrations(tx, { now, demoId, people, groupPlans, postRows, followRows });
    const demoPosts = new Map(postRows.filter((p) => p.authorId === demoId).map((p) => [p.id!, p]));
    const recent = (at: Date | undefined) => at && now.getTime() - at.getTime() < 14 * DAY;
    for (const c of commentRows) {
      const post = demoPosts.get(c.postId);
      if (!post || !recent(c.createdAt) || c.authorId === demoId) continue;
      await notify(tx, { userId: demoId, kind: 'reply', actorId: c.authorId, groupId: post.groupId, link: `/p/${post.id}`, subjectId: post.id, data: { excerpt: excerpt(c.body), post: excerpt(post.body, 60) }, createdAt: c.createdAt });
    }
    for (const r of reactionRows) {
      const post = demoPosts.get(r.postId);
      if (!post || !recent(r.createdAt)) continue;
      await notify(tx, { userId: demoId, kind: 'reaction', actorId: r.userId, groupId: post.groupId, link: `/p/${post.id}`, subjectId: post.id, data: { emoji: r.emoji, post: excerpt(post.body, 60) }, createdAt: r.createdAt });
    }
    await rebuildInferredProfiles(tx, now);
    // The groups' own milestones, dated when they were really reached.
    const achievementRows = groupPlans.flatMap((g) => {
      const firstPost = postRows.filter((p) => p.groupId === g.id).reduce<Date | null>((min, p) => (!min || p.createdAt! < min ? p.createdAt! : min), null);
      return [
        ...(firstPost ? [{ groupId: g.id, rule: 'group_first_post', earnedAt: firstPost }] : []),
        ...[10, 100, 1000].filter((n) => g.members.length >= n).map((n) => ({ groupId: g.id, rule: `group_members_${n}`, earnedAt: new Date(Math.min(now.getTime(), g.members[n - 1]!.joinedAt.getTime())) })),
      ];
    });
    if (achievementRows.length) await tx.insert(groupAchievements).values(achievementRows);
    profileCounts = await seedProfiles(
      tx,
      people.map((p, i) => ({ id: p.id, handle: p.handle, name: p.name, createdAt: p.createdAt, interests: p.interests, isDemo: i === 0 })),
      postsByAuthor,
      topics,
      { pictures: options.pictures ?? false },
    );
    // No consent is on until a person says yes: the demo people said yes to what their profiles show (and are in the
    // consent log for it, answered when they joined), so the demo community has a living For you feed.
    const suggestable = new Map((await tx.select({ userId: profiles.userId, suggestMe: profiles.suggestMe }).from(profiles)).map((p) => [p.userId, p.suggestMe]));
    const answers = people.flatMap((p) =>
      onboardingConsentKinds.map((kind) => ({ userId: p.id, kind, granted: kind === 'suggest_me' ? (suggestable.get(p.id) ?? false) : true, at: p.createdAt })),
    );
    await insertChunked(answers, (chunk) => tx.insert(consents).values(chunk.map((a) => ({ userId: a.userId, kind: a.kind, granted: a.granted, updatedAt: a.at }))));
    await insertChunked(answers, (chunk) =>
      tx.insert(consentLog).values(chunk.map((a) => ({ userId: a.userId, kind: a.kind, oldValue: false, newValue: a.granted, via: 'seed', createdAt: a.at }))),
    );
  });

  const counts = {
    people: people.length,
    groups: groupPlans.length,
    memberships,
    posts: postRows.length,
    comments: commentRows.length,
    reactions: reactionRows.length,
    follows: followRows.length,
    interests: profileCounts.interests,
    'uploaded pictures': profileCounts.uploads,
  };
  log(`Seeded the demo community: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}.`);
  return { seeded: true, counts };
}

/**
 * Celebrations in the demo: two of the demo account's groups with a milestone of their own and thank-you templates
 * from their founders (earned by those with five posts there), and two cake days this week among the people the
 * demo account follows, already congratulated by a few — deterministic, no randomness.
 */
async function seedCelebrations(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  s: {
    now: Date;
    demoId: string;
    people: { id: string }[];
    groupPlans: { id: string; members: { userId: string; joinedAt: Date }[] }[];
    postRows: { authorId: string; groupId?: string | null; createdAt?: Date }[];
    followRows: { followerId: string; followeeId: string }[];
  },
) {
  const demoGroups = s.groupPlans.filter((g) => g.members.some((m) => m.userId === s.demoId)).slice(0, 2);
  for (const g of demoGroups) {
    const founder = g.members[0].userId;
    const [def] = await tx
      .insert(groupMilestones)
      .values({ groupId: g.id, kind: 'group_posts', threshold: 5, title: '5 posts in {group}', message: 'Five conversations started, {name}. Thank you!', createdBy: founder, createdAt: new Date(s.now.getTime() - 200 * DAY) })
      .returning();
    await tx.insert(thankYouTemplates).values([
      { groupId: g.id, milestoneKind: 'first_post', body: 'Thanks {name} for your first post in {group}! We are so glad you are here.', authorId: founder },
      { groupId: g.id, milestoneKind: `group:${def.id}`, body: 'Thanks {name} for your {nth} post in {group} — you make this place.', authorId: founder },
      { groupId: g.id, milestoneKind: 'membership_1', body: 'A whole year in {group}, {name}. Thank you for every bit of it.', authorId: founder },
    ]);
    const [group] = await tx.select({ name: groups.name }).from(groups).where(eq(groups.id, g.id));
    for (const member of g.members) {
      const dates = s.postRows.filter((p) => p.authorId === member.userId && p.groupId === g.id).map((p) => p.createdAt!.getTime()).sort((a, b) => a - b);
      if (dates.length < 5) continue;
      const [person] = await tx.select({ name: users.name }).from(users).where(eq(users.id, member.userId));
      await tx
        .insert(milestones)
        .values({ userId: member.userId, rule: `group:${def.id}`, scope: g.id, groupId: g.id, title: `5 posts in ${group.name}`, message: `Five conversations started, ${person.name}. Thank you!`, earnedAt: new Date(dates[4]) })
        .onConflictDoNothing();
    }
  }
  const followed = [...new Set(s.followRows.filter((f) => f.followerId === s.demoId).map((f) => f.followeeId))].slice(0, 2);
  for (const [i, userId] of followed.entries()) {
    const years = i + 1;
    const earnedAt = new Date(s.now.getTime() - (i + 1) * DAY);
    // Their account's birthday is this week, so the cake day and the profile's "joined" date agree.
    const joined = new Date(earnedAt);
    joined.setUTCFullYear(joined.getUTCFullYear() - years);
    await tx.update(users).set({ createdAt: joined }).where(eq(users.id, userId));
    const [m] = await tx.insert(milestones).values({ userId, rule: `cake_day_${years}`, earnedAt }).onConflictDoNothing().returning();
    if (!m) continue;
    const friends = s.people.filter((p) => p.id !== userId && p.id !== s.demoId).slice(3 + i * 3, 6 + i * 3);
    await tx.insert(congratulations).values(friends.map((f, k) => ({ milestoneId: m.id, userId: f.id, createdAt: new Date(earnedAt.getTime() + (k + 1) * 3_600_000) })));
  }
}
