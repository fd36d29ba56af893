import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { goals, milestones, notifications, users } from '@/db/schema';
import * as postActions from '@/lib/posts/actions';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { createGoalAction, deleteGoalAction } from './actions';
import { goalProgress, windowStart } from './goals';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

async function person(handle: string) {
  const [u] = await db.insert(users).values({ name: handle, email: `${handle}@example.org`, handle }).returning();
  return { id: u.id, handle, name: handle, image: null };
}

describe('personal goals', () => {
  it('counts progress in the current window and celebrates reaching it once', async () => {
    const maya = await person('maya_goals');
    actAs(maya);
    expect((await expectAllowed(() => call(createGoalAction, { kind: 'posts', target: '2', period: 'month' }), { changes: [goals] })).success).toMatch(/Goal set/);
    expect((await goalProgress(db, maya.id))[0]).toMatchObject({ done: 0, target: 2, reached: false, label: 'Post 2 times this month' });
    for (const body of ['One', 'Two', 'Three']) await call(postActions.createPostAction, { body, tags: '' });
    expect((await goalProgress(db, maya.id))[0]).toMatchObject({ done: 2, reached: true });
    expect((await db.select().from(milestones).where(eq(milestones.userId, maya.id))).filter((m) => m.rule === 'goal_reached')).toHaveLength(1);
    const told = (await db.select().from(notifications).where(eq(notifications.userId, maya.id))).filter((n) => n.data.title === 'Goal reached');
    expect(told).toHaveLength(1);
  });

  it('refuses silly targets and a sixth goal, and lets only the owner remove one', async () => {
    const sam = await person('sam_goals');
    const other = await person('other_goals');
    actAs(sam);
    expect((await call(createGoalAction, { kind: 'posts', target: '0', period: 'week' })).fieldErrors?.target).toBe('Aim for at least 1.');
    for (let i = 0; i < 5; i++) expect((await call(createGoalAction, { kind: 'comments', target: '3', period: 'week' })).error).toBeUndefined();
    await expectRefused(() => call(createGoalAction, { kind: 'comments', target: '3', period: 'week' }), { error: /5 goals already/ });
    const [first] = await db.select().from(goals).where(eq(goals.userId, sam.id));
    actAs(other);
    await expectRefused(() => call(deleteGoalAction, { goalId: first.id }), { error: /not yours/ });
    actAs(sam);
    expect((await expectAllowed(() => call(deleteGoalAction, { goalId: first.id }), { changes: [goals] })).success).toBe('Goal removed.');
  });

  it('starts weeks on Monday and months on the first', () => {
    expect(windowStart('week', new Date('2026-11-29T12:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z'); // a Sunday
    expect(windowStart('month', new Date('2026-11-29T12:00:00Z')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
});
