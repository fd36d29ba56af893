// Scheduled work. `runDailyJobs` is idempotent (the unique indexes make a repeat harmless). On a PostgreSQL server the
// daily run is a pg-boss job on a cron schedule — one queue shared by every app instance, so exactly one of them
// takes each run, with retries when one fails. Embedded PGlite serves one process, so there a simple in-process
// timer does it.
import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/client';
import { runDailyMilestones } from '@/lib/milestones/daily';
import { runDailyGroupMilestones } from '@/lib/milestones/group-milestones';
import { purgeExpired } from '@/lib/privacy/retention';
import { PURGE_HOUR_UTC, PURGE_MINUTE_UTC } from '@/lib/privacy/retention-policy';
import { purgeExpiredLimits } from '@/lib/rate-limit';
import { purgeEmailChanges } from '@/lib/auth/email-change';
import { purgeExpiredSignUps } from '@/lib/auth/signup';

export async function runDailyJobs(db: Database, now = new Date()) {
  const milestones = await runDailyMilestones(db, now);
  const groupMilestones = await runDailyGroupMilestones(db, now);
  await purgeExpiredLimits(db, now);
  await purgeEmailChanges(db, now);
  await purgeExpiredSignUps(db, now);
  // Each person's retention choices: views and opens, searches, notifications and stale inferred interests.
  const purged = await purgeExpired(db, now);
  return { awarded: milestones.awarded + groupMilestones.awarded, purged };
}

export const DAILY_QUEUE = 'hearth-daily';
/** Every day at 03:15 UTC, a quiet hour for most of Hearth's people (the privacy page announces the purge then). */
export const DAILY_CRON = `${PURGE_MINUTE_UTC} ${PURGE_HOUR_UTC} * * *`;

export type DailyJobData = { now?: string };

/**
 * Starts pg-boss on the server: creates the queue and the cron schedule (both idempotent, so every instance may do
 * it), works the queue, and asks for today's run at start-up (one per day, by singleton key) so a server started
 * after 03:15 does not wait a day. The pg-boss tables live in their own schema, `pgboss`.
 */
export async function startJobRunner(db: Database, connectionString: string, options: { schema?: string; runToday?: boolean } = {}) {
  const { default: Boss } = await import('pg-boss');
  const boss: PgBoss = new Boss({ connectionString, schema: options.schema ?? 'pgboss', max: 3, application_name: 'hearth-jobs' });
  boss.on('error', (error) => console.error('[jobs] pg-boss reported an error', error));
  await boss.start();
  await boss.createQueue(DAILY_QUEUE, { name: DAILY_QUEUE, retryLimit: 3, retryDelay: 15 * 60, expireInSeconds: 30 * 60 });
  await boss.schedule(DAILY_QUEUE, DAILY_CRON, {}, { tz: 'UTC' });
  await boss.work<DailyJobData>(DAILY_QUEUE, async (jobs) => {
    for (const job of jobs) {
      const result = await runDailyJobs(db, job.data?.now ? new Date(job.data.now) : new Date());
      console.log(`[jobs] daily job ${job.id}: ${result.awarded} milestones awarded; purged ${result.purged.signals} signals, ${result.purged.searches} searches, ${result.purged.notifications} notifications, ${result.purged.topicsReset} stale topics`);
    }
  });
  if (options.runToday !== false) {
    const today = new Date().toISOString().slice(0, 10);
    await boss.send(DAILY_QUEUE, {}, { singletonKey: `daily:${today}`, singletonHours: 24 });
  }
  return boss;
}

/**
 * Runs the daily job: through pg-boss on a PostgreSQL server, by an in-process check every few minutes on PGlite.
 * Returns a function that stops it.
 */
export function startScheduler(db: Database, kind: 'pglite' | 'postgres', connectionString?: string) {
  if (kind === 'postgres' && connectionString) {
    const started = startJobRunner(db, connectionString).catch((error) => {
      console.error('[jobs] pg-boss could not start; falling back to the in-process daily check', error);
      return startInProcess(db, kind);
    });
    return () => void started.then((s) => (typeof s === 'function' ? s() : s.stop({ graceful: true })));
  }
  return startInProcess(db, kind);
}

/**
 * Checks every few minutes whether the latest 03:15 UTC run is done (at start-up, a missed one is caught up); with a
 * server, an advisory lock lets one instance at a time do it.
 */
function startInProcess(db: Database, kind: 'pglite' | 'postgres') {
  let lastDay = '';
  const tick = async () => {
    // The run "day" turns at 03:15 UTC, so the purge the privacy page announces happens then, not at midnight.
    const today = new Date(Date.now() - (PURGE_HOUR_UTC * 60 + PURGE_MINUTE_UTC) * 60_000).toISOString().slice(0, 10);
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
      console.error('[jobs] the daily job failed; it will be tried again in a few minutes', error);
    }
  };
  const timer = setInterval(tick, 5 * 60 * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
