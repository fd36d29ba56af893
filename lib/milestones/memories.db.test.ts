import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { milestones, profiles, users } from '@/db/schema';
import { getProfile } from '@/lib/profiles/queries';

describe('memories on the profile', () => {
  it('shows earned milestones, "on this day" included, and only when the section is shown', async () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const [maya] = await db.insert(users).values({ name: 'Maya', email: 'maya.mem@example.org', handle: 'maya_mem' }).returning();
    const [other] = await db.insert(users).values({ name: 'Other', email: 'other.mem@example.org', handle: 'other_mem' }).returning();
    await db.insert(profiles).values({ userId: maya.id, visibility: 'everyone', showMilestones: true });
    await db.insert(milestones).values([
      { userId: maya.id, rule: 'first_post', earnedAt: new Date('2025-11-29T09:00:00Z') },
      { userId: maya.id, rule: 'cake_day_1', earnedAt: new Date('2026-10-01T09:00:00Z') },
    ]);
    const asOther = { id: other.id, handle: other.handle, name: 'Other', image: null };
    const seen = await getProfile(asOther, 'maya_mem', now);
    expect(seen.kind).toBe('found');
    if (seen.kind !== 'found') return;
    expect(seen.profile.memories?.map((m) => [m.title, m.onThisDay])).toEqual([
      ['Cake day: 1 year on Hearth', false],
      ['First post', true],
    ]);

    await db.update(profiles).set({ showMilestones: false });
    const hidden = await getProfile(asOther, 'maya_mem', new Date('2026-11-29T12:00:01Z'));
    expect(hidden.kind === 'found' && hidden.profile.memories).toBeNull();
    const self = await getProfile({ id: maya.id, handle: 'maya_mem', name: 'Maya', image: null }, 'maya_mem', new Date('2026-11-29T12:00:02Z'));
    expect(self.kind === 'found' && self.profile.memories?.length).toBe(2);
  });
});
