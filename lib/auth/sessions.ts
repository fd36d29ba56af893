// Sessions as rows: one per signed-in browser, named in its session token. getViewer() accepts a token only while
// its row exists, so ending a row ends that browser's session; listing the rows shows a person where they are signed in.
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { userSessions } from '@/db/schema';
import { describeUserAgent } from './user-agent';

/** Sessions last as long as their token (30 days); rows not seen for longer are dead and removed. */
export const sessionDays = 30;
/** last_seen_at is refreshed at most this often, so reading pages does not mean writing on every request. */
const touchEveryMinutes = 5;

/** Records a new session at sign-in and returns its id for the token; the person's dead sessions are cleared. */
export async function startSession(db: Executor, userId: string, userAgent: string | null | undefined, now = new Date()) {
  await db.delete(userSessions).where(and(eq(userSessions.userId, userId), lt(userSessions.lastSeenAt, new Date(now.getTime() - sessionDays * 86_400_000))));
  const [row] = await db
    .insert(userSessions)
    .values({ userId, device: describeUserAgent(userAgent), createdAt: now, lastSeenAt: now })
    .returning({ id: userSessions.id });
  return row.id;
}

/** Whether a token's session still exists for this person; notes that it was seen, now and then. */
export async function touchSession(db: Executor, userId: string, sessionId: string, now = new Date()) {
  const [row] = await db
    .select({ lastSeenAt: userSessions.lastSeenAt })
    .from(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId)))
    .limit(1);
  if (!row) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMinutes * 60_000) {
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sessionId));
  }
  return true;
}

export type SessionSummary = { id: string; device: string; createdAt: Date; lastSeenAt: Date; current: boolean };

/** A person's sessions, the most recently used first. */
export async function listSessions(db: Executor, userId: string, currentId?: string): Promise<SessionSummary[]> {
  const rows = await db
    .select({ id: userSessions.id, device: userSessions.device, createdAt: userSessions.createdAt, lastSeenAt: userSessions.lastSeenAt })
    .from(userSessions)
    .where(eq(userSessions.userId, userId))
    .orderBy(desc(userSessions.lastSeenAt), desc(userSessions.createdAt));
  return rows.map((r) => ({ ...r, current: r.id === currentId }));
}

/** Ends one of the person's own sessions; someone else's id ends nothing. Returns whether one ended. */
export async function endSession(db: Executor, userId: string, sessionId: string) {
  const ended = await db
    .delete(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId)))
    .returning({ id: userSessions.id });
  return ended.length > 0;
}

/** Ends every session of the person (sign out everywhere, password change). */
export async function endAllSessions(db: Executor, userId: string) {
  await db.delete(userSessions).where(eq(userSessions.userId, userId));
}

