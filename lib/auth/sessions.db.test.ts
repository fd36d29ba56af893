// Sessions as rows: recorded at sign-in, required by getViewer(), ended one by one (only one's own) or all at once.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { userSessions, users } from '@/db/schema';
import { call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { endAllSessions, listSessions, startSession, touchSession } from './sessions';

// getViewer() reads the session from Auth.js; here the test chooses what the cookie would carry.
let session: { user?: { id?: string }; sessionVersion?: number; sessionId?: string } | null = null;
const signedOut: string[] = [];
vi.mock('./config', () => ({
  auth: async () => session,
  signOut: async ({ redirectTo }: { redirectTo: string }) => void signedOut.push(redirectTo),
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

const { getViewer } = await import('./viewer');
const { endSessionAction } = await import('./actions');

let n = 0;
async function person() {
  const handle = `sess_${++n}_${Math.random().toString(36).slice(2, 8)}`;
  const [u] = await db.insert(users).values({ name: 'Sessions', email: `${handle}@example.org`, handle }).returning();
  return u;
}

async function viewerFor(userId: string, sessionId?: string) {
  session = { user: { id: userId }, sessionVersion: 0, sessionId };
  return getViewer();
}

let maya: typeof users.$inferSelect, sam: typeof users.$inferSelect;
beforeAll(async () => {
  [maya, sam] = [await person(), await person()];
});

describe('sessions', () => {
  it('records the browser in plain words at sign-in, and no address', async () => {
    const id = await startSession(db, maya.id, 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0');
    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, id));
    expect(row).toMatchObject({ userId: maya.id, device: 'Firefox on Android' });
    expect(Object.keys(row).sort()).toEqual(['createdAt', 'device', 'id', 'lastSeenAt', 'userId']);
  });

  it('lets a token in only while its session row exists and belongs to its person', async () => {
    const id = await startSession(db, maya.id, 'Chrome/131 Linux');
    expect((await viewerFor(maya.id, id))?.id).toBe(maya.id);
    expect((await viewerFor(maya.id, id))?.sessionId).toBe(id);
    expect(await viewerFor(sam.id, id)).toBeNull();
    expect(await viewerFor(maya.id, undefined)).toBeNull();
    expect(await viewerFor(maya.id, 'no-such-session')).toBeNull();
    await db.delete(userSessions).where(eq(userSessions.id, id));
    expect(await viewerFor(maya.id, id)).toBeNull();
  });

  it('notes when a session was last used, at most every few minutes', async () => {
    const start = new Date('2026-11-01T10:00:00Z');
    const id = await startSession(db, maya.id, 'Safari/605 Macintosh', start);
    expect(await touchSession(db, maya.id, id, new Date('2026-11-01T10:02:00Z'))).toBe(true);
    let [row] = await db.select().from(userSessions).where(eq(userSessions.id, id));
    expect(row.lastSeenAt.toISOString()).toBe(start.toISOString());
    await touchSession(db, maya.id, id, new Date('2026-11-01T11:00:00Z'));
    [row] = await db.select().from(userSessions).where(eq(userSessions.id, id));
    expect(row.lastSeenAt.toISOString()).toBe('2026-11-01T11:00:00.000Z');
    // Thirty days unused, and the next sign-in clears it away.
    await startSession(db, maya.id, 'Chrome/131 Linux', new Date('2026-12-15T10:00:00Z'));
    expect(await db.select().from(userSessions).where(eq(userSessions.id, id))).toEqual([]);
  });

  it('signs out one device — only one’s own — and marks this device in the list', async () => {
    const laptop = await startSession(db, sam.id, 'Chrome/131 Windows');
    const phone = await startSession(db, sam.id, 'Firefox/133 Android');
    const mayas = await startSession(db, maya.id, 'Chrome/131 Linux');
    const samViewer = (await viewerFor(sam.id, laptop))!;
    const listed = await listSessions(db, sam.id, samViewer.sessionId);
    expect(listed.map((s) => s.id).sort()).toEqual([laptop, phone].sort());
    expect(listed.find((s) => s.current)?.id).toBe(laptop);

    // Sam cannot end Maya's session by its id.
    await expectRefused(() => call(endSessionAction, { sessionId: mayas }), { error: 'That session has already ended.', others: [maya.id] });
    expect(await viewerFor(maya.id, mayas)).not.toBeNull();
    session = null;
    await expectRefused(() => call(endSessionAction, { sessionId: phone }), { error: 'Your session has ended — please sign in again.', others: [maya.id, sam.id] });

    session = { user: { id: sam.id }, sessionVersion: 0, sessionId: laptop };
    const ended = await expectAllowed(() => call(endSessionAction, { sessionId: phone }), {
      changes: [userSessions],
      effect: async () => expect((await listSessions(db, sam.id)).map((s) => s.id)).toEqual([laptop]),
    });
    expect(ended.success).toBe('Signed out on that device.');
    expect(await viewerFor(sam.id, phone)).toBeNull();
    expect(await viewerFor(sam.id, laptop)).not.toBeNull();
    expect(signedOut).toEqual([]);

    session = { user: { id: sam.id }, sessionVersion: 0, sessionId: laptop };
    await call(endSessionAction, { sessionId: laptop });
    expect(signedOut).toEqual(['/sign-in']);
    expect(await viewerFor(sam.id, laptop)).toBeNull();
  });

  it('signs out everywhere at once', async () => {
    const a = await startSession(db, maya.id, 'Chrome/131 Linux');
    const b = await startSession(db, maya.id, 'Firefox/133 Android');
    await endAllSessions(db, maya.id);
    expect(await viewerFor(maya.id, a)).toBeNull();
    expect(await viewerFor(maya.id, b)).toBeNull();
    expect(await listSessions(db, maya.id)).toEqual([]);
  });
});
