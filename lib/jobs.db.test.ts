// The daily job through pg-boss on a PostgreSQL server (PGlite has no second connection for a job queue: there the
// in-process scheduler runs it, covered by lib/milestones/daily.db.test.ts).
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { milestones, users } from '@/db/schema';
import { testDatabaseKind, urlForDatabase } from '@/test/db-env';
import { DAILY_CRON, DAILY_QUEUE, startJobRunner } from './jobs';

async function settled(boss: Awaited<ReturnType<typeof startJobRunner>>, ids: string[], timeoutMs = 30_000) {
  const start = Date.now();
  for (;;) {
    const jobs = await Promise.all(ids.map((id) => boss.getJobById(DAILY_QUEUE, id, { includeArchive: true })));
    if (jobs.every((j) => j && ['completed', 'failed'].includes(j.state))) return jobs.map((j) => j!.state);
    if (Date.now() - start > timeoutMs) throw new Error(`pg-boss jobs did not finish: ${jobs.map((j) => j?.state).join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.runIf(testDatabaseKind() === 'postgres')('daily job through pg-boss', () => {
  it('schedules one cron however many instances start, and awards a cake day once when the job runs twice', { timeout: 60_000 }, async () => {
    const [{ name }] = rowsOf<{ name: string }>(await db.execute(sql`select current_database() as name`));
    const url = urlForDatabase(name);
    const now = '2026-11-29T08:00:00.000Z';
    const [maya] = await db.insert(users).values({ name: 'Maya', email: 'maya.boss@example.org', handle: 'maya_boss', createdAt: new Date('2024-11-29T17:00:00Z') }).returning();

    // Two app instances start against the same server.
    const a = await startJobRunner(db, url, { runToday: false });
    const b = await startJobRunner(db, url, { runToday: false });
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
