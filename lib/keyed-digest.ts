// Digests of identifiers kept only to be matched again (rate-limit counters, released handles): an HMAC keyed with a
// key derived from the server secret, so a copy of the database alone cannot reverse them by enumeration (every IPv4
// address, or a list of handles, is a few seconds of SHA-256). Rotating AUTH_SECRET resets the counters and ends
// the handle cool-downs early; nothing else depends on them.
import crypto from 'node:crypto';
import { resolveAuthSecret } from '@/lib/auth/secret';

const keys = new Map<string, Buffer>();

/** A key of its own per purpose (HKDF), so one digest never matches another purpose's. */
function keyFor(purpose: string) {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync('sha256', resolveAuthSecret(), 'hearth', `hearth:${purpose}:v1`, 32));
    keys.set(purpose, key);
  }
  return key;
}

/** HMAC-SHA-256 of `value` for `purpose`, as lowercase hex. */
export function keyedDigest(purpose: string, value: string) {
  return crypto.createHmac('sha256', keyFor(purpose)).update(value).digest('hex');
}
