import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { qualified } from '@/lib/sql';
import { auth } from './config';
import { touchSession } from './sessions';

export type Viewer = {
  id: string;
  handle: string;
  name: string;
  image: string | null;
  /** When this session signed in (ms since epoch), if known. */
  signedInAt?: number;
  /** This browser's session (a user_sessions row), if known. */
  sessionId?: string;
  /** The person's address while it is not confirmed (the banner on every signed-in page asks them to); else null. */
  unconfirmedEmail?: string | null;
  /** Suspended by the instance's admins or moderators: may only read why, export and erase (lib/admin/suspended.ts). */
  suspended?: boolean;
  /** 'admin' or 'moderator' of the instance, if either. */
  instanceRole?: 'admin' | 'moderator' | null;
  /**
   * The person's cache version (users.cache_version) as this request read it with the session, so the person cache
   * (lib/cache/person-cache.ts) needs no read of its own on the page.
   */
  cacheVersion?: number;
};

/**
 * Who is asking, once per request. A session whose version no longer matches the person's
 * (signed out everywhere, password changed, account erased), or whose session row was ended, counts as signed out.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [row] = await db
    .select({
      id: users.id,
      handle: users.handle,
      name: users.name,
      image: users.image,
      sv: users.sessionVersion,
      email: users.email,
      verified: users.emailVerified,
      suspendedAt: users.suspendedAt,
      instanceRole: users.instanceRole,
      cacheVersion: users.cacheVersion,
      // An account waiting for an admin's approval is not signed in, however a session came to exist (OAuth).
      held: sql<boolean>`exists (select 1 from registration_approvals ra where ra.user_id = ${qualified(users.id)})`,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row || row.sv !== (session.sessionVersion ?? 0) || row.held) return null;
  // A token from before sessions were recorded, or whose session was ended, counts as signed out.
  if (!session.sessionId || !(await touchSession(db, row.id, session.sessionId))) return null;
  return {
    id: row.id,
    handle: row.handle,
    name: row.name ?? row.handle,
    image: row.image,
    signedInAt: session.signedInAt,
    sessionId: session.sessionId,
    unconfirmedEmail: row.verified ? null : row.email,
    suspended: Boolean(row.suspendedAt),
    instanceRole: row.instanceRole,
    cacheVersion: row.cacheVersion,
  };
});

/**
 * The viewer, or a redirect to sign-in (and back here afterwards) for pages that need one. A suspended person is
 * sent to /suspended, the one page (with their export and erasure) they may use.
 */
export async function requireUser(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const target = returnTo ?? (await headers()).get('x-hearth-path') ?? undefined;
    redirect(target && target !== '/' ? `/sign-in?next=${encodeURIComponent(target)}` : '/sign-in');
  }
  if (viewer.suspended) redirect('/suspended');
  return viewer;
}

/** The viewer for pages anyone may open (home, profiles): a suspended person is sent to /suspended all the same. */
export async function getViewerOutsideSuspension(): Promise<Viewer | null> {
  const viewer = await getViewer();
  if (viewer?.suspended) redirect('/suspended');
  return viewer;
}
