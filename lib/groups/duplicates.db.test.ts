// Names a unique index guards (channels, roles, group addresses, join requests, memberships): a duplicate is
// answered with a message on the field at fault and writes nothing, instead of failing the request with a 500.
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { channels, groupMembers, groupRoles, type Group } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { actAs, call } from '@/test/actions';
import { databaseFingerprint } from '@/test/db-fingerprint';
import { testDatabaseKind } from '@/test/db-env';
import { createGroupAction, joinGroupAction, requestToJoinAction } from './actions';
import { createChannelAction, updateChannelAction } from './channel-actions';
import { createRoleAction, updateRoleAction } from './role-actions';
import { createGroupRecords } from './setup';
import { newPerson } from '@/test/people';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

let n = 0;
const person = newPerson;

let owner: Viewer;
let group: Group;
beforeEach(async () => {
  owner = await person('owner');
  const slug = `dup-${++n}-${Math.random().toString(36).slice(2, 6)}`;
  ({ group } = await db.transaction((tx) => createGroupRecords(tx, { name: `Group ${slug}`, slug, description: '', topic: 'testing', visibility: 'public' }, owner.id)));
  actAs(owner);
});

const channel = async (name: string) => (await db.select().from(channels).where(eq(channels.groupId, group.id))).find((c) => c.name === name)!;
const role = async (name: string) => (await db.select().from(groupRoles).where(eq(groupRoles.groupId, group.id))).find((r) => r.name === name)!;

/** The action's answer, and the proof that the database is exactly as it was before. */
async function refusedWithoutWriting(run: () => Promise<unknown>) {
  const before = await databaseFingerprint();
  const answer = await run();
  expect(await databaseFingerprint()).toEqual(before);
  return answer;
}

describe('channels_name_key: a channel name already used in the group', () => {
  it('is refused on create, in any case, with a message on the name field', async () => {
    const answer = await refusedWithoutWriting(() => call(createChannelAction, { groupId: group.id, name: 'General', description: 'again' }));
    expect(answer).toEqual({
      error: 'Please fix the highlighted fields.',
      fieldErrors: { name: 'There is already a channel called #general in this group — choose another name.' },
    });
  });

  it('is refused on rename, and the channel keeps its name', async () => {
    const announcements = await channel('announcements');
    const answer = await refusedWithoutWriting(() => call(updateChannelAction, { channelId: announcements.id, name: 'general', description: 'renamed' }));
    expect(answer).toEqual({
      error: 'Please fix the highlighted fields.',
      fieldErrors: { name: 'There is already a channel called #general in this group — choose another name.' },
    });
    expect((await channel('announcements')).description).toBe(announcements.description);
  });

  it('still allows the same name in another group, and a channel saved under its own name', async () => {
    const slug = `other-${++n}-${Math.random().toString(36).slice(2, 6)}`;
    const { group: other } = await db.transaction((tx) => createGroupRecords(tx, { name: `Group ${slug}`, slug, description: '', topic: 'testing' }, owner.id));
    expect(await call(createChannelAction, { groupId: group.id, name: 'show-and-tell' })).toEqual({ success: '#show-and-tell created.' });
    expect(await call(createChannelAction, { groupId: other.id, name: 'show-and-tell' })).toEqual({ success: '#show-and-tell created.' });
    const general = await channel('general');
    expect(await call(updateChannelAction, { channelId: general.id, name: 'general', description: 'Same name, new words.' })).toEqual({ success: '#general saved.' });
  });
});

describe('group_roles_name_key: a role name already used in the group', () => {
  it('is refused on create (whatever the case), and the roles below keep their positions', async () => {
    await call(createRoleAction, { groupId: group.id, name: 'Mentor', color: '#1f5fa8' });
    const answer = await refusedWithoutWriting(() => call(createRoleAction, { groupId: group.id, name: 'mentor', color: '#123456', permissions: ['pin'] }));
    expect(answer).toEqual({
      error: 'Please fix the highlighted fields.',
      fieldErrors: { name: 'There is already a role called mentor in this group — choose another name.' },
    });
  });

  it('is refused on rename, built-in names included', async () => {
    await call(createRoleAction, { groupId: group.id, name: 'Mentor', color: '#1f5fa8' });
    const mentor = await role('Mentor');
    const answer = await refusedWithoutWriting(() => call(updateRoleAction, { roleId: mentor.id, name: 'Moderator', color: '#000000', permissions: ['pin'] }));
    expect(answer).toEqual({
      error: 'Please fix the highlighted fields.',
      fieldErrors: { name: 'There is already a role called Moderator in this group — choose another name.' },
    });
    expect(await role('Mentor')).toEqual(mentor);
  });
});

describe('groups_slug_lower_key: a group address already taken', () => {
  it('is refused with a message on the address field', async () => {
    const answer = await refusedWithoutWriting(() => call(createGroupAction, { name: 'Another group', slug: group.slug.toUpperCase(), topic: 'testing', visibility: 'public' }));
    expect(answer).toMatchObject({ error: 'Please fix the highlighted fields.', fieldErrors: { slug: `The address ${group.slug} is taken — try another.` } });
  });
});

describe('group_join_requests_pending_key and group_members_group_id_user_id_pk: asking or joining twice', () => {
  it('answers a second request to join while the first is pending', async () => {
    const [reviewed] = await db.transaction(async (tx) => {
      const slug = `req-${++n}-${Math.random().toString(36).slice(2, 6)}`;
      return [(await createGroupRecords(tx, { name: `Group ${slug}`, slug, description: '', topic: 'testing', visibility: 'request' }, owner.id)).group];
    });
    actAs(await person('asker'));
    expect(await call(requestToJoinAction, { groupId: reviewed.id })).toMatchObject({ success: expect.stringContaining('Request sent') });
    const answer = await refusedWithoutWriting(() => call(requestToJoinAction, { groupId: reviewed.id }));
    expect(answer).toEqual({ error: 'You already asked to join — the group will answer soon.' });
  });

  it('answers a second join with “already a member”', async () => {
    actAs(await person('joiner'));
    expect(await call(joinGroupAction, { groupId: group.id })).toEqual({ success: `Welcome to ${group.name}!` });
    expect(await refusedWithoutWriting(() => call(joinGroupAction, { groupId: group.id }))).toEqual({ error: 'You are already a member.' });
  });

  // Two joins at once (a double click) race past the membership check; only a server has two connections to race on.
  it.skipIf(testDatabaseKind() === 'pglite')('answers a join that loses the race to another, instead of failing on the primary key', async () => {
    const joiner = await person('joiner');
    actAs(joiner);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const rowWritten = new Promise<void>((resolve) => (inserted = resolve));
    // The other join: its row written but not yet committed while this one checks and inserts.
    const other = db.transaction(async (tx) => {
      await tx.insert(groupMembers).values({ groupId: group.id, userId: joiner.id });
      inserted();
      await held;
    });
    await rowWritten;
    const answer = call(joinGroupAction, { groupId: group.id });
    // Wait until the action is blocked on the other transaction's row, so it has passed the membership check.
    for (let i = 0; i < 100; i++) {
      const [{ waiting }] = rowsOf<{ waiting: number }>(await db.execute(sql`select count(*)::int as waiting from pg_locks where not granted`));
      if (waiting > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    release();
    await other;
    expect(await answer).toEqual({ error: 'You are already a member.' });
  });
});
