import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { groupMembers, milestones, notifications, users } from '@/db/schema';
import { createGroupRecords } from '@/lib/groups/setup';
import { anniversaryToday, runDailyMilestones } from './daily';

describe('daily milestones', () => {
  it('awards a cake day and a membership anniversary once, even when run twice, with a frozen clock', async () => {
    const now = new Date('2026-11-29T08:00:00Z');
    const [maya] = await db.insert(users).values({ name: 'Maya', email: 'maya.cake@example.org', handle: 'maya_cake', createdAt: new Date('2025-11-29T17:00:00Z') }).returning();
    const [owner] = await db.insert(users).values({ name: 'Owner', email: 'owner.cake@example.org', handle: 'owner_cake', createdAt: new Date('2025-03-01T00:00:00Z') }).returning();
    const groupId = await db.transaction(async (tx) => (await createGroupRecords(tx, { name: 'Cakes', slug: 'cakes-daily', description: '', topic: 'baking' }, owner.id)).group.id);
    await db.insert(groupMembers).values({ groupId, userId: maya.id, joinedAt: new Date('2024-11-29T10:00:00Z') });

    const first = await runDailyMilestones(db, now);
    const second = await runDailyMilestones(db, now);
    expect(first.awarded).toBeGreaterThanOrEqual(2);
    expect(second.awarded).toBe(0);
    const earned = (await db.select().from(milestones).where(eq(milestones.userId, maya.id))).map((m) => m.rule).sort();
    expect(earned).toEqual(['cake_day_1', 'membership_2']);
    expect(await db.select().from(notifications).where(eq(notifications.userId, maya.id))).toHaveLength(2);
    // The owner joined in March: nothing today.
    expect(await db.select().from(milestones).where(eq(milestones.userId, owner.id))).toHaveLength(0);
  });

  it('knows what an anniversary is', () => {
    expect(anniversaryToday(new Date('2021-05-04T23:00:00Z'), new Date('2026-05-04T01:00:00Z'))).toBe(5);
    expect(anniversaryToday(new Date('2026-05-04T00:00:00Z'), new Date('2026-05-04T12:00:00Z'))).toBeNull();
    expect(anniversaryToday(new Date('2021-05-05T00:00:00Z'), new Date('2026-05-04T12:00:00Z'))).toBeNull();
  });
});
