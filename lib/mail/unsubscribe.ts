// One-click unsubscribe (RFC 8058): a link that needs no sign-in, naming a person and a kind of mail, signed with a
// key derived from the server secret so no one can forge one for somebody else. Opening it (GET) only shows a
// page with a button, because mail scanners fetch links; a POST turns the kind off.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import { keyedDigest } from '@/lib/keyed-digest';
import type { MailKind } from './outbox';
import { turnOffMailKind } from './preferences';

export type OptionalKind = Exclude<MailKind, 'account'>;
export const optionalKinds: readonly OptionalKind[] = ['digest', 'moderation'];

function signature(userId: string, kind: OptionalKind) {
  return keyedDigest('unsubscribe', `${userId}\0${kind}`).slice(0, 32);
}

/** `<kind>.<userId>.<signature>`, safe in a URL path. */
export function unsubscribeToken(userId: string, kind: OptionalKind) {
  return `${kind}.${Buffer.from(userId).toString('base64url')}.${signature(userId, kind)}`;
}

/** The person and kind a token names, or null for anything forged, cut short or for 'account' mail. */
export function readUnsubscribeToken(token: string): { userId: string; kind: OptionalKind } | null {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 300) return null;
  const [kind, encodedId, given] = parts as [string, string, string];
  if (!optionalKinds.includes(kind as OptionalKind)) return null;
  const userId = Buffer.from(encodedId, 'base64url').toString();
  if (!userId || Buffer.from(userId).toString('base64url') !== encodedId) return null;
  const expected = signature(userId, kind as OptionalKind);
  if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return null;
  return { userId, kind: kind as OptionalKind };
}

/** The page a person opens from the mail's footer, and the address mail clients POST to (List-Unsubscribe). */
export function unsubscribeUrls(origin: string, userId: string, kind: OptionalKind) {
  const token = unsubscribeToken(userId, kind);
  const base = origin.replace(/\/$/, '');
  return { page: `${base}/unsubscribe/${token}`, oneClick: `${base}/api/unsubscribe/${token}` };
}

/** Turns the kind a token names off. False for a token that is not valid (nothing changes then). */
export async function unsubscribeWithToken(db: Executor, token: string): Promise<{ ok: true; kind: OptionalKind } | { ok: false }> {
  const named = readUnsubscribeToken(token);
  if (!named) return { ok: false };
  // An erased account's link does nothing: the preference row would point at no one.
  const [person] = await db.select({ id: users.id }).from(users).where(eq(users.id, named.userId)).limit(1);
  if (!person) return { ok: false };
  await turnOffMailKind(db, named.userId, named.kind);
  return { ok: true, kind: named.kind };
}
