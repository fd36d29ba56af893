// npm run jobs:daily — the daily job by hand (Hearth also runs it by itself once a day while it is up).
import { closeDatabase, ensureDatabase } from '../db/client';
import { runDailyJobs } from '../lib/jobs';

try {
  const handle = await ensureDatabase();
  const result = await runDailyJobs(handle.db);
  const p = result.purged;
  console.log(
    `Daily job on ${handle.location}: ${result.awarded} milestones awarded, expired rate-limit counters purged; ` +
      `retention purge: ${p.signals} views and opens, ${p.searches} searches, ${p.notifications} notifications, ${p.topicsReset} stale inferred topics.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
