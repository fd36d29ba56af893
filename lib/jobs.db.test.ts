// The daily job: claimed once a day on both engines, and through pg-boss on a PostgreSQL server (PGlite has no
// second connection for a job queue: there the in-process scheduler runs it, covered by lib/milestones/daily.db.test.ts).
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { jobRuns, milestones, users } from '@/db/schema';
import { testDatabaseKind, urlForDatabase } from '@/test/db-env';
import { claimRun, DAILY_CRON, DAILY_QUEUE, runDailyOnce, runDayOf, startJobRunner } from './jobs';

async function settled(boss: Awaited<ReturnType<typeof startJobRunner>>, ids: string[], timeoutMs = 30_000) {
  const start = Date.now();
  for (;;) {
    const jobs = await Promise.all(ids.map((id) => boss.getJobById(DAILY_QUEUE, id, { includeArchive: true })));
    if (jobs.every((j) => j && ['completed', 'failed'].includes(j.state))) return jobs.map((j) => j!.state);
    if (Date.now() - start > timeoutMs) throw new Error(`pg-boss jobs did not finish: ${jobs.map((j) => j?.state).join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// Server only: pg-boss needs connections of its own, which embedded PGlite cannot give. The PostgreSQL pass runs it.
describe.runIf(testDatabaseKind() === 'postgres')('daily job through pg-boss', () => {
  it('schedules one cron however many instances start, and awards a cake day once when the job runs twice', { timeout: 60_000 }, async () => {
    const [{ name }] = rowsOf<{ name: string }>(await db.execute(sql`select current_database() as name`));
    const url = urlForDatabase(name);
    const now = '2026-11-29T08:00:00.000Z';
    const [maya] = await db.insert(users).values({ name: 'Maya', email: 'maya.boss@example.org', handle: 'maya_boss', createdAt: new Date('2024-11-29T17:00:00Z') }).returning();

    // Two app instances start against the same server at the same moment (pg-boss's queue creation, done twice at
    // once, deadlocked before the set-up took a lock).
    const [a, b] = await Promise.all([startJobRunner(db, url, { runToday: false }), startJobRunner(db, url, { runToday: false })]);
    try {
      const schedules = (await a.getSchedules()).filter((s) => s.name === DAILY_QUEUE);
      expect(schedules).toHaveLength(1);
      expect(schedules[0].cron).toBe(DAILY_CRON);

      // The same day's run twice (a retry, or a run by hand): one award.
      const ids = [await a.send(DAILY_QUEUE, { now }), await b.send(DAILY_QUEUE, { now })].filter((id): id is string => Boolean(id));
      expect(ids).toHaveLength(2);
      expect(await settled(a, ids)).toEqual(['completed', 'completed']);
      const earned = await db.select().from(milestones).where(eq(milestones.userId, maya.id));
      expect(earned.map((m) => m.rule)).toEqual(['cake_day_2']);
    } finally {
      await a.stop({ graceful: false, wait: true });
      await b.stop({ graceful: false, wait: true });
    }
  });
});

describe('one run a day, on every engine and any number of instances', () => {
  it('is claimed by exactly one of many callers at once, and done once', async () => {
    const now = new Date('2026-12-01T09:00:00Z');
    const runs = await Promise.all(Array.from({ length: 4 }, () => runDailyOnce(db, now)));
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect(new Set(runs.map((r) => r.day))).toEqual(new Set(['2026-12-01']));
    const [row] = await db.select().from(jobRuns).where(and(eq(jobRuns.job, 'daily'), eq(jobRuns.day, '2026-12-01')));
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect(row.outcome).toMatch(/milestones/);
    // Later the same day (before 03:15 UTC the next morning): nothing.
    expect((await runDailyOnce(db, new Date('2026-12-02T03:10:00Z'))).ran).toBe(false);
    // The next day turns at 03:15 UTC.
    expect(await runDailyOnce(db, new Date('2026-12-02T03:20:00Z'))).toMatchObject({ ran: true, day: '2026-12-02' });
  });

  it('gives the claim back when the run fails, and takes over a run abandoned by an instance that died', async () => {
    expect(runDayOf(new Date('2026-12-05T03:14:00Z'))).toBe('2026-12-04');
    expect(await claimRun(db, 'daily', '2026-11-20')).toBe(true);
    // Another instance, at the same time: no.
    expect(await claimRun(db, 'daily', '2026-11-20')).toBe(false);
    // Started two hours ago and never finished: its instance is gone, so it may be claimed again, once.
    await db.update(jobRuns).set({ startedAt: new Date(Date.now() - 2 * 3_600_000) }).where(eq(jobRuns.day, '2026-11-20'));
    expect(await claimRun(db, 'daily', '2026-11-20')).toBe(true);
    expect(await claimRun(db, 'daily', '2026-11-20')).toBe(false);
  });
});
