import { and, count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { comments, follows, groupMemberRoles, groupRoles, groups, milestones, notifications, posts, reactions, users } from '@/db/schema';
import { authenticate } from '@/lib/auth/users';
import { consentLogOf, consentsOf } from '@/lib/privacy/consents';
import { demoAccount, seedDemo } from './seed';

const now = new Date('2026-11-01T12:00:00Z');
const total = async (table: PgTable) => Number((await db.select({ n: count() }).from(table))[0].n);

async function snapshot() {
  const people = await db.select({ id: users.id, handle: users.handle }).from(users).orderBy(users.id);
  const postRows = await db.select({ id: posts.id, body: posts.body, at: posts.createdAt }).from(posts).orderBy(posts.id);
  return { people, postRows };
}

describe('demo seed', () => {
  it('plants a believable community that the demo account can sign in to', async () => {
    const result = await seedDemo(db, { now });
    expect(result.seeded).toBe(true);
    expect(await total(users)).toBeGreaterThanOrEqual(50);
    expect(await total(groups)).toBe(8);
    expect(new Set((await db.select({ t: groups.topic }).from(groups)).map((g) => g.t)).size).toBe(8);
    expect(await total(posts)).toBeGreaterThanOrEqual(400);
    expect(await total(comments)).toBeGreaterThan(300);
    expect(await total(reactions)).toBeGreaterThan(500);
    expect(await total(follows)).toBeGreaterThan(100);
    // Spread over months, not all at once.
    const [span] = await db.select({ oldest: sql<string>`min(${posts.createdAt})`, newest: sql<string>`max(${posts.createdAt})` }).from(posts);
    expect(new Date(span.newest).getTime() - new Date(span.oldest).getTime()).toBeGreaterThan(60 * 24 * 3600 * 1000);
    // Every group has exactly one owner.
    const owners = await db
      .select({ g: groupMemberRoles.groupId, n: count() })
      .from(groupMemberRoles)
      .innerJoin(groupRoles, eq(groupRoles.id, groupMemberRoles.roleId))
      .where(eq(groupRoles.builtin, 'owner'))
      .groupBy(groupMemberRoles.groupId);
    expect(owners).toHaveLength(8);
    expect(owners.every((o) => Number(o.n) === 1)).toBe(true);
    expect(await authenticate(db, { email: demoAccount.email, password: demoAccount.password })).not.toBeNull();
    // Who runs the demo instance, as the README names them.
    const staff = await db.select({ handle: users.handle, role: users.instanceRole }).from(users).where(sql`${users.instanceRole} is not null`).orderBy(users.instanceRole);
    expect(staff).toEqual([
      { handle: demoAccount.handle, role: 'admin' },
      { handle: 'ronny_pollich1', role: 'moderator' },
    ]);
  });

  it('records the milestones people reached, dated then, and tells nobody about them today', async () => {
    const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoAccount.email));
    const earned = await db.select({ rule: milestones.rule, earnedAt: milestones.earnedAt }).from(milestones).where(eq(milestones.userId, demo.id));
    expect(earned.map((m) => m.rule)).toContain('first_post');
    expect(earned.find((m) => m.rule === 'first_post')!.earnedAt.getTime()).toBeLessThan(now.getTime() - 7 * 24 * 3600 * 1000);
    // Consents are off until a person says yes: the demo people said yes, and it is in their consent log.
    expect(await consentsOf(db, demo.id)).toMatchObject({ personalize_activity: true, inferred_interests: true, public_celebrations: true });
    expect((await consentLogOf(db, demo.id)).map((l) => [l.kind, l.newValue, l.via]).sort()).toEqual([
      ['inferred_interests', true, 'seed'],
      ['personalize_activity', true, 'seed'],
      ['public_celebrations', true, 'seed'],
      ['suggest_me', (await consentsOf(db, demo.id)).suggest_me, 'seed'],
    ]);
    // No milestone notice is newer than the milestone it announces (a "First post!" today for a post of months ago).
    const late = await db
      .select({ n: count() })
      .from(notifications)
      .innerJoin(milestones, eq(milestones.id, notifications.subjectId))
      .where(and(eq(notifications.kind, 'milestone'), sql`${notifications.createdAt} > ${milestones.earnedAt} + interval '1 minute'`));
    expect(Number(late[0].n)).toBe(0);
  });

  it('never writes into a database that already has people', async () => {
    const before = await total(posts);
    const again = await seedDemo(db, { now });
    expect(again).toMatchObject({ seeded: false, reason: expect.stringContaining('already has') });
    expect(await total(posts)).toBe(before);
  });

  it('is deterministic: the same community every time', async () => {
    const first = await snapshot();
    await db.execute(sql`truncate users, groups cascade`);
    await seedDemo(db, { now });
    expect(await snapshot()).toEqual(first);
  });
});
