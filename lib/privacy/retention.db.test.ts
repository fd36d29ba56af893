// Retention per kind of data: choices saved by their owner only, a daily purge that deletes exactly what is past
// each person's window (taking expired signals' share out of the profile as deleting them by hand does), and a
// preview that says what the next purge will delete.
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { activitySignals, interestScores, notifications, postTags, posts, retentionSettings, searchHistory, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { DAILY_CRON, runDailyJobs } from '@/lib/jobs';
import { forgetEngagement, getInterestProfile, learnFromEngagement } from '@/lib/recommend/profile';
import type { EngagementKind } from '@/lib/recommend/weights';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { setRetentionAction } from './actions';
import { registry } from './registry';
import { previewPurge, purgeExpired, retentionOf, saveRetention } from './retention';
import { nextPurgeAt, retentionDefaults } from './retention-policy';
import { sayYes } from '@/test/consents';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('@/lib/auth/config', () => ({ signOut: async () => {} }));

const DAY = 86_400_000;
let counter = 0;
async function person(name: string): Promise<Viewer> {
  counter += 1;
  const handle = `${name.toLowerCase()}_${counter}_${Math.random().toString(36).slice(2, 6)}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  // They said yes to everything asked at onboarding (consents are off until a person does).
  await sayYes(u.id);
  return { id: u.id, handle, name, image: null };
}
async function post(author: Viewer, tags: string[]) {
  const [p] = await db.insert(posts).values({ authorId: author.id, body: `About ${tags.join(' and ')}`, bodyHtml: '' }).returning();
  for (const tag of tags) await db.insert(postTags).values({ postId: p.id, tag });
  return p;
}
/** A signal recorded at `at`, teaching the profile as recordSignals does. */
async function signal(userId: string, postId: string, kind: 'view' | 'open', at: Date) {
  await db.transaction(async (tx) => {
    await tx.insert(activitySignals).values({ userId, postId, kind, createdAt: at });
    await learnFromEngagement(tx, userId, postId, kind, at);
  });
}
const ages = [29, 31, 89, 91, 364, 366];

describe('retention', () => {
  it('states its defaults where the registry describes each kind, and purges at the daily job’s hour', () => {
    const text = (table: string) => registry.find((e) => e.table === table)!.retention;
    expect(text('activity_signals')).toContain(`${retentionDefaults.signals} days`);
    expect(text('search_history')).toContain(`${retentionDefaults.search} days`);
    expect(text('notifications')).toContain(`${retentionDefaults.notifications} days`);
    expect(text('interest_scores')).toContain(`${retentionDefaults.profile} days`);
    const [minute, hour] = DAILY_CRON.split(' ').map(Number);
    expect(nextPurgeAt(new Date('2030-01-10T12:00:00Z')).toISOString()).toBe(`2030-01-11T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`);
    expect(nextPurgeAt(new Date('2030-01-10T01:00:00Z')).toISOString().slice(0, 10)).toBe('2030-01-10');
  });

  it('saves the caller’s own choices only, and refuses the signed-out and the invalid', async () => {
    const me = await person('Maya');
    const other = await person('Sam');
    actAs(null);
    await expectRefused(() => call(setRetentionAction, { signals: '30', search: '30', notifications: '30', profile: '30' }), { error: /session has ended/ });
    actAs(me);
    expect((await call(setRetentionAction, { signals: '7', search: '30', notifications: '30', profile: '30' })).fieldErrors?.signals).toMatch(/Choose 30, 90 or 365/);
    expect(await retentionOf(db, me.id)).toEqual(retentionDefaults);
    expect((await expectAllowed(() => call(setRetentionAction, { signals: '30', search: 'keep', notifications: '365', profile: '90', userId: other.id }), { changes: [retentionSettings] })).success).toMatch(/Saved/);
    expect(await retentionOf(db, me.id)).toEqual({ signals: 30, search: null, notifications: 365, profile: 90 });
    expect(await db.select().from(retentionSettings).where(eq(retentionSettings.userId, other.id))).toEqual([]);
  });

  it('the daily job deletes exactly the views, searches and notifications past each person’s window', async () => {
    const now = new Date();
    const author = await person('Author');
    const p = await post(author, ['ceramics']);
    const [byDefault, short, keeper] = [await person('Default'), await person('Short'), await person('Keeper')];
    await saveRetention(db, short.id, { signals: 30, search: null, notifications: 30, profile: null });
    await saveRetention(db, keeper.id, { signals: null, search: null, notifications: null, profile: null });
    for (const who of [byDefault, short, keeper]) {
      for (const age of ages) {
        const at = new Date(now.getTime() - age * DAY);
        await signal(who.id, p.id, 'view', at);
        await db.insert(searchHistory).values({ userId: who.id, query: `q${age}`, createdAt: at });
        await db.insert(notifications).values({ userId: who.id, kind: 'follow', link: '/', createdAt: at });
      }
    }
    const result = await runDailyJobs(db, now);
    expect(result.purged.signals).toBeGreaterThanOrEqual(3 + 5);
    const left = async (table: typeof activitySignals | typeof searchHistory | typeof notifications, userId: string) =>
      (await db.select({ at: table.createdAt }).from(table).where(eq(table.userId, userId)))
        .map((r) => Math.round((now.getTime() - r.at.getTime()) / DAY))
        .sort((a, b) => a - b);
    expect(await left(activitySignals, byDefault.id)).toEqual([29, 31, 89]);
    expect(await left(searchHistory, byDefault.id)).toEqual([29, 31, 89]);
    expect(await left(notifications, byDefault.id)).toEqual([29, 31, 89, 91, 364]);
    expect(await left(activitySignals, short.id)).toEqual([29]);
    expect(await left(searchHistory, short.id)).toEqual(ages);
    expect(await left(notifications, short.id)).toEqual([29]);
    for (const table of [activitySignals, searchHistory, notifications]) expect(await left(table, keeper.id)).toEqual(ages);
    // The profile counts only the views that are left.
    const [ceramics] = await db.select().from(interestScores).where(and(eq(interestScores.userId, short.id), eq(interestScores.tag, 'ceramics')));
    expect(ceramics.signalCounts).toEqual({ view: 1 });
    // A second run the same night deletes nothing more.
    const again = await purgeExpired(db, now);
    expect([again.signals, again.searches, again.notifications]).toEqual([0, 0, 0]);
  });

  it('takes expired signals’ decayed share out of the profile exactly as deleting them one by one does', async () => {
    const now = new Date();
    const author = await person('Author');
    const reader = await person('Reader');
    const [a, b, c] = [await post(author, ['glaze', 'kiln']), await post(author, ['glaze']), await post(author, ['raku'])];
    const history: [string, 'view' | 'open', number][] = [
      [a.id, 'view', 120],
      [a.id, 'open', 119],
      [b.id, 'view', 100],
      [c.id, 'view', 95],
      [a.id, 'view', 40],
      [b.id, 'open', 10],
    ];
    for (const [postId, kind, age] of history) await signal(reader.id, postId, kind, new Date(now.getTime() - age * DAY));
    // A reaction (never purged), and a topic added to a post after it was seen (so no view of it ever counted):
    // neither may change.
    await db.transaction((tx) => learnFromEngagement(tx, reader.id, c.id, 'reaction', new Date(now.getTime() - 50 * DAY)));
    const d = await post(author, ['late']);
    await db.transaction((tx) => learnFromEngagement(tx, reader.id, d.id, 'reaction', new Date(now.getTime() - 50 * DAY)));
    await db.insert(postTags).values({ postId: b.id, tag: 'late' });

    // What deleting the expired ones by hand would leave (rolled back).
    const expired = await db.select().from(activitySignals).where(and(eq(activitySignals.userId, reader.id), inArray(activitySignals.postId, [a.id, b.id, c.id])));
    const old = expired.filter((s) => now.getTime() - s.createdAt.getTime() > 90 * DAY);
    expect(old).toHaveLength(4);
    let expected: Awaited<ReturnType<typeof getInterestProfile>> = [];
    await db
      .transaction(async (tx) => {
        for (const s of old) {
          await tx.delete(activitySignals).where(eq(activitySignals.id, s.id));
          await forgetEngagement(tx, reader.id, s.postId, s.kind as EngagementKind, s.createdAt, now);
        }
        expected = await getInterestProfile(tx, reader.id, { now });
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    const before = await getInterestProfile(db, reader.id, { now });

    await purgeExpired(db, now);
    const after = await getInterestProfile(db, reader.id, { now });
    expect(after.map((i) => i.tag).sort()).toEqual(expected.map((i) => i.tag).sort());
    for (const e of expected) {
      const got = after.find((i) => i.tag === e.tag)!;
      expect(got.inferred, e.tag).toBeCloseTo(e.inferred, 4);
      expect(got.signalCounts, e.tag).toEqual(e.signalCounts);
    }
    // Something really came off: glaze lost three old signals, raku's reaction is untouched.
    const score = (list: typeof after, tag: string) => list.find((i) => i.tag === tag)!.inferred;
    expect(score(after, 'glaze')).toBeLessThan(score(before, 'glaze') - 0.1);
    expect(score(after, 'raku')).toBeLessThan(score(before, 'raku'));
    expect(score(after, 'late')).toBeCloseTo(score(before, 'late'), 5);
    expect(after.find((i) => i.tag === 'late')!.signalCounts).toEqual({ reaction: 1 });
    expect(after.find((i) => i.tag === 'kiln')!.signalCounts).toEqual({ view: 1, open: 0 });
  });

  it('resets inferred scores nothing added to within the profile window, keeping explicit choices', async () => {
    const now = new Date();
    const [brief, lasting] = [await person('Brief'), await person('Lasting')];
    await saveRetention(db, brief.id, { ...retentionDefaults, profile: 30 });
    for (const who of [brief, lasting]) {
      await db.insert(interestScores).values([
        { userId: who.id, tag: 'stale', inferred: 4, inferredAt: new Date(now.getTime() - 40 * DAY), signalCounts: { view: 8 } },
        { userId: who.id, tag: 'chosen', choice: 'more', inferred: 4, inferredAt: new Date(now.getTime() - 40 * DAY), signalCounts: { view: 8 } },
        { userId: who.id, tag: 'fresh', inferred: 4, inferredAt: new Date(now.getTime() - 10 * DAY), signalCounts: { view: 8 } },
      ]);
    }
    await purgeExpired(db, now);
    const rows = async (userId: string) =>
      Object.fromEntries((await db.select().from(interestScores).where(eq(interestScores.userId, userId))).map((r) => [r.tag, { choice: r.choice, inferred: r.inferred, counts: r.signalCounts }]));
    expect(await rows(brief.id)).toEqual({
      chosen: { choice: 'more', inferred: 0, counts: {} },
      fresh: { choice: null, inferred: 4, counts: { view: 8 } },
    });
    expect(Object.keys(await rows(lasting.id)).sort()).toEqual(['chosen', 'fresh', 'stale']);
  });

  it('previews what the next purge deletes of one person, and that purge deletes just that', async () => {
    const now = new Date('2030-01-10T12:00:00Z');
    const next = nextPurgeAt(now);
    const author = await person('Author');
    const p = await post(author, ['weaving']);
    const me = await person('Preview');
    const at = (days: number) => new Date(next.getTime() - days * DAY);
    await db.insert(activitySignals).values([
      { userId: me.id, postId: p.id, kind: 'view', createdAt: at(91) },
      { userId: me.id, postId: p.id, kind: 'view', createdAt: at(95) },
      { userId: me.id, postId: p.id, kind: 'open', createdAt: at(91) },
      // Past 90 days only after the next purge: stays.
      { userId: me.id, postId: p.id, kind: 'view', createdAt: new Date(next.getTime() - 90 * DAY + 3_600_000) },
    ]);
    await db.insert(searchHistory).values([
      { userId: me.id, query: 'old', createdAt: at(100) },
      { userId: me.id, query: 'new', createdAt: at(10) },
    ]);
    await db.insert(notifications).values({ userId: me.id, kind: 'follow', link: '/', createdAt: at(400) });
    await db.insert(interestScores).values({ userId: me.id, tag: 'weaving', inferred: 1, inferredAt: at(400), signalCounts: {} });

    const preview = await previewPurge(db, me.id, now);
    expect(preview.at).toEqual(next);
    expect(preview.counts).toEqual({ views: 2, opens: 1, searches: 1, notifications: 1, topics: 1 });
    await purgeExpired(db, next);
    expect(await db.select().from(activitySignals).where(eq(activitySignals.userId, me.id))).toHaveLength(1);
    expect((await db.select().from(searchHistory).where(eq(searchHistory.userId, me.id))).map((s) => s.query)).toEqual(['new']);
    expect(await db.select().from(notifications).where(eq(notifications.userId, me.id))).toEqual([]);
    expect(await db.select().from(interestScores).where(eq(interestScores.userId, me.id))).toEqual([]);
    // The view that was 1 hour short of its window goes the night after.
    expect((await previewPurge(db, me.id, next)).counts).toEqual({ views: 1, opens: 0, searches: 0, notifications: 0, topics: 0 });
  });
});
