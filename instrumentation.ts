// Runs once when the Hearth server starts: check configuration, migrate, and in development plant the demo community.
// Next also calls onRequestError for every request that fails on the server.
import type { Instrumentation } from 'next';

export async function register() {
  // Next sets NEXT_RUNTIME and NODE_ENV at build time, per bundle: each condition below is a constant there, so a
  // production build drops the other branch, and with it the demo seed and faker (scripts/check-server-bundle.mjs).
  /* eslint-disable no-restricted-properties -- build-time constants, not settings (lib/env.ts holds those) */
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startHearth } = await import('./lib/startup');
  if (process.env.NODE_ENV === 'development') {
    await startHearth({ plantDemo: async (handle) => (await import('./lib/demo/dev')).plantDemoCommunity(handle) });
    return;
  }
  /* eslint-enable no-restricted-properties */
  await startHearth();
}

/** One log line per failed request, with its request id and the digest its error page shows (lib/log.ts). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // eslint-disable-next-line no-restricted-properties -- a build-time constant, as above
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log, logRequestError } = await import('./lib/log');
  logRequestError(log, error, request, context);
};
