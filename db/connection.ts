// Surviving a database restart: which errors mean "the server is briefly unreachable", retries for reads that are
// safe to repeat, and a process-wide note of the database's health (the proxy answers 503 while it is down).
import type postgres from 'postgres';

/** Error codes that mean the connection, not the query, failed: worth a retry of a safe read, or a 503. */
const connectionCodes = new Set([
  // Node sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // postgres.js
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (starting up / shutting down), too many clients
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** Whether an error (or one it wraps: drizzle wraps driver errors) means the database could not be reached. */
export function isConnectionError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    // Class 08: connection exceptions.
    if (typeof code === 'string' && (connectionCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

type Health = {
  failing: boolean;
  lastFailureAt: number;
  lastSuccessAt: number;
  lastProbeAt: number;
  /** The last connection error seen (a stall does not count). */
  lastLostAt: number;
};
// On globalThis: Next bundles the proxy, pages and actions separately, and they must share one view.
const health: Health = ((globalThis as { __hearthDatabaseHealth?: Health }).__hearthDatabaseHealth ??= { failing: false, lastFailureAt: 0, lastSuccessAt: 0, lastProbeAt: 0, lastLostAt: 0 });

export function noteDatabaseSuccess() {
  health.failing = false;
  health.lastSuccessAt = Date.now();
}

export function noteDatabaseFailure(error: unknown) {
  if (!isConnectionError(error)) return;
  health.failing = true;
  health.lastFailureAt = health.lastLostAt = Date.now();
}

/** A query waiting this long, with nothing answered meanwhile, means the database is away (postgres.js queues queries while it reconnects). */
export const stallMs = 3000;

/** Called when a query has waited stallMs: counts as a failure unless another query succeeded in the meantime. */
export function noteDatabaseStall(now = Date.now()) {
  if (now - health.lastSuccessAt < stallMs) return;
  health.failing = true;
  health.lastFailureAt = now;
}

/**
 * Whether pages should be answered with "unavailable" right now: the last query failed to reach the database,
 * less than 30 s ago. One request a second is still let through, so the first one that succeeds ends the outage.
 */
export function shouldAnswerUnavailable(now = Date.now()) {
  if (!health.failing || now - health.lastFailureAt >= 30_000) return false;
  if (now - health.lastProbeAt >= 1000) {
    health.lastProbeAt = now;
    return false;
  }
  return true;
}

/** Reads that may run twice with no effect: plain selects, not locking ones, not sequences or advisory locks. */
export function isIdempotentRead(query: string) {
  return /^\s*select\b/i.test(query) && !/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b|nextval|setval|pg_advisory|pg_try_advisory|pg_terminate|pg_cancel/i.test(query);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Attempts of a safe read when the connection fails: postgres.js reconnects in between. */
export const readAttempts = 4;

type Pending = PromiseLike<unknown> & { values(): PromiseLike<unknown> };

/**
 * A statement as drizzle holds it: drizzle calls `.values()` on it or awaits it as it is. Nothing is sent until it is
 * awaited; then `run` sends it, told whether rows were asked for as arrays.
 */
function deferred(run: (values: boolean) => Promise<unknown>) {
  let values = false;
  const pending = {
    values() {
      values = true;
      return pending;
    },
    then<A, B>(onfulfilled?: ((value: unknown) => A | PromiseLike<A>) | null, onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null) {
      return run(values).then(onfulfilled, onrejected);
    },
  };
  return pending;
}

/** How long a statement of a transaction may stay unanswered after a connection was lost before the transaction is given up (resilientClient). */
export const orphanedStatementMs = 3000;

/** At most this many statement texts are prepared on each connection (and held by its server process). */
export const maxPreparedStatements = 500;
const preparedTexts = new Set<string>();
const seenOnce = new Set<string>();

/**
 * Whether a statement is sent as a prepared statement. drizzle asks postgres.js for unnamed ones, and postgres.js then
 * makes two round trips for each query with parameters (describe, then bind) and the server parses and plans it
 * every time. A text seen twice is prepared instead: from then on one round trip, no parsing, a cached plan. The
 * texts are bounded (a query whose text varies, such as an IN list of a different length each time, must not fill
 * every connection with statements), so only the first `maxPreparedStatements` repeated texts are prepared.
 * postgres.js prepares again by itself when a migration changes a table under a statement (RevalidateCachedQuery).
 */
export function shouldPrepare(text: string) {
  if (preparedTexts.has(text)) return true;
  if (preparedTexts.size >= maxPreparedStatements) return false;
  if (seenOnce.delete(text)) {
    preparedTexts.add(text);
    return true;
  }
  if (seenOnce.size >= 20 * maxPreparedStatements) seenOnce.clear();
  seenOnce.add(text);
  return false;
}

/** How many statement texts are prepared (of at most `maxPreparedStatements`). */
export const preparedStatementCount = () => preparedTexts.size;

/** The options drizzle passes, with `prepare` decided by `shouldPrepare` (unless prepared statements are off). */
function withPrepare(query: string, options: unknown, enabled: boolean) {
  return { ...(options as object), prepare: enabled && shouldPrepare(query) };
}

/**
 * The postgres.js client drizzle talks to, with two additions: a select outside a transaction that fails because
 * the connection dropped (a restart, a terminated backend) is tried again a few times before the error surfaces,
 * and every outcome updates the health note. Writes and transactions are never repeated: a commit whose answer was
 * lost may have happened, and only the caller can know whether doing it again is safe.
 */
export function resilientClient(client: postgres.Sql, { prepare = true }: { prepare?: boolean } = {}): postgres.Sql {
  const track = <T>(promise: PromiseLike<T>): Promise<T> => {
    // While the server is down, postgres.js keeps queries waiting until it reconnects: a long wait is an outage too.
    const stall = setTimeout(() => noteDatabaseStall(), stallMs);
    stall.unref?.();
    return Promise.resolve(promise).then(
      (value) => {
        clearTimeout(stall);
        noteDatabaseSuccess();
        return value;
      },
      (error: unknown) => {
        clearTimeout(stall);
        noteDatabaseFailure(error);
        throw error;
      },
    );
  };

  const unsafe = (query: string, params?: unknown[], options?: unknown) => {
    const make = () => client.unsafe(query, params as never, withPrepare(query, options, prepare) as never) as unknown as Pending;
    const retry = isIdempotentRead(query);
    return deferred(async (values) => {
      for (let attempt = 1; ; attempt++) {
        try {
          const pending = make();
          return await track(values ? pending.values() : pending);
        } catch (error) {
          if (!retry || attempt >= readAttempts || !isConnectionError(error)) throw error;
          await sleep(100 * 2 ** (attempt - 1));
        }
      }
    });
  };

  // In a transaction drizzle talks to the transaction's own client: its statements are prepared the same way, and
  // each one is watched. postgres.js can leave a statement of a transaction pending for ever when the transaction's
  // connection is lost (a backend terminated while the connection reconnects: porsager/postgres#1216), and the
  // transaction with it: a request that never ends. A statement still unanswered `orphanedStatementMs` after it was
  // sent, when a connection was lost while it waited or shortly before, ends the transaction with a connection error,
  // as the loss would have.
  const begin = (...args: unknown[]) => {
    const last = args.length - 1;
    const body = args[last] as (sql: postgres.Sql) => unknown;
    const waiting = new Set<{ sentAt: number }>();
    let lost: (error: Error) => void = () => {};
    const orphaned = new Promise<never>((_, reject) => (lost = reject));
    orphaned.catch(() => {});
    const watch = setInterval(() => {
      const now = Date.now();
      for (const { sentAt } of waiting) {
        if (health.lastLostAt >= sentAt - orphanedStatementMs && now - sentAt >= orphanedStatementMs) {
          clearInterval(watch);
          lost(Object.assign(new Error('The connection of this transaction was lost; its statement was never answered.'), { code: 'CONNECTION_CLOSED' }));
          return;
        }
      }
    }, orphanedStatementMs / 6);
    watch.unref?.();
    const watched = (sql: postgres.Sql) =>
      new Proxy(sql, {
        get(target, prop, receiver) {
          if (prop !== 'unsafe') return Reflect.get(target, prop, receiver);
          return (query: string, params?: unknown[], options?: unknown) =>
            deferred((values) => {
              const statement = { sentAt: Date.now() };
              waiting.add(statement);
              const made = target.unsafe(query, params as never, withPrepare(query, options, prepare) as never) as unknown as Pending;
              return Promise.resolve(values ? made.values() : made).finally(() => waiting.delete(statement));
            });
        },
      });
    const run = (client.begin as (...a: unknown[]) => Promise<unknown>)(...args.slice(0, last), (sql: postgres.Sql) => body(watched(sql)));
    run.catch(() => {});
    return track(Promise.race([run, orphaned]).finally(() => clearInterval(watch)));
  };

  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') return unsafe;
      if (prop === 'begin') return begin;
      return Reflect.get(target, prop, receiver);
    },
  });
}
