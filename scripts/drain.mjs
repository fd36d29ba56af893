// Graceful shutdown of `npm start` (scripts/server.mjs) on SIGTERM or SIGINT: take no new connections, tell requests
// still waiting for a turn to come back (503), give those in progress up to HEARTH_SHUTDOWN_MS, then run the process's
// shutdown steps (lib/shutdown.ts: stop the job runner, close the database). Kept apart from the server so the order
// and the limits are tested with fakes.

export const defaultShutdownMs = 10_000;
/** How long one shutdown step (stopping the job runner, closing the database) may take before it is given up on. */
export const stepLimitMs = 5_000;

/** Whether `promise` settles within `ms` (true), or not (false); its rejection passes through. */
function within(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Drains the server and runs the shutdown steps, logging one line per stage. Resolves to the exit code: 0 when every
 * step finished in time, 1 when one failed or timed out (requests cut off at the limit are logged, not an error).
 *
 * @param {object} o
 * @param {{ close(cb?: (err?: Error) => void): unknown, closeIdleConnections(): void, closeAllConnections(): void }} o.server
 * @param {{ close(): number }} o.queue the admission queue: close() answers the waiting requests 503 and counts them
 * @param {Set<{ headersSent: boolean, writableEnded?: boolean, setHeader(name: string, value: string): unknown }>} o.inFlight responses not yet closed
 * @param {{ name: string, run: () => unknown }[]} o.steps in the order they run
 * @param {number} [o.limitMs] how long requests in progress may take (HEARTH_SHUTDOWN_MS)
 * @param {number} [o.stepMs] how long each step may take
 * @param {string} [o.reason] the signal, for the log
 * @param {(line: string) => void} [o.log]
 */
// Console by default for the unit tests; scripts/server.mjs passes its pino logger.
// eslint-disable-next-line no-console
export async function drain({ server, queue, inFlight, steps, limitMs = defaultShutdownMs, stepMs = stepLimitMs, reason = 'SIGTERM', log = console.log }) {
  const started = Date.now();
  const closed = new Promise((resolve) => server.close(() => resolve()));
  const refused = queue.close();
  // Responses not yet begun end their connection when they are done, instead of keeping it alive.
  for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  server.closeIdleConnections();
  const inProgress = () => [...inFlight].filter((res) => !res.writableEnded).length;
  log(`[shutdown] ${reason}: taking no new connections; ${refused} waiting request(s) answered 503; ${inProgress()} in progress get up to ${limitMs} ms`);

  // A keep-alive connection whose request just finished is idle: close it now rather than when its client says so.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  const timedOut = !(await within(closed, limitMs));
  clearInterval(sweep);
  if (timedOut) {
    const left = inProgress();
    server.closeAllConnections();
    log(`[shutdown] ${left} request(s) still in progress after ${limitMs} ms: connections closed`);
  } else {
    log(`[shutdown] requests drained in ${Date.now() - started} ms`);
  }

  let failures = 0;
  for (const step of steps) {
    const stepStarted = Date.now();
    try {
      const finished = await within(Promise.resolve().then(() => step.run()), stepMs);
      if (finished) {
        log(`[shutdown] ${step.name}: done in ${Date.now() - stepStarted} ms`);
      } else {
        failures++;
        log(`[shutdown] ${step.name}: not done after ${stepMs} ms, given up`);
      }
    } catch (error) {
      failures++;
      log(`[shutdown] ${step.name}: failed: ${error instanceof Error ? error.message : error}`);
    }
  }
  log(`[shutdown] stopped after ${Date.now() - started} ms${failures ? ` (${failures} step(s) did not finish)` : ''}`);
  return failures ? 1 : 0;
}
