// Known devices, for sign-in limits without a lockout (OWASP's "device cookies"): a browser that has signed in to an
// account before carries a cookie saying so, signed with the server secret. When strangers have used up an account's
// failed-attempt budget, the owner's own browsers still get in (with a budget of their own); only unknown browsers
// wait. Nothing is stored on the server: the cookie is a random device id and, per account it signed in to, a keyed
// digest of the account's email and that id, so it names nobody and cannot be forged or moved to another account.
import crypto from 'node:crypto';
import { keyedDigest } from '@/lib/keyed-digest';

export const deviceCookieName = 'hearth-device';
/** How long a browser stays known after its last sign-in. */
export const deviceCookieDays = 365;
/** A browser shared by a family remembers this many accounts, the most recent first. */
const maxAccounts = 5;

export type DeviceCookie = { id: string; marks: string[] };

function mark(email: string, id: string) {
  return keyedDigest('device', `${email.trim().toLowerCase()}\0${id}`).slice(0, 32);
}

export function parseDeviceCookie(value: string | null | undefined): DeviceCookie | null {
  const match = /^([A-Za-z0-9_-]{16,64}):([0-9a-f]{32}(?:,[0-9a-f]{32}){0,9})$/.exec(value ?? '');
  return match ? { id: match[1], marks: match[2].split(',') } : null;
}

/** The device id, when this cookie shows a past sign-in to the account with this email; otherwise null. */
export function knownDeviceFor(value: string | null | undefined, email: string): string | null {
  const cookie = parseDeviceCookie(value);
  if (!cookie) return null;
  const expected = Buffer.from(mark(email, cookie.id));
  const known = cookie.marks.some((m) => {
    const given = Buffer.from(m);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
  return known ? cookie.id : null;
}

/** The cookie's next value after a successful sign-in to the account with this email. */
export function rememberDevice(value: string | null | undefined, email: string): string {
  const cookie = parseDeviceCookie(value) ?? { id: crypto.randomBytes(18).toString('base64url'), marks: [] };
  const own = mark(email, cookie.id);
  const marks = [own, ...cookie.marks.filter((m) => m !== own)].slice(0, maxAccounts);
  return `${cookie.id}:${marks.join(',')}`;
}

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | null | undefined, name: string) {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
