// Account erasure: every registry entry erased in one transaction, and the person's handles put to rest.
import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { handleRedirects, releasedHandles, users } from '@/db/schema';
import { handleDigest } from './handles';
import { eraseAccountData, type EraseOptions } from './registry';

/**
 * Erases a person and everything Hearth holds about them, all or nothing. Their handle (and any former handle
 * still redirecting to them) rests for the cool-down before anyone can take it. Ending their sessions needs no
 * extra step: the session version lived on the user row, which is gone. Returns false when there was no such person.
 */
export async function eraseAccount(db: Database, userId: string, options: EraseOptions, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ handle: users.handle }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) return false;
    const former = await tx
      .select({ handle: handleRedirects.oldHandle })
      .from(handleRedirects)
      .where(and(eq(handleRedirects.userId, userId), gt(handleRedirects.expiresAt, now)));
    await eraseAccountData(tx, userId, options);
    const digests = [...new Set([user.handle, ...former.map((f) => f.handle)].map(handleDigest))];
    await tx
      .insert(releasedHandles)
      .values(digests.map((handleDigest) => ({ handleDigest, releasedAt: now })))
      .onConflictDoUpdate({ target: releasedHandles.handleDigest, set: { releasedAt: now } });
    return true;
  });
}
