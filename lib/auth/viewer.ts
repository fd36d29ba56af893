import 'server-only';
import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db/client';
import { users } from '@/db/schema';
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
    .select({ id: users.id, handle: users.handle, name: users.name, image: users.image, sv: users.sessionVersion, email: users.email, verified: users.emailVerified })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row || row.sv !== (session.sessionVersion ?? 0)) return null;
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
  };
});

/** The viewer, or a redirect to sign-in (and back here afterwards) for pages that need one. */
export async function requireUser(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const target = returnTo ?? (await headers()).get('x-hearth-path') ?? undefined;
    redirect(target && target !== '/' ? `/sign-in?next=${encodeURIComponent(target)}` : '/sign-in');
  }
  return viewer;
}
