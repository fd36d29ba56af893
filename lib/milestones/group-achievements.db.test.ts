import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { channels, groupAchievements, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { joinGroupAction } from '@/lib/groups/actions';
import { createGroupRecords } from '@/lib/groups/setup';
import { createPostAction } from '@/lib/posts/actions';
import { actAs, call } from '@/test/actions';
import { getCelebrationCards } from './celebrations';
import { runDailyMilestones } from './daily';
import { getGroupAchievements } from './group-achievements';
import { groupAchievementTitle, groupRulesReached } from './rules';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

let n = 0;
async function person(name: string): Promise<Viewer> {
  n += 1;
  const handle = `${name.toLowerCase()}_${n}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  return { id: u.id, handle, name, image: null };
}

describe('group milestones', () => {
  it('are declared as data', () => {
    expect(groupRulesReached('group_member', 10).map((r) => r.key)).toEqual(['group_members_10']);
    expect(groupRulesReached('group_member', 11)).toEqual([]);
    expect(groupAchievementTitle('group_members_100', 'Potters')).toBe('Potters has 100 members');
    expect(groupAchievementTitle('founded_3', 'Potters')).toBe('Potters is 3 years old today');
  });

  it('celebrate the first post and the 10th member once each, to members only', async () => {
    const owner = await person('Owner');
    const { group } = await db.transaction((tx) => createGroupRecords(tx, { name: 'Kiln crew', slug: `kiln-${n}`, description: '', topic: 'ceramics' }, owner.id));
    const [general] = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.groupId, group.id), eq(channels.name, 'general')));
    actAs(owner);
    for (const body of ['Hello kiln crew', 'Second post']) {
      expect((await call(createPostAction, { body, groupId: group.id, channelId: general!.id, tags: '' })).error).toBeUndefined();
    }
    const members: Viewer[] = [];
    for (let i = 0; i < 10; i++) {
      const p = await person(`Member${i}`);
      members.push(p);
      actAs(p);
      expect((await call(joinGroupAction, { groupId: group.id })).error).toBeUndefined();
    }
    const rules = (await db.select().from(groupAchievements).where(eq(groupAchievements.groupId, group.id))).map((a) => a.rule).sort();
    expect(rules).toEqual(['group_first_post', 'group_members_10']);
    const cards = await getGroupAchievements(db, members[0]!.id);
    expect(cards.map((c) => c.title)).toContain('Kiln crew has 10 members');
    const outsider = await person('Outsider');
    expect(await getGroupAchievements(db, outsider.id, { groupId: group.id })).toEqual([]);
    // The feed's cards read them in the same statement as people's milestones: the same ones, apart from those.
    const feed = await getCelebrationCards(members[0]!);
    expect(feed.achievements.map((a) => [a.title, a.group.slug])).toEqual(cards.map((c) => [c.title, c.group.slug]));
    expect(feed.celebrations.every((c) => c.person.id && c.person.handle)).toBe(true);
    expect((await getCelebrationCards(outsider)).achievements).toEqual([]);
  });

  it('celebrate the founding day every year, once, from the daily job', async () => {
    const owner = await person('Founder');
    const created = new Date('2023-03-14T10:00:00Z');
    const { group } = await db.transaction((tx) => createGroupRecords(tx, { name: 'Pi club', slug: `pi-${n}`, description: '', topic: 'maths', createdAt: created }, owner.id));
    const today = new Date('2026-03-14T09:00:00Z');
    await runDailyMilestones(db, today);
    await runDailyMilestones(db, today);
    const rows = await db.select().from(groupAchievements).where(eq(groupAchievements.groupId, group.id));
    expect(rows.map((r) => r.rule)).toEqual(['founded_3']);
    const cards = await getGroupAchievements(db, owner.id, { groupId: group.id, now: today });
    expect(cards[0]).toMatchObject({ title: 'Pi club is 3 years old today', group: { name: 'Pi club' } });
    await runDailyMilestones(db, new Date('2026-03-15T09:00:00Z'));
    expect(await db.select().from(groupAchievements).where(eq(groupAchievements.groupId, group.id))).toHaveLength(1);
  });
});
