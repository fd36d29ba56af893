// Scheduled work. `runDailyJobs` is idempotent; the in-process scheduler runs it once per UTC day, and on a
// PostgreSQL server an advisory lock lets one instance at a time do it (the unique indexes make a repeat harmless).
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/client';
import { runDailyMilestones } from '@/lib/milestones/daily';
import { purgeExpiredLimits } from '@/lib/rate-limit';

export async function runDailyJobs(db: Database, now = new Date()) {
  const milestones = await runDailyMilestones(db, now);
  await purgeExpiredLimits(db, now);
  return { awarded: milestones.awarded };
}

/** Checks every hour whether today's run is done; safe with several app instances. */
export function startScheduler(db: Database, kind: 'pglite' | 'postgres') {
  let lastDay = '';
  const tick = async () => {
    const today = new Date().toISOString().slice(0, 10);
    if (today === lastDay) return;
    try {
      if (kind === 'postgres') {
        const [row] = rowsOf<{ ok: boolean }>(await db.execute(sql`select pg_try_advisory_lock(hashtext('hearth:daily')) as ok`));
        if (!row?.ok) return;
        try {
          await runDailyJobs(db);
        } finally {
          await db.execute(sql`select pg_advisory_unlock(hashtext('hearth:daily'))`);
        }
      } else {
        await runDailyJobs(db);
      }
      lastDay = today;
    } catch (error) {
      console.error('[jobs] the daily job failed; it will be tried again within the hour', error);
    }
  };
  const timer = setInterval(tick, 60 * 60 * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
