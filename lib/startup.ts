import { closeDatabase, ensureDatabase } from '@/db/client';
import { demoAccount, seedDemo } from '@/db/seed';
import { hashPassword } from '@/lib/auth/password';
import { processImage, rasterizeSvg } from '@/lib/media/process-image';
import { hostConfigurationProblem, instancesConfigurationProblem, MissingAuthSecretError, resolveAuthSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';
import { startScheduler } from '@/lib/jobs';
import { smtpTransport, startMailWorker } from '@/lib/mail/worker';
import { onShutdown } from '@/lib/shutdown';
import { startPushDelivery } from '@/lib/push/instance';

export async function startHearth() {
  try {
    resolveAuthSecret();
  } catch (error) {
    if (error instanceof MissingAuthSecretError) {
      console.error(`\n✖ Hearth will not start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const configurationProblem = hostConfigurationProblem(env) ?? instancesConfigurationProblem(env);
  if (configurationProblem) {
    console.error(`\n✖ Hearth will not start: ${configurationProblem}\n`);
    process.exit(1);
  }

  let handle;
  try {
    handle = await ensureDatabase();
  } catch (error) {
    console.error(`\n✖ Hearth could not open its database: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
  // Run by scripts/server.mjs after draining requests, in reverse order: the job runner stops before this.
  onShutdown('close the database', () => closeDatabase());

  // Only `npm run dev` plants the demo community by itself; `npm start` never seeds.
  if (env.NODE_ENV === 'development' && env.HEARTH_SEED !== 'off') {
    const result = await seedDemo(handle.db, { hashPassword, processImage, rasterize: rasterizeSvg, log: (line) => console.log(`  ${line}`) });
    const port = process.env.PORT ?? '3000';
    console.log(
      `\n  Hearth is running at http://localhost:${port} on ${handle.kind === 'pglite' ? 'embedded PostgreSQL' : 'PostgreSQL'} (${handle.location}).` +
        (result.seeded ? '' : `\n  Demo community already planted (${result.reason}).`) +
        `\n  Demo sign-in: ${demoAccount.email} / ${demoAccount.password}\n`,
    );
  }

  // Web Push for notifications, when VAPID keys are configured (or generated, in development).
  if (!startPushDelivery()) console.log('  Web Push is off: set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT to turn it on.');
  // Mail goes out wherever SMTP_URL is set, whatever HEARTH_JOBS says: each instance runs a worker, and the
  // outbox claims make every message go once (lib/mail/worker.ts).
  if (env.SMTP_URL) {
    const stopMail = startMailWorker(handle.db, { transport: smtpTransport(env.SMTP_URL) });
    onShutdown('stop the mail worker', () => stopMail());
  } else if (env.NODE_ENV === 'production') {
    console.warn('[mail] SMTP_URL is not set: mail (sign-up links, password resets) waits in the outbox and is not sent.');
  }

  if (env.HEARTH_JOBS !== 'off') {
    const stopJobs = startScheduler(handle.db, handle.kind, env.DATABASE_URL);
    // Awaited when the stop function returns a promise (pg-boss finishing its jobs); a timer's is immediate.
    onShutdown('stop the job runner', () => stopJobs());
  }
}
