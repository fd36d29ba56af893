// The handle cool-down after an account is erased: the handle is freed, but only after a pause, so nobody can
// take over a departed person's name while links and memories still point at it.
import { createHash } from 'node:crypto';
import { keyedDigest } from '@/lib/keyed-digest';

export const handleCoolDownDays = 30;

/**
 * The stored form of a released handle: a keyed digest, so erasure leaves the handle nowhere in readable text and a
 * copy of the database cannot test a list of handles against it.
 */
export function handleDigest(handle: string) {
  return keyedDigest('released-handle', handle.trim().toLowerCase());
}

/**
 * The unkeyed SHA-256 that rows released before December 2026 carry. Still matched so their cool-down holds;
 * remove once those rows are older than the cool-down (after 2027-01-05).
 */
export function legacyHandleDigest(handle: string) {
  return createHash('sha256').update(`hearth:handle:${handle.trim().toLowerCase()}`).digest('hex');
}

/** Whether a handle released at `releasedAt` is still held back at `now`. */
export function isCoolingDown(releasedAt: Date, now: Date, days = handleCoolDownDays) {
  return now.getTime() - releasedAt.getTime() < days * 86_400_000;
}

/** The moment before which handles released since are still held back. */
export function coolDownCutoff(now: Date, days = handleCoolDownDays) {
  return new Date(now.getTime() - days * 86_400_000);
}
