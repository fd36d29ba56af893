// The dashboard's figures against real counts, the member search, the audit log's order, and the admin:grant
// script (the operator's way to give and take roles, never leaving the instance without an admin).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { instanceAuditLog, jobRuns, outbox, posts, userSessions, users } from '@/db/schema';
import { createAccount } from '@/lib/auth/users';
import { grant } from '@/scripts/admin-grant';
import { auditLogPage, instanceHealth, searchMembers } from './dashboard';

const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const ids: Record<string, string> = {};

async function person(handle: string, createdAt?: Date) {
  const created = await createAccount(db, { name: `Name ${handle}`, handle, email: `${handle}@example.org`, password: 'a long enough password' });
  if (!created.ok) throw new Error(created.message);
  if (createdAt) await db.update(users).set({ createdAt }).where(eq(users.id, created.userId));
  ids[handle] = created.userId;
  return created.userId;
}

beforeAll(async () => {
  await person('dash_admin');
  await person('dash_old', daysAgo(40));
  await person('dash_week', daysAgo(3));
  await person('dash_gone_quiet');
  await db.update(users).set({ suspendedAt: now, suspensionReason: 'spam' }).where(eq(users.id, ids.dash_gone_quiet));
  await db.insert(userSessions).values([
    { userId: ids.dash_admin, device: 'Firefox', lastSeenAt: now },
    { userId: ids.dash_admin, device: 'Phone', lastSeenAt: now },
    { userId: ids.dash_old, device: 'Old', lastSeenAt: daysAgo(10) },
  ]);
  await db.insert(posts).values([
    { authorId: ids.dash_admin, body: 'today one', createdAt: now },
    { authorId: ids.dash_admin, body: 'today two', createdAt: now },
    { authorId: ids.dash_week, body: 'three days ago', createdAt: daysAgo(3) },
    { authorId: ids.dash_old, body: 'too old for the chart', createdAt: daysAgo(45) },
  ]);
  await db.insert(outbox).values([
    { userId: ids.dash_admin, toAddress: 'a@example.org', subject: 's', body: 'b', status: 'queued' },
    { userId: ids.dash_admin, toAddress: 'a@example.org', subject: 's', body: 'b', status: 'sending' },
    { userId: ids.dash_admin, toAddress: 'a@example.org', subject: 's', body: 'b', status: 'sent' },
    { userId: ids.dash_admin, toAddress: 'a@example.org', subject: 's', body: 'b', status: 'failed' },
  ]);
  await db.insert(jobRuns).values([
    { job: 'daily', day: '2026-01-01', runner: 'dead:1', startedAt: daysAgo(2) },
    { job: 'daily', day: '2026-01-02', runner: 'alive:1', startedAt: now },
    { job: 'daily', day: '2026-01-03', runner: 'done:1', startedAt: daysAgo(1), finishedAt: daysAgo(1) },
  ]);
});

describe('instanceHealth', () => {
  it('counts members, the active week, today’s posts, mail and abandoned runs, and draws 30 zero-filled days', async () => {
    const health = await instanceHealth(db, now);
    expect(health).toMatchObject({ members: 4, activeThisWeek: 1, postsToday: 2, queuedMail: 2, failedMail: 1, failedJobs: 1 });
    expect(health.signUps).toHaveLength(30);
    expect(health.postsPerDay).toHaveLength(30);
    const today = now.toISOString().slice(0, 10);
    expect(health.postsPerDay.at(-1)).toEqual({ day: today, count: 2 });
    expect(health.postsPerDay.reduce((s, d) => s + d.count, 0)).toBe(3);
    expect(health.signUps.reduce((s, d) => s + d.count, 0)).toBe(3);
    expect(health.signUps.find((d) => d.day === daysAgo(3).toISOString().slice(0, 10))?.count).toBe(1);
  });
});

describe('searchMembers and auditLogPage', () => {
  it('finds people by handle, name or address, and filters staff and the suspended', async () => {
    expect((await searchMembers(db, { q: 'dash_w' })).rows.map((r) => r.handle)).toEqual(['dash_week']);
    expect((await searchMembers(db, { q: 'Name dash_old' })).rows.map((r) => r.handle)).toEqual(['dash_old']);
    expect((await searchMembers(db, { q: 'dash_admin@example' })).rows.map((r) => r.handle)).toEqual(['dash_admin']);
    // A % in the query is a character, not a wildcard.
    expect((await searchMembers(db, { q: '%' })).total).toBe(0);
    expect((await searchMembers(db, { filter: 'staff' })).rows).toEqual([expect.objectContaining({ handle: 'dash_admin', role: 'admin' })]);
    expect((await searchMembers(db, { filter: 'suspended' })).rows).toEqual([expect.objectContaining({ handle: 'dash_gone_quiet', suspensionReason: 'spam' })]);
  });
});

describe('npm run admin:grant', () => {
  it('grants and revokes roles, writes the audit log, and never removes the last admin', async () => {
    expect(await grant(['dash_week@example.org', '--role', 'moderator'])).toEqual({ code: 0, message: '@dash_week is an instance moderator now.' });
    expect((await db.select({ r: users.instanceRole }).from(users).where(eq(users.id, ids.dash_week)))[0].r).toBe('moderator');
    expect(await grant(['dash_admin@example.org', '--revoke'])).toMatchObject({ code: 1, message: expect.stringContaining('last admin') });
    expect((await db.select({ r: users.instanceRole }).from(users).where(eq(users.id, ids.dash_admin)))[0].r).toBe('admin');
    expect(await grant(['dash_old@example.org'])).toEqual({ code: 0, message: '@dash_old is an instance admin now.' });
    expect(await grant(['dash_admin@example.org', '--revoke'])).toEqual({ code: 0, message: '@dash_admin is no longer an instance admin.' });
    expect(await grant(['nobody@example.org'])).toEqual({ code: 1, message: 'No account has the address nobody@example.org.' });
    expect((await grant(['dash_old@example.org', '--role', 'owner'])).code).toBe(2);
    expect((await grant([])).code).toBe(2);

    const log = await auditLogPage(db, 1);
    expect(log.rows.slice(0, 3).map((r) => [r.action, r.targetHandle, r.actorHandle, r.details.via])).toEqual([
      ['revoke_admin', 'dash_admin', null, 'admin:grant'],
      ['grant_admin', 'dash_old', null, 'admin:grant'],
      ['grant_moderator', 'dash_week', null, 'admin:grant'],
    ]);
    const [first] = await db.select().from(instanceAuditLog).where(eq(instanceAuditLog.action, 'first_admin'));
    expect(first.targetUserId).toBe(ids.dash_admin);
  });
});
