// What `npm start` settles about a request before Next sees it (scripts/server.mjs): who the client is, and whether
// a Server Action comes from this site. Kept apart from the server so the rules are unit-tested.
//
// The client address. The left-most X-Forwarded-For entry is written by the client, so it is worth nothing; the
// address is the socket's, or, behind proxies named in HEARTH_TRUSTED_PROXIES, the first address from the right
// that is not one of them (proxy-addr, as Express does). X-Forwarded-For then holds that one address, so everything
// downstream (rate limits, sessions) reads the same answer, and the forwarded host and protocol are kept only when a
// trusted proxy set them.
import crypto from 'node:crypto';
import proxyaddr from 'proxy-addr';

/**
 * Gives the request an id of its own (a random UUID): in the X-Request-Id header Next's code and the log read
 * (lib/log.ts), and answered back in the response's, so a person or a proxy can quote it. One sent by the client is
 * replaced: an id is only worth something if nobody else can choose it.
 */
export function settleRequestId(req, res) {
  const id = crypto.randomUUID();
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * HEARTH_TRUSTED_PROXIES: unset or empty trusts no proxy; a number trusts that many hops in front of Hearth;
 * otherwise a comma-separated list of addresses, CIDR ranges or proxy-addr's names (loopback, linklocal, uniquelocal).
 */
export function trustFrom(setting) {
  const value = (setting ?? '').trim();
  if (!value) return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, i) => i < hops;
  }
  try {
    return proxyaddr.compile(value.split(',').map((part) => part.trim()).filter(Boolean));
  } catch (error) {
    throw new Error(`HEARTH_TRUSTED_PROXIES is not a hop count or a list of addresses: ${error.message}`);
  }
}

/** Rewrites the request's forwarding headers to what can be believed, and returns the client address. */
export function settleClient(req, trust) {
  const address = proxyaddr(req, trust);
  const socketAddress = req.socket?.remoteAddress ?? '';
  const fromTrustedProxy = Boolean(socketAddress) && trust(socketAddress, 0);
  req.headers['x-forwarded-for'] = address;
  delete req.headers['x-real-ip'];
  if (!fromTrustedProxy) {
    delete req.headers['x-forwarded-host'];
    delete req.headers['x-forwarded-proto'];
    delete req.headers['x-forwarded-port'];
  }
  return address;
}

/** Whether this request would be run as a Server Action (as Next decides it), outside the API routes. */
function isPossibleServerAction(req) {
  if (req.method !== 'POST' || req.url?.startsWith('/api/')) return false;
  const type = req.headers['content-type'] ?? '';
  return typeof req.headers['next-action'] === 'string' || type.startsWith('multipart/form-data') || type === 'application/x-www-form-urlencoded';
}

/**
 * A Server Action posted from another site: Next refuses it too, but with a 500 ("Invalid Server Actions request")
 * that reads like a crash. This answers the same refusal as what it is, a 403. A request without Origin passes on
 * to Next, which lets it through as Next does (no browser sends a cross-site POST without one).
 */
export function crossOriginAction(req) {
  if (!isPossibleServerAction(req)) return false;
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  let originHost;
  try {
    originHost = origin === 'null' ? 'null' : new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = req.headers['x-forwarded-host'];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return originHost !== forwardedHost && originHost !== req.headers.host;
}

/** The Server Action body limit (next.config.ts, from lib/media/limits.ts maxUploadBytesPerSubmit). */
export const actionBodyLimit = 6 * 1024 * 1024;

/**
 * A Server Action whose declared body is over the limit: Next would read it and fail with a 500 ("Body exceeded
 * limit"). Answered before reading it, as what it is: a 413 that says the limit. (The upload forms check sizes in
 * the browser first and explain them there; this is for everything else.)
 */
export function oversizedAction(req, limit = actionBodyLimit) {
  if (!isPossibleServerAction(req)) return false;
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > limit;
}
