// Hearth's log: one JSON line per event (pino), each line of a request carrying its request id. scripts/server.mjs
// gives every request an id (the X-Request-Id header, answered back to the client) and runs it inside
// `requestContext`; Next's error hook (instrumentation.ts, onRequestError) logs failures with the id and the digest the
// error page shows as its reference.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

export type RequestContext = { requestId: string };

// On globalThis: scripts/server.mjs (plain Node) opens the context, and Next's bundles, each with their own copy of
// this module, read it.
const shared = globalThis as typeof globalThis & { __hearthRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext: AsyncLocalStorage<RequestContext> = (shared.__hearthRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** The header a request's id travels in, set by scripts/server.mjs (and proxy.ts under `next dev`). */
export const requestIdHeader = 'x-request-id';

/** A logger writing to `destination` (stdout by default); tests pass a stream of their own. */
export function createLogger(destination?: DestinationStream, level = 'info'): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      // The request id of the request this line belongs to, unless the line names one itself.
      mixin(line: object) {
        const requestId = requestContext.getStore()?.requestId;
        return requestId && !('requestId' in line) ? { requestId } : {};
      },
    },
    destination,
  );
}

export const log = createLogger();

type ErrorRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
type ErrorContext = { routePath: string; routeType: string; renderSource?: string };

/**
 * A request that failed, as Next reports it (instrumentation.ts, onRequestError): the error with its stack, the
 * request id and the digest — the reference the error page shows — so what a person quotes finds this line.
 */
export function logRequestError(logger: Logger, error: unknown, request: ErrorRequest, context: ErrorContext) {
  const header = request.headers[requestIdHeader];
  const requestId = (Array.isArray(header) ? header[0] : header) ?? requestContext.getStore()?.requestId;
  const digest = typeof error === 'object' && error !== null && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  logger.error(
    { err: error, digest, requestId, method: request.method, path: request.path, route: context.routePath, routeType: context.routeType, renderSource: context.renderSource },
    'request failed',
  );
}
