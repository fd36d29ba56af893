// No N+1 on the benchmarked pages: every query a page's data layer makes is counted at the driver, for a light and
// for the busiest person of the benchmark community. A page that queried once per post, per author or per group
// would make more queries for the busy person; here the counts must be equal and within a small budget.
import { PgDialect } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDatabase } from '@/db/client';
import type { Viewer } from '@/lib/auth/viewer';
import { floorReading } from '@/lib/bench/floor';
import { getGroupPage, getMemberBadges } from '@/lib/groups/queries';
import { getMyGoals } from '@/lib/milestones/goal-queries';
import { getCelebrationCards, getGroupCelebrations } from '@/lib/milestones/celebrations';
import { unreadCount } from '@/lib/notifications/queries';
import { getGroupPosts, getPinnedPosts, isFollowingPerson } from '@/lib/posts/queries';
import { feedGreeting, getProfile, getProfilePosts } from '@/lib/profiles/queries';
import { getFeed } from '@/lib/recommend/feed';
import { forgetForYou } from '@/lib/recommend/for-you-list';
import { feedSuggestions } from '@/lib/recommend/suggestions';
import { db } from '@/db/client';
import { seedBench } from './dataset/seed';
import { loadPeople, type BenchPerson } from './dataset/people';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));

let queries = 0;

/** Counts statements at the driver: PGlite's query(), postgres.js's unsafe() (all drizzle sends goes through them). */
function countQueries() {
  const handle = getDatabase();
  if (handle.pglite) {
    const client = handle.pglite as unknown as { query: (...a: unknown[]) => Promise<unknown> };
    const query = client.query.bind(client);
    client.query = (...a: unknown[]) => {
      queries++;
      return query(...a);
    };
  } else {
    const client = handle.postgres as unknown as { unsafe: (...a: unknown[]) => unknown };
    const unsafe = client.unsafe.bind(client);
    client.unsafe = (...a: unknown[]) => {
      queries++;
      return unsafe(...a);
    };
  }
}

async function counted(render: () => Promise<unknown>) {
  const before = queries;
  await render();
  return queries - before;
}

const viewerOf = (p: BenchPerson): Viewer => ({ id: p.id, handle: p.handle, name: p.name, image: null, cacheVersion: 0 });

async function feedPage(v: Viewer) {
  const feed = await getFeed(v);
  // The page passes the cache version its viewer was read with (with the session, outside this count).
  await Promise.all([unreadCount(v), feedGreeting(v), getMyGoals(v), feedSuggestions(db, v.id, { limit: 3, useInferred: feed.personalization.useInferred, people: true, cacheVersion: v.cacheVersion }), getCelebrationCards(v)]);
  return feed;
}

// What each page (and the app shell around it) reads, as the page components call it.
const pages = {
  floor: async (v: Viewer) => Promise.all([unreadCount(v), floorReading(v)]),
  // For you ranked on this view (the first view, or the first after the person changed something)…
  feedRanked: async (v: Viewer) => {
    await forgetForYou(db, v.id);
    return feedPage(v);
  },
  // …and read from the list that view stored, as every other view does.
  feed: async (v: Viewer) => feedPage(v),
  group: async (v: Viewer, slug: string) => {
    const data = (await getGroupPage(v, slug))!;
    const [page, pinned] = await Promise.all([getGroupPosts(v, data.group.id), getPinnedPosts(v, data.group.id)]);
    await Promise.all([unreadCount(v), getMemberBadges(data.group.id, [...new Set([...page.items, ...pinned].map((p) => p.author.id))]), getGroupCelebrations(v, data.group.id)]);
    return page;
  },
  profile: async (v: Viewer, handle: string) => {
    const found = await getProfile(v, handle);
    if (found.kind !== 'found') throw new Error(`profile ${handle}: ${found.kind}`);
    return Promise.all([unreadCount(v), getProfilePosts(v, found.profile), isFollowingPerson(v, found.profile.id)]);
  },
};

let light: BenchPerson;
let busy: BenchPerson;

beforeAll(async () => {
  await seedBench(getDatabase(), 'tiny');
  // Person 0 is among the busiest (activity is heavy-tailed); pick the busiest and the lightest by what they did.
  const people = await loadPeople(db, Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 10 !== 5));
  const posts = await Promise.all(people.map(async (p) => ({ p, n: (await getFeed(viewerOf(p), { mode: 'following' })).items.length })));
  posts.sort((a, b) => b.n - a.n);
  busy = posts.find((x) => x.p.groupSlug)!.p;
  light = [...posts].reverse().find((x) => x.p.groupSlug && x.p.id !== busy.id)!.p;
  countQueries();
}, 120_000);

describe('queries per page render', () => {
  it('is the same for a light and a busy person, and small', async () => {
    const counts: Record<string, [number, number]> = {};
    for (const [name, render] of Object.entries(pages)) {
      const forLight = await counted(() => render(viewerOf(light), name === 'group' ? light.groupSlug! : busy.handle));
      const forBusy = await counted(() => render(viewerOf(busy), name === 'group' ? busy.groupSlug! : light.handle));
      counts[name] = [forLight, forBusy];
    }
    // The For you feed of the busy person really holds more than the light one's: the comparison means something.
    const busyFeed = await getFeed(viewerOf(busy), { mode: 'foryou' });
    expect(busyFeed.items.length).toBeGreaterThan(5);
    for (const [name, [a, b]] of Object.entries(counts)) {
      expect(b, `${name}: ${a} queries for a light person, ${b} for a busy one`).toBe(a);
    }
    expect(counts.floor![0]).toBeLessThanOrEqual(2);
    // With the statement that forgets the list (and with it the person's cache version, so the suggestions are
    // computed again), the one that reads its version and the database's clock when a ranking starts, and the person's
    // taste vector (lib/recommend/taste.ts), read beside the rest of the rank context.
    expect(counts.feedRanked![0]).toBeLessThanOrEqual(28);
    // Personalization with the page of the stored list, the cards, the unread count, the celebrations with the group
    // achievements: the suggestions, the greeting's news of the visit and the goals (none here) come from memory under
    // the viewer's cache version.
    expect(counts.feed![0]).toBeLessThanOrEqual(4);
    expect(counts.group![0]).toBeLessThanOrEqual(16);
    expect(counts.profile![0]).toBeLessThanOrEqual(14);
    console.log('queries per page (light, busy):', JSON.stringify(counts));
  });

  it('builds the SQL of only two of the feed\'s statements on a view: the cards and the celebrations are built once', async () => {
    // drizzle turns a query into SQL text in sqlToQuery, on every run unless the statement was built once with
    // placeholders (db/prepared.ts): for the cards that was 0.5–0.8 ms of the rendering thread a view.
    const builds = vi.spyOn(PgDialect.prototype, 'sqlToQuery');
    try {
      await pages.feed(viewerOf(light));
      builds.mockClear();
      await pages.feed(viewerOf(busy));
      // The stored list's page with the personalization (a template of a few parts), and the shell's unread count.
      expect(builds).toHaveBeenCalledTimes(2);
    } finally {
      builds.mockRestore();
    }
  });
});
