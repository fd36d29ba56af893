// The admission limit of `npm start` (scripts/server.mjs): at most `limit` requests in progress; up to `maxQueue`
// more wait in arrival order, each for at most `timeoutMs`; beyond that a request is told to come back (503 with
// Retry-After), so an overloaded instance sheds load quickly and the balancer can try another one.

export const defaultMaxQueue = 256;
export const defaultQueueTimeoutMs = 10_000;

export const busyMessage = 'Hearth is busy right now. Please try again in a moment.';
export const closingMessage = 'Hearth is restarting. Please try again in a moment.';

/**
 * Answers a request Hearth will not handle: 503 with Retry-After, if the client is still there. The connection is
 * closed after it, since a refused request's body was never read. Returns whether anything was sent.
 */
export function refuse(res, message) {
  if (res.headersSent || res.writableEnded || res.destroyed) return false;
  res.writeHead(503, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Retry-After': '1',
    Connection: 'close',
  });
  res.end(message);
  return true;
}

/**
 * A whole-number setting from the environment: `fallback` when unset or empty, else a number from `min` to `max`,
 * or an error saying what was expected (scripts/server.mjs refuses to start with it).
 */
export function wholeNumberSetting(env, name, { fallback, min = 0, max = Number.MAX_SAFE_INTEGER, unit }) {
  const raw = env[name] ?? '';
  if (raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) throw new Error(`${name} must be a whole number of ${unit} from ${min} to ${max}; it is "${raw}".`);
  return value;
}

/**
 * A first-come, first-served limit on requests in progress. Build assets skip the queue: they are files, cheap and
 * needed to show pages that were already answered. A waiting client that leaves is forgotten; one that waited
 * `timeoutMs`, or arrives while `maxQueue` others wait, gets a 503.
 *
 * The returned handler also has `close()` (for shutdown: answers every waiting request with a 503, refuses new
 * ones, and returns how many it answered) and `stats()` ({ active, waiting }). `warn` takes its overload lines, `fail`
 * a handler's error (scripts/server.mjs passes its logger).
 */
// Console by default for the unit tests; scripts/server.mjs passes its pino logger.
// eslint-disable-next-line no-console
export function admission(limit, handler, { maxQueue = defaultMaxQueue, timeoutMs = defaultQueueTimeoutMs, warn = console.warn, fail = console.error } = {}) {
  let active = 0;
  let closed = false;
  const lastWarning = new Map();
  /** Waiting requests in arrival order (a Set keeps insertion order and forgets a leaver in O(1)). */
  const waiting = new Set();

  // Under overload every refusal would log a line; one a minute of each kind says the same.
  const warnOnce = (kind, text) => {
    if (Date.now() - (lastWarning.get(kind) ?? -Infinity) < 60_000) return;
    lastWarning.set(kind, Date.now());
    warn(`[admission] ${text}`);
  };

  const leave = (entry) => {
    waiting.delete(entry);
    clearTimeout(entry.timer);
    entry.res.off('close', entry.onClose);
  };

  const admitNext = () => {
    while (active < limit && waiting.size > 0) {
      const entry = waiting.values().next().value;
      leave(entry);
      start(entry.req, entry.res);
    }
  };

  const start = (req, res) => {
    active++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      active--;
      admitNext();
    };
    res.once('finish', finish);
    res.once('close', finish);
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error) => {
        fail(error);
        if (!res.headersSent) res.writeHead(500).end();
        finish();
      });
  };

  const admit = (req, res) => {
    if (req.url?.startsWith('/_next/static/')) return handler(req, res);
    if (closed) return void refuse(res, closingMessage);
    if (active < limit) return start(req, res);
    if (waiting.size >= maxQueue) {
      warnOnce('full', `the queue is full (${active} in progress, ${waiting.size} waiting): answering 503 (HEARTH_MAX_QUEUE)`);
      return void refuse(res, busyMessage);
    }
    const entry = {
      req,
      res,
      // The client left while waiting: nothing to render, and its place is free.
      onClose: () => leave(entry),
      timer: setTimeout(() => {
        leave(entry);
        warnOnce('timeout', `a request waited ${timeoutMs} ms without a turn: answering 503 (HEARTH_QUEUE_TIMEOUT_MS)`);
        refuse(res, busyMessage);
      }, timeoutMs),
    };
    res.once('close', entry.onClose);
    waiting.add(entry);
  };

  admit.close = () => {
    closed = true;
    let answered = 0;
    for (const entry of [...waiting]) {
      leave(entry);
      if (refuse(entry.res, closingMessage)) answered++;
    }
    return answered;
  };
  admit.stats = () => ({ active, waiting: waiting.size });
  return admit;
}
