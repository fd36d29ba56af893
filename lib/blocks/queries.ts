import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { userBlocks, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { generatedAvatarUrl } from '@/lib/profiles/avatar';

export type BlockedPerson = { id: string; name: string; handle: string; image: string; blockedAt: Date };

/** The people the viewer blocked, most recent first. (Who blocked the viewer is never listed: that row is theirs.) */
export async function listBlockedPeople(viewer: Viewer): Promise<BlockedPerson[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, handle: users.handle, image: users.image, blockedAt: userBlocks.createdAt })
    .from(userBlocks)
    .innerJoin(users, eq(users.id, userBlocks.blockedId))
    .where(eq(userBlocks.blockerId, viewer.id))
    .orderBy(desc(userBlocks.createdAt), users.handle);
  return rows.map((r) => ({ id: r.id, name: r.name ?? r.handle, handle: r.handle, image: r.image ?? generatedAvatarUrl(r.handle), blockedAt: new Date(r.blockedAt) }));
}
