import { closeDatabase, ensureDatabase, type DatabaseHandle } from '@/db/client';
import { hostConfigurationProblem, instancesConfigurationProblem, MissingAuthSecretError, resolveAuthSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';
import { startScheduler } from '@/lib/jobs';
import { smtpTransport, startMailWorker } from '@/lib/mail/worker';
import { onShutdown } from '@/lib/shutdown';
import { startPushDelivery } from '@/lib/push/instance';
import { log } from '@/lib/log';
import { renderUnrenderedComments } from '@/lib/posts/comment-html-backfill';

export interface StartOptions {
  /** Runs once the database is migrated, before the workers start: `npm run dev` plants the demo community (instrumentation.ts). */
  plantDemo?: (handle: DatabaseHandle) => Promise<void>;
}

export async function startHearth(options: StartOptions = {}) {
  try {
    resolveAuthSecret();
  } catch (error) {
    if (error instanceof MissingAuthSecretError) {
      log.fatal(`Hearth will not start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const configurationProblem = hostConfigurationProblem(env) ?? instancesConfigurationProblem(env);
  if (configurationProblem) {
    log.fatal(`Hearth will not start: ${configurationProblem}`);
    process.exit(1);
  }

  let handle;
  try {
    handle = await ensureDatabase();
  } catch (error) {
    log.fatal({ err: error }, 'Hearth could not open its database');
    process.exit(1);
  }
  // Run by scripts/server.mjs after draining requests, in reverse order: the job runner stops before this.
  onShutdown('close the database', () => closeDatabase());

  // Only `npm run dev` plants the demo community by itself; `npm start` never seeds.
  if (options.plantDemo) await options.plantDemo(handle);

  // Comments from before they were rendered on write get their stored HTML, in the background (idempotent), after the demo seed's.
  renderUnrenderedComments(handle.db)
    .then((n) => n > 0 && log.info(`Rendered and stored the HTML of ${n} older comments.`))
    .catch((error) => log.error({ err: error }, '[posts] could not render older comments'));

  // Web Push for notifications, when VAPID keys are configured (or generated, in development).
  if (!startPushDelivery()) log.info('Web Push is off: set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT to turn it on.');
  // Mail goes out wherever SMTP_URL is set, whatever HEARTH_JOBS says: each instance runs a worker, and the
  // outbox claims make every message go once (lib/mail/worker.ts).
  if (env.SMTP_URL) {
    const stopMail = startMailWorker(handle.db, { transport: smtpTransport(env.SMTP_URL) });
    onShutdown('stop the mail worker', () => stopMail());
  } else if (env.NODE_ENV === 'production') {
    log.warn('[mail] SMTP_URL is not set: mail (sign-up links, password resets) waits in the outbox and is not sent.');
  }

  if (env.HEARTH_JOBS !== 'off') {
    const stopJobs = startScheduler(handle.db, handle.kind, env.DATABASE_URL);
    // Awaited when the stop function returns a promise (pg-boss finishing its jobs); a timer's is immediate.
    onShutdown('stop the job runner', () => stopJobs());
  }
}
