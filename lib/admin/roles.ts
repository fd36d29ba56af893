// Who runs the instance. `users.instance_role` is 'admin' (everything in /admin), 'moderator' (the instance report
// queue and suspensions) or null (everyone else). Decided here, used by pages (to hide) and actions (to refuse).
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users, type InstanceRole } from '@/db/schema';

export async function instanceRoleOf(db: Executor, userId: string): Promise<InstanceRole | null> {
  const [row] = await db.select({ role: users.instanceRole }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.role ?? null;
}

/** Admins and moderators may work the instance report queue and suspend accounts. */
export const canModerateInstance = (role: InstanceRole | null) => role === 'admin' || role === 'moderator';

/** Only admins change site settings, registration and who else runs the instance. */
export const canAdministerInstance = (role: InstanceRole | null) => role === 'admin';
