// npm run jobs:daily — the daily job by hand (Hearth also runs it by itself once a day while it is up). Like every
// other run it claims the day first (lib/jobs.ts), so it does nothing when the day's run is done or running
// elsewhere; `--force` runs it anyway (it is idempotent).
import { closeDatabase, ensureDatabase } from '../db/client';
import { runDailyJobs, runDailyOnce } from '../lib/jobs';

try {
  const handle = await ensureDatabase();
  const force = process.argv.includes('--force');
  const run = force ? { ran: true as const, day: 'today (forced)', result: await runDailyJobs(handle.db) } : await runDailyOnce(handle.db);
  if (!run.ran) {
    console.log(`Daily job on ${handle.location}: the run for ${run.day} was already done, or is running on another instance; nothing to do (--force runs it anyway).`);
  } else {
    const p = run.result.purged;
    console.log(
      `Daily job on ${handle.location} for ${run.day}: ${run.result.awarded} milestones awarded, expired rate-limit counters purged; ` +
        `retention purge: ${p.signals} views and opens, ${p.searches} searches, ${p.notifications} notifications, ${p.topicsReset} stale inferred topics; ${run.result.digests.sent} digests sent.`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
