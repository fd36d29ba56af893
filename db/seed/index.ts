// The demo community: deterministic (fixed random seed), believable, and never written into a database that has people.
import { Faker, en } from '@faker-js/faker';
import { count } from 'drizzle-orm';
import type { Database } from '../client';
import { comments, follows, groupMembers, groups, posts, reactionEmoji, reactions, users } from '../schema';
import { generalComments, topics } from './content';
import { seedProfiles, type SeedImageProcessor, type SeedRasterizer } from './profiles';

export const demoAccount = { email: 'demo@hearth.local', password: 'hearth-demo-2026', handle: 'demo', name: 'Sam Rivera' };

export interface SeedOptions {
  people?: number;
  posts?: number;
  /** Hashes the demo password; injected so db/ does not depend on lib/. */
  hashPassword: (password: string) => Promise<string>;
  log?: (line: string) => void;
  /** "Now" for the seed's timeline; posts spread over the months before it. */
  now?: Date;
  /** The image pipeline and an SVG rasterizer (sharp), injected like hashPassword; without them nobody has an uploaded picture. */
  processImage?: SeedImageProcessor;
  rasterize?: SeedRasterizer;
}

export type SeedResult = { seeded: false; reason: string } | { seeded: true; counts: Record<string, number> };

const DAY = 24 * 60 * 60 * 1000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (Number(n) > 0) return { seeded: false, reason: `the database already has ${n} people` };

  const faker = new Faker({ locale: [en] });
  faker.seed(20261129);
  const now = options.now ?? new Date();
  const peopleCount = options.people ?? 60;
  const postCount = options.posts ?? 420;
  const passwordHash = await options.hashPassword(demoAccount.password);

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

  const groupRows = topics.map((t) => ({
    id: faker.string.uuid(),
    slug: t.slug,
    name: t.name,
    description: t.description,
    topic: t.topic,
    createdAt: new Date(now.getTime() - faker.number.int({ min: 400, max: 1000 }) * DAY),
  }));
  const groupBySlug = new Map(groupRows.map((g) => [g.slug, g]));

  const memberships: (typeof groupMembers.$inferInsert)[] = [];
  const membersOf = new Map<string, string[]>();
  for (const person of people) {
    for (const topic of person.interests) {
      const group = groupBySlug.get(topic.slug)!;
      const list = membersOf.get(group.id) ?? [];
      list.push(person.id);
      membersOf.set(group.id, list);
      memberships.push({
        groupId: group.id,
        userId: person.id,
        role: 'member',
        joinedAt: new Date(Math.max(person.createdAt.getTime(), group.createdAt.getTime()) + faker.number.int({ min: 1, max: 60 }) * DAY),
      });
    }
  }
  // Each group's earliest member owns it; the next two help run it.
  for (const group of groupRows) {
    const rows = memberships.filter((m) => m.groupId === group.id).sort((a, b) => a.joinedAt!.getTime() - b.joinedAt!.getTime());
    rows.forEach((row, i) => {
      row.role = i === 0 ? 'owner' : i === 1 ? 'admin' : i === 2 ? 'moderator' : 'member';
    });
  }

  const postRows: (typeof posts.$inferInsert)[] = [];
  for (let i = 0; i < postCount; i++) {
    const author = faker.helpers.weightedArrayElement(byActivity);
    const topic = faker.helpers.arrayElement(author.interests);
    const inGroup = faker.number.float() < 0.85;
    const ageDays = Math.pow(faker.number.float(), 1.6) * 150; // more recent than old
    postRows.push({
      id: faker.string.uuid(),
      authorId: author.id,
      groupId: inGroup ? groupBySlug.get(topic.slug)!.id : null,
      body: faker.helpers.arrayElement(topic.posts),
      createdAt: new Date(now.getTime() - ageDays * DAY - faker.number.int({ min: 0, max: 3_600_000 })),
    });
  }

  const commentRows: (typeof comments.$inferInsert)[] = [];
  const reactionRows: (typeof reactions.$inferInsert)[] = [];
  const reacted = new Set<string>();
  for (const post of postRows) {
    const topic = topics.find((t) => t.posts.includes(post.body))!;
    const popularity = Math.floor(Math.pow(faker.number.float(), 3) * 14);
    for (let c = 0; c < Math.floor(popularity / 3) + faker.number.int({ min: 0, max: 2 }); c++) {
      const commenter = faker.helpers.weightedArrayElement(byActivity);
      commentRows.push({
        postId: post.id!,
        authorId: commenter.id,
        body: faker.number.float() < 0.6 ? faker.helpers.arrayElement(topic.comments) : faker.helpers.arrayElement(generalComments),
        createdAt: new Date(post.createdAt!.getTime() + faker.number.int({ min: 5, max: 72 * 60 }) * 60_000),
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

  let profileCounts = { interests: 0, uploads: 0 };
  await db.transaction(async (tx) => {
    await insertChunked(people, (chunk) =>
      tx.insert(users).values(chunk.map(({ id, name, email, handle, passwordHash: hash, createdAt }) => ({ id, name, email, handle, passwordHash: hash, createdAt }))),
    );
    await tx.insert(groups).values(groupRows);
    await insertChunked(memberships, (chunk) => tx.insert(groupMembers).values(chunk));
    await insertChunked(postRows, (chunk) => tx.insert(posts).values(chunk));
    await insertChunked(commentRows, (chunk) => tx.insert(comments).values(chunk));
    await insertChunked(reactionRows, (chunk) => tx.insert(reactions).values(chunk));
    await insertChunked(followRows, (chunk) => tx.insert(follows).values(chunk));
    const postsByAuthor = new Map<string, { id: string; createdAt: Date }[]>();
    for (const post of postRows) postsByAuthor.set(post.authorId, [...(postsByAuthor.get(post.authorId) ?? []), { id: post.id!, createdAt: post.createdAt! }]);
    const seededProfiles = await seedProfiles(
      tx,
      people.map((p, i) => ({ id: p.id, handle: p.handle, name: p.name, createdAt: p.createdAt, interests: p.interests, isDemo: i === 0 })),
      postsByAuthor,
      topics,
      { processImage: options.processImage, rasterize: options.rasterize },
    );
    profileCounts = seededProfiles;
  });

  const counts = {
    people: people.length,
    groups: groupRows.length,
    memberships: memberships.length,
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
