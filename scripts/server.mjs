// `npm start`: Next's production server (the same request handler `next start` uses) behind an admission limit.
// At most HEARTH_MAX_RENDERS requests are handled at once; the others wait their turn in arrival order, holding only
// their socket. `next start` renders every request that arrives at once, and each page in progress holds its tree, RSC
// payload and query results: memory grows with the number of clients (64 at a time in bench:load, against a 256 MB
// heap). One Node thread renders one page at a time anyway, so a queue costs no throughput: the pages admitted finish
// sooner, and memory stays flat however many people arrive together. At most HEARTH_MAX_QUEUE wait, each for at most
// HEARTH_QUEUE_TIMEOUT_MS; the others get a 503 with Retry-After.
//
// For a load balancer: /healthz (the process is alive) is answered here, without Next; /readyz (the database answers
// and is migrated: app/readyz/route.ts) skips the queue. On SIGTERM or SIGINT the server drains (scripts/drain.mjs)
// and runs the shutdown steps the app registered (lib/shutdown.ts), then exits.
//
//   node --max-old-space-size=256 scripts/server.mjs [-p port] [-H hostname]
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import pino from 'pino';
import { admission, defaultMaxQueue, defaultQueueTimeoutMs, wholeNumberSetting } from './admission.mjs';
import { defaultShutdownMs, drain } from './drain.mjs';
import { crossOriginAction, oversizedAction, settleClient, settleRequestId, trustFrom } from './request-guard.mjs';

/** The value after a flag (`-p 3000`, `--port 3000`), if given. */
function option(...names) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length - 1; i++) if (names.includes(args[i])) return args[i + 1];
  return undefined;
}

// The server's own lines (start, refusal to start, shutdown, a handler that threw) are JSON lines like the app's
// (lib/log.ts), so one log reader takes them all.
const log = pino({ base: { pid: process.pid } });

const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
// Every interface unless -H names one, as `next start` does (not $HOSTNAME: containers set it to their own name).
const hostname = option('-H', '--hostname');
const maxRenders = Math.max(1, Number(process.env.HEARTH_MAX_RENDERS) || 16);
let trust, maxQueue, queueTimeoutMs, shutdownMs;
try {
  trust = trustFrom(process.env.HEARTH_TRUSTED_PROXIES);
  maxQueue = wholeNumberSetting(process.env, 'HEARTH_MAX_QUEUE', { fallback: defaultMaxQueue, min: 0, max: 100_000, unit: 'requests' });
  queueTimeoutMs = wholeNumberSetting(process.env, 'HEARTH_QUEUE_TIMEOUT_MS', { fallback: defaultQueueTimeoutMs, min: 1, max: 600_000, unit: 'milliseconds' });
  shutdownMs = wholeNumberSetting(process.env, 'HEARTH_SHUTDOWN_MS', { fallback: defaultShutdownMs, min: 0, max: 600_000, unit: 'milliseconds' });
} catch (error) {
  log.fatal({ reason: error.message }, `Hearth will not start: ${error.message}`);
  log.flush?.();
  process.exit(1);
}

// The project is the folder above scripts/, wherever the command is run from.
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
// In production Next runs instrumentation (lib/startup.ts: configuration checks, migrations, the job runner) on its
// first request, and loads every route right after it starts, blocking the event loop for seconds (15 s measured on
// a busy 2-core machine: even /healthz waited). Both are done before the port opens, so a balancer never reaches a
// half-started instance. Next's own server offers no public way to ask; without these methods it starts as before.
const nextServer = await app.server?.getServer?.();
await nextServer?.prepare?.();
await nextServer?.unstable_preloadEntries?.();
// Several instances must run one build: the id in each one's log shows that they do.
let buildId = 'unknown';
try {
  buildId = fs.readFileSync(path.join(dir, '.next', 'BUILD_ID'), 'utf8').trim();
} catch {
  // next({ dev: false }) has already refused to start without a build
}

// Each request runs inside its own context, which lib/log.ts reads: every log line written while it is handled carries
// its id. Entered when Next is handed the request, not when it arrives: a request that waited in the queue is started
// from another one's ending, and must not inherit that one's context.
const requestContext = (globalThis.__hearthRequestContext ??= new AsyncLocalStorage());
const handleInContext = (req, res) => requestContext.run({ requestId: req.headers['x-request-id'] }, () => handle(req, res));
const admitted = admission(maxRenders, handleInContext, {
  maxQueue,
  timeoutMs: queueTimeoutMs,
  warn: (message) => log.warn(message),
  fail: (error) => log.error({ err: error }, 'a request handler threw'),
});
/** Responses not yet closed, for the shutdown: it tells them to close their connection and counts them. */
const inFlight = new Set();
let draining;

const plainHeaders = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
const pathOf = (url = '/') => url.split('?', 1)[0];

const server = http.createServer((req, res) => {
  const pathname = pathOf(req.url);
  // Liveness: this process answers. Nothing else is asked (not the database, not Next), so a slow database or a
  // full queue never gets a healthy instance restarted.
  if (pathname === '/healthz') {
    res.writeHead(200, plainHeaders);
    res.end(req.method === 'HEAD' ? undefined : 'ok');
    return;
  }
  inFlight.add(res);
  res.once('close', () => inFlight.delete(res));
  if (draining) res.setHeader('Connection', 'close');
  settleClient(req, trust);
  settleRequestId(req, res);
  if (pathname === '/readyz') {
    // A draining instance is not ready: the balancer stops sending it new requests.
    if (draining) {
      res.writeHead(503, { ...plainHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '5' });
      res.end(JSON.stringify({ status: 'unavailable', reason: 'shutting down' }));
      return;
    }
    // Past the queue: a busy instance is still a ready one.
    handleInContext(req, res);
    return;
  }
  if (crossOriginAction(req)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end('This form was sent from another site, so Hearth did not act on it.');
    return;
  }
  if (oversizedAction(req)) {
    res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Connection: 'close' });
    res.end('That is more than Hearth takes in one go: images can be at most 5 MB each, and 6 MB in all per form.');
    return;
  }
  // Live updates (app/api/live) are long-lived streams, not page renders: they do not wait for, nor hold, a turn.
  if (pathname === '/api/live') {
    handleInContext(req, res);
    return;
  }
  admitted(req, res);
});
server.listen(port, hostname, () => {
  log.info(
    { buildId, port, hostname: hostname ?? null, maxRenders, maxQueue, queueTimeoutMs },
    `Hearth (build ${buildId}) is listening on http://${hostname ?? 'localhost'}:${port} ` +
      `(at most ${maxRenders} requests in progress at once, ${maxQueue} waiting for up to ${queueTimeoutMs} ms)`,
  );
});

const stop = (signal) => {
  if (draining) {
    log.warn({ signal }, `[shutdown] ${signal} again: exiting now`);
    process.exit(1);
  }
  // Open live streams end first (lib/live/stream.ts), so their tabs reconnect to another instance at once and the
  // drain below is not held up by connections that never finish by themselves.
  globalThis.__hearthCloseLiveStreams?.('restart');
  // The steps lib/startup.ts registered (lib/shutdown.ts), already in the order they run.
  const steps = [...(globalThis.__hearthShutdown ?? [])];
  draining = drain({ server, queue: admitted, inFlight, steps, limitMs: shutdownMs, reason: signal, log: (line) => log.info({ signal }, line) }).then(
    (code) => process.exit(code),
    (error) => {
      log.error({ err: error, signal }, '[shutdown] failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
