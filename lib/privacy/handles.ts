// The handle cool-down after an account is erased: the handle is freed, but only after a pause, so nobody can
// take over a departed person's name while links and memories still point at it.
import { createHash } from 'node:crypto';

export const handleCoolDownDays = 30;

/** The stored form of a released handle: a digest, so erasure leaves the handle nowhere in readable text. */
export function handleDigest(handle: string) {
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
