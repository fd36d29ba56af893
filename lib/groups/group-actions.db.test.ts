// Starting a group and putting away its welcome, proved from both sides: the allowed caller's effect is checked,
// and after a refused one no table changed and nobody else's view moved (test/proofs.ts).
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { channels, groupAuditLog, groupMembers, groupRoles, groups } from '@/db/schema';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { createGroupAction, dismissWelcomeAction } from './actions';
import { loadGroupActor } from './context';
import { createGroupRecords } from './setup';
import { newPerson } from '@/test/people';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

let n = 0;
const person = newPerson;
const slug = () => `ga-${++n}-${Math.random().toString(36).slice(2, 6)}`;
const sessionEnded = 'Your session has ended — please sign in again.';

beforeEach(() => actAs(null));

describe('createGroupAction', () => {
  it('lets any signed-in person start a group, as its owner, and sends them to it', async () => {
    const founder = await person('founder');
    actAs(founder);
    const address = slug();
    await expectAllowed(() => call(createGroupAction, { name: 'Glaze Lab', slug: address, description: 'Tests and tiles', topic: 'Ceramics', visibility: 'request' }), {
      changes: [groups, groupMembers, channels, groupRoles, groupAuditLog],
      redirectsTo: `/g/${address}`,
      effect: async () => {
        const [group] = await db.select().from(groups).where(eq(groups.slug, address));
        expect(group).toMatchObject({ name: 'Glaze Lab', topic: 'ceramics', visibility: 'request' });
        expect(await db.select({ userId: groupMembers.userId }).from(groupMembers).where(eq(groupMembers.groupId, group.id))).toEqual([{ userId: founder.id }]);
        expect((await db.transaction((tx) => loadGroupActor(tx, { id: group.id }, founder.id)))?.actor.isOwner).toBe(true);
        const [entry] = await db.select().from(groupAuditLog).where(eq(groupAuditLog.groupId, group.id));
        expect(entry).toMatchObject({ actorId: founder.id, action: 'group.create' });
      },
    });
  });

  it('refuses a signed-out caller, a taken address and bad input, writing nothing', async () => {
    const founder = await person('founder');
    actAs(null);
    await expectRefused(() => call(createGroupAction, { name: 'Nobody’s group', slug: slug(), topic: 'ceramics', visibility: 'public' }), { error: sessionEnded });
    actAs(founder);
    const taken = slug();
    await db.transaction((tx) => createGroupRecords(tx, { name: 'First', slug: taken, description: '', topic: 'ceramics', visibility: 'public' }, founder.id));
    await expectRefused(() => call(createGroupAction, { name: 'Second', slug: taken.toUpperCase(), topic: 'ceramics', visibility: 'public' }), {
      error: 'Please fix the highlighted fields.',
      caller: founder,
    });
    await expectRefused(() => call(createGroupAction, { name: 'X', slug: 'no spaces allowed', topic: 'c', visibility: 'everyone' }), {
      error: 'Please fix the highlighted fields.',
      caller: founder,
    });
  });
});

describe('dismissWelcomeAction', () => {
  it('puts the welcome away for the member who asks, and for no one else', async () => {
    const owner = await person('owner');
    const member = await person('member');
    const outsider = await person('outsider');
    const { group } = await db.transaction((tx) => createGroupRecords(tx, { name: 'Welcome Mat', slug: slug(), description: '', topic: 'ceramics', visibility: 'public' }, owner.id));
    await db.insert(groupMembers).values({ groupId: group.id, userId: member.id });
    const welcomed = async (userId: string) =>
      (await db.select({ at: groupMembers.welcomedAt }).from(groupMembers).where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.userId, userId))))[0]?.at ?? null;
    const ownerBefore = await welcomed(owner.id);

    actAs(null);
    await expectRefused(() => call(dismissWelcomeAction, { groupId: group.id }), { error: sessionEnded, others: [member.id, owner.id] });
    actAs(outsider);
    await expectRefused(() => call(dismissWelcomeAction, { groupId: group.id }), { error: 'Only members of this group see its welcome.', others: [member.id, owner.id] });
    await expectRefused(() => call(dismissWelcomeAction, { groupId: crypto.randomUUID() }), { error: 'That group no longer exists.', caller: outsider });

    actAs(member);
    await expectAllowed(() => call(dismissWelcomeAction, { groupId: group.id }), {
      changes: [groupMembers],
      effect: async () => {
        expect(await welcomed(member.id)).toBeInstanceOf(Date);
        expect(await welcomed(owner.id)).toEqual(ownerBefore);
      },
    });
  });
});
