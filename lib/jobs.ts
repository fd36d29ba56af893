// Scheduled work. `runDailyJobs` is idempotent (the unique indexes make a repeat harmless), and each day's run is
// claimed by inserting a `job_runs` row (runDailyOnce): whichever instance, timer, retry or hand inserts it runs the
// job, every other one sees the row and does not — on both engines, with no lock to leak. On a PostgreSQL server the
// daily run is a pg-boss job on a cron schedule (one queue shared by every app instance, with retries when a run
// fails); embedded PGlite serves one process, so there an in-process timer asks every few minutes.
import os from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { jobRuns } from '@/db/schema';
import { runDailyMilestones } from '@/lib/milestones/daily';
import { runDailyGroupMilestones } from '@/lib/milestones/group-milestones';
import { purgeExpired } from '@/lib/privacy/retention';
import { PURGE_HOUR_UTC, PURGE_MINUTE_UTC } from '@/lib/privacy/retention-policy';
import { purgeExpiredLimits } from '@/lib/rate-limit';
import { purgeEmailChanges } from '@/lib/auth/email-change';
import { purgeExpiredSignUps } from '@/lib/auth/signup';
import { purgeLiveEvents } from '@/lib/live/bus';
import { sendDueDigests } from '@/lib/digest/send';
import { purgePasswordResets } from '@/lib/auth/password-reset';
import { log } from '@/lib/log';
import { trainTasteModel } from '@/lib/recommend/taste';

export async function runDailyJobs(db: Database, now = new Date()) {
  const milestones = await runDailyMilestones(db, now);
  const groupMilestones = await runDailyGroupMilestones(db, now);
  await purgeExpiredLimits(db, now);
  await purgeEmailChanges(db, now);
  await purgeExpiredSignUps(db, now);
  await purgeLiveEvents(db, now);
  await purgePasswordResets(db, now);
  // Each person's retention choices: views and opens, searches, notifications and stale inferred interests.
  const purged = await purgeExpired(db, now);
  // The taste model from the engagements of everyone who allows it (lib/recommend/taste.ts): after the purge, so
  // nothing the retention choices removed is learned from.
  const taste = await trainTasteModel(db, now);
  // Last: the digests that are due (lib/digest/send.ts), each claimed per person, so a repeated run sends none twice.
  const digests = await sendDueDigests(db, now);
  return { awarded: milestones.awarded + groupMilestones.awarded, purged, digests, taste };
}

export const DAILY_QUEUE = 'hearth-daily';
/** Every day at 03:15 UTC, a quiet hour for most of Hearth's people (the privacy page announces the purge then). */
export const DAILY_CRON = `${PURGE_MINUTE_UTC} ${PURGE_HOUR_UTC} * * *`;

/** The day a run belongs to: it turns at 03:15 UTC, so the purge the privacy page announces happens then. */
export function runDayOf(now: Date): string {
  return new Date(now.getTime() - (PURGE_HOUR_UTC * 60 + PURGE_MINUTE_UTC) * 60_000).toISOString().slice(0, 10);
}

/** A run that started this long ago and never finished belonged to an instance that died: it may be claimed again. */
const ABANDONED_AFTER = '1 hour';
const runner = `${os.hostname()}:${process.pid}`;

/**
 * Claims a job's run for a day: true for exactly one caller, whichever instance it is on, until that run fails
 * (its claim is given back) or is abandoned.
 */
export async function claimRun(db: Database, job: string, day: string): Promise<boolean> {
  const claimed = await db
    .insert(jobRuns)
    .values({ job, day, runner })
    .onConflictDoUpdate({
      target: [jobRuns.job, jobRuns.day],
      set: { startedAt: sql`now()`, runner, outcome: null },
      setWhere: sql`${jobRuns.finishedAt} is null and ${jobRuns.startedAt} < now() - ${ABANDONED_AFTER}::interval`,
    })
    .returning({ job: jobRuns.job });
  return claimed.length === 1;
}

export type DailyRun = { ran: false; day: string } | { ran: true; day: string; result: Awaited<ReturnType<typeof runDailyJobs>> };

/** The daily job, once per day across every instance: runs it if this caller claims the day, else does nothing. */
export async function runDailyOnce(db: Database, now = new Date()): Promise<DailyRun> {
  const day = runDayOf(now);
  if (!(await claimRun(db, 'daily', day))) return { ran: false, day };
  try {
    const result = await runDailyJobs(db, now);
    await db
      .update(jobRuns)
      .set({ finishedAt: sql`now()`, outcome: `${result.awarded} milestones; purged ${result.purged.signals} signals, ${result.purged.searches} searches, ${result.purged.notifications} notifications; ${result.digests.sent} digests sent; taste model from ${result.taste.engagements} engagements of ${result.taste.people} people` })
      .where(and(eq(jobRuns.job, 'daily'), eq(jobRuns.day, day)));
    return { ran: true, day, result };
  } catch (error) {
    // Given back, so the next tick or retry (here or on another instance) runs it.
    await db.delete(jobRuns).where(and(eq(jobRuns.job, 'daily'), eq(jobRuns.day, day), sql`${jobRuns.finishedAt} is null`));
    throw error;
  }
}

export type DailyJobData = { now?: string };

/** Any fixed number: the transaction-level advisory lock under which an instance sets up its pg-boss queue. */
const setupLock = 7_301_946_112;

/** One line for every run a runner asked for, whichever runner it was, so an operator sees who did the day's work. */
function logRun(who: string, run: DailyRun) {
  if (!run.ran) log.info(`[jobs] ${who}: the run for ${run.day} was already done (or is running) elsewhere`);
  else log.info(`[jobs] ${who} for ${run.day}: ${run.result.awarded} milestones awarded; purged ${run.result.purged.signals} signals, ${run.result.purged.searches} searches, ${run.result.purged.notifications} notifications, ${run.result.purged.topicsReset} stale topics; ${run.result.digests.sent} digests sent`);
}

/**
 * Starts pg-boss on the server: creates the queue and the cron schedule (both idempotent, so every instance may do
 * it), works the queue, and asks for today's run at start-up (one per day, by singleton key) so a server started
 * after 03:15 does not wait a day. The pg-boss tables live in their own schema, `pgboss`.
 */
export async function startJobRunner(db: Database, connectionString: string, options: { schema?: string; runToday?: boolean } = {}) {
  const { default: Boss } = await import('pg-boss');
  const boss: PgBoss = new Boss({ connectionString, schema: options.schema ?? 'pgboss', max: 3, application_name: 'hearth-jobs' });
  boss.on('error', (error) => log.error({ err: error }, '[jobs] pg-boss reported an error'));
  // Instances starting together set up one after another: pg-boss's create_queue, run at the same moment for the
  // same queue by two instances, deadlocks on its partition table (seen with two instances behind nginx). The
  // transaction only holds the lock; pg-boss works on its own connections meanwhile.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${setupLock})`);
    await boss.start();
    await boss.createQueue(DAILY_QUEUE, { name: DAILY_QUEUE, retryLimit: 3, retryDelay: 15 * 60, expireInSeconds: 30 * 60 });
    await boss.schedule(DAILY_QUEUE, DAILY_CRON, {}, { tz: 'UTC' });
  });
  await boss.work<DailyJobData>(DAILY_QUEUE, async (jobs) => {
    for (const job of jobs) logRun(`daily job ${job.id}`, await runDailyOnce(db, job.data?.now ? new Date(job.data.now) : new Date()));
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
      log.error({ err: error }, '[jobs] pg-boss could not start; falling back to the in-process daily check');
      return startInProcess(db);
    });
    // Awaitable, so a graceful shutdown (lib/startup.ts, lib/shutdown.ts) waits for pg-boss to finish its work.
    return (): Promise<void> => started.then((s) => (typeof s === 'function' ? s() : s.stop({ graceful: true, wait: true })));
  }
  return startInProcess(db);
}

/**
 * Checks every few minutes whether today's run (turning at 03:15 UTC) is done, and does it if no one has claimed it:
 * at start-up a missed one is caught up; with several instances the claim lets exactly one do it.
 */
function startInProcess(db: Database) {
  const tick = async () => {
    try {
      const run = await runDailyOnce(db);
      // Every few minutes a "not today" would drown the log: only the run that did the work says so.
      if (run.ran) logRun('daily job (in-process check)', run);
    } catch (error) {
      log.error({ err: error }, '[jobs] the daily job failed; it will be tried again in a few minutes');
    }
  };
  const timer = setInterval(tick, 5 * 60 * 1000);
  timer.unref();
  void tick();
  return async () => clearInterval(timer);
}
