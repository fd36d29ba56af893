// The permission matrix: every group action × every kind of caller, asserted against the Server Actions themselves.
import { and, eq, type Table } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import {
  channels,
  comments,
  groupAuditLog,
  groupBans,
  groupInvites,
  groupJoinRequests,
  groupMemberRoles,
  groupMembers,
  groupRoles,
  groupMilestones,
  groups,
  posts,
  reactions,
  thankYouTemplates,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { actAs, call, type Action } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import * as groupActions from './actions';
import * as channelActions from './channel-actions';
import type { Permission } from './permissions';
import * as roleActions from './role-actions';
import { createGroupRecords } from './setup';
import * as postActions from '@/lib/posts/actions';
import * as celebrationActions from '@/lib/milestones/group-actions';
import { newPerson } from '@/test/people';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

const kinds = ['signedOut', 'nonMember', 'member', 'customWith', 'customWithout', 'moderator', 'admin', 'owner', 'banned'] as const;
type Kind = (typeof kinds)[number];

let n = 0;
const person = newPerson;

/** A group with one person of each kind, a second member to act on, a post and comment by them, a pending request, a banned outsider, an invite. */
async function fixture(options: { flag?: Permission; lockedDownMembers?: boolean; visibility?: 'public' | 'request' | 'invite' } = {}) {
  const people = Object.fromEntries(
    await Promise.all(
      ['owner', 'admin', 'moderator', 'member', 'customWith', 'customWithout', 'banned', 'nonMember', 'target', 'requester', 'bannedOther', 'inviter'].map(async (k) => [k, await person(k)] as const),
    ),
  ) as Record<string, Viewer>;
  const slug = `g-${++n}-${Math.random().toString(36).slice(2, 6)}`;
  const fx = await db.transaction(async (tx) => {
    const { group, roles } = await createGroupRecords(tx, { name: `Group ${slug}`, slug, description: 'Matrix', topic: 'testing', visibility: options.visibility ?? 'public' }, people.owner.id);
    const role = (b: string) => roles.find((r) => r.builtin === b)!;
    if (options.lockedDownMembers) await tx.update(groupRoles).set({ permissions: [] }).where(eq(groupRoles.id, role('member').id));
    const [withRole] = await tx.insert(groupRoles).values({ groupId: group.id, name: 'With', position: 20, permissions: options.flag ? [options.flag] : [] }).returning();
    const [withoutRole] = await tx.insert(groupRoles).values({ groupId: group.id, name: 'Without', position: 20, permissions: [] }).returning();
    const [helperRole] = await tx.insert(groupRoles).values({ groupId: group.id, name: 'Helper', position: 5, permissions: ['pin'] }).returning();
    const members = ['admin', 'moderator', 'member', 'customWith', 'customWithout', 'target', 'inviter'];
    await tx.insert(groupMembers).values(members.map((k) => ({ groupId: group.id, userId: people[k].id })));
    await tx.insert(groupMemberRoles).values([
      { groupId: group.id, userId: people.admin.id, roleId: role('admin').id },
      { groupId: group.id, userId: people.moderator.id, roleId: role('moderator').id },
      { groupId: group.id, userId: people.customWith.id, roleId: withRole.id },
      { groupId: group.id, userId: people.customWithout.id, roleId: withoutRole.id },
    ]);
    await tx.insert(groupBans).values([
      { groupId: group.id, userId: people.banned.id, reason: 'spam', bannedBy: people.owner.id },
      { groupId: group.id, userId: people.bannedOther.id, reason: 'spam', bannedBy: people.owner.id },
    ]);
    const [request] = await tx.insert(groupJoinRequests).values({ groupId: group.id, userId: people.requester.id, answers: [] }).returning();
    const [invite] = await tx.insert(groupInvites).values({ id: `inv-${slug}`, groupId: group.id, creatorId: people.inviter.id }).returning();
    const chans = await tx.select().from(channels).where(eq(channels.groupId, group.id));
    const general = chans.find((c) => c.name === 'general')!;
    const announcements = chans.find((c) => c.name === 'announcements')!;
    const [post] = await tx.insert(posts).values({ authorId: people.target.id, groupId: group.id, channelId: general.id, body: 'A post by a plain member' }).returning();
    const [comment] = await tx.insert(comments).values({ postId: post.id, authorId: people.target.id, body: 'A comment' }).returning();
    const [groupMilestone] = await tx.insert(groupMilestones).values({ groupId: group.id, kind: 'group_posts', threshold: 5, title: 'Five posts here' }).returning();
    const [template] = await tx.insert(thankYouTemplates).values({ groupId: group.id, milestoneKind: 'first_post', body: 'Thanks {name}!', authorId: people.owner.id }).returning();
    return { group, general, announcements, post, comment, request, invite, helperRole, memberRole: role('member'), groupMilestone, template };
  });
  return { people, ...fx };
}

type Fx = Awaited<ReturnType<typeof fixture>>;

interface Case {
  name: string;
  action: Action;
  /** The tables an allowed caller's call must change (the proof that it happened). */
  changes: Table[];
  input: (fx: Fx) => Record<string, string | string[] | undefined>;
  allowed: Kind[];
  /** The permission a custom role needs for this action (its holders are then the customWith kind). */
  flag?: Permission;
  /** For actions every member can do by default: strip the Member role so the custom role alone decides. */
  lockedDown?: boolean;
  visibility?: 'public' | 'request' | 'invite';
}

const staffOnly: Kind[] = ['customWith', 'admin', 'owner'];
const moderation: Kind[] = ['customWith', 'moderator', 'admin', 'owner'];
const everyMember: Kind[] = ['member', 'customWith', 'moderator', 'admin', 'owner'];

const cases: Case[] = [
  {
    name: 'update group settings', changes: [groups],
    action: groupActions.updateGroupSettingsAction,
    flag: 'manage_settings',
    input: (fx) => ({ groupId: fx.group.id, name: 'Renamed group', description: 'New words', topic: 'testing', visibility: 'public', accentColor: '#336699', welcomeMessage: 'Hi {name}', rules: ['Be kind'], joinQuestions: [] }),
    allowed: staffOnly,
  },
  { name: 'create a channel', changes: [channels], action: channelActions.createChannelAction, flag: 'manage_channels', input: (fx) => ({ groupId: fx.group.id, name: 'show-and-tell', description: '' }), allowed: staffOnly },
  { name: 'rename a channel', changes: [channels], action: channelActions.updateChannelAction, flag: 'manage_channels', input: (fx) => ({ channelId: fx.general.id, name: 'lobby', description: '' }), allowed: staffOnly },
  { name: 'reorder channels', changes: [channels], action: channelActions.moveChannelAction, flag: 'manage_channels', input: (fx) => ({ channelId: fx.announcements.id, direction: 'up' }), allowed: staffOnly },
  { name: 'archive a channel', changes: [channels], action: channelActions.archiveChannelAction, flag: 'manage_channels', input: (fx) => ({ channelId: fx.announcements.id, archived: 'true' }), allowed: staffOnly },
  { name: 'create a role', changes: [groupRoles], action: roleActions.createRoleAction, flag: 'manage_roles', input: (fx) => ({ groupId: fx.group.id, name: 'Mentor', color: '#1f5fa8', permissions: [] }), allowed: staffOnly },
  { name: 'edit the Member role', changes: [groupRoles], action: roleActions.updateRoleAction, flag: 'manage_roles', input: (fx) => ({ roleId: fx.memberRole.id, name: 'Member', color: '#123456', permissions: [] }), allowed: staffOnly },
  { name: 'delete a lower custom role', changes: [groupRoles], action: roleActions.deleteRoleAction, flag: 'manage_roles', input: (fx) => ({ roleId: fx.helperRole.id }), allowed: staffOnly },
  {
    name: 'give a member a role', changes: [groupMemberRoles],
    action: roleActions.assignRoleAction,
    flag: 'manage_roles',
    input: (fx) => ({ groupId: fx.group.id, userId: fx.people.target.id, roleId: fx.helperRole.id }),
    // Assigning also acts on the member, which takes "manage members" too.
    allowed: ['admin', 'owner'],
  },
  {
    name: 'take a role away from a member', changes: [groupAuditLog],
    action: roleActions.unassignRoleAction,
    flag: 'manage_roles',
    input: (fx) => ({ groupId: fx.group.id, userId: fx.people.target.id, roleId: fx.helperRole.id }),
    allowed: ['admin', 'owner'],
  },
  { name: 'remove a member', changes: [groupMembers], action: groupActions.removeMemberAction, flag: 'manage_members', input: (fx) => ({ groupId: fx.group.id, userId: fx.people.target.id }), allowed: moderation },
  { name: 'ban a member', changes: [groupBans], action: groupActions.banMemberAction, flag: 'manage_members', input: (fx) => ({ groupId: fx.group.id, userId: fx.people.target.id, reason: 'Repeated spam' }), allowed: moderation },
  { name: 'unban someone', changes: [groupBans], action: groupActions.unbanMemberAction, flag: 'manage_members', input: (fx) => ({ groupId: fx.group.id, userId: fx.people.bannedOther.id }), allowed: moderation },
  { name: 'approve a join request', changes: [groupJoinRequests, groupMembers], action: groupActions.decideJoinRequestAction, flag: 'approve_requests', input: (fx) => ({ requestId: fx.request.id, decision: 'approve' }), allowed: moderation },
  { name: 'create an invite link', changes: [groupInvites], action: groupActions.createInviteAction, flag: 'invite', lockedDown: true, input: (fx) => ({ groupId: fx.group.id, expiresInHours: '24', maxUses: '5' }), allowed: ['customWith', 'moderator', 'admin', 'owner'] },
  { name: 'create an invite link (default Member role)', changes: [groupInvites], action: groupActions.createInviteAction, input: (fx) => ({ groupId: fx.group.id }), allowed: ['member', 'customWith', 'customWithout', 'moderator', 'admin', 'owner'] },
  { name: 'revoke someone else’s invite', changes: [groupInvites], action: groupActions.revokeInviteAction, flag: 'manage_members', input: (fx) => ({ inviteId: fx.invite.id }), allowed: moderation },
  { name: 'transfer ownership', changes: [groupMemberRoles], action: groupActions.transferOwnershipAction, input: (fx) => ({ groupId: fx.group.id, userId: fx.people.target.id }), allowed: ['owner'] },
  { name: 'leave the group', changes: [groupMembers], action: groupActions.leaveGroupAction, input: (fx) => ({ groupId: fx.group.id }), allowed: ['member', 'customWith', 'customWithout', 'moderator', 'admin'] },
  { name: 'join a public group', changes: [groupMembers], action: groupActions.joinGroupAction, input: (fx) => ({ groupId: fx.group.id }), allowed: ['nonMember'] },
  { name: 'join an invite-only group without an invite', changes: [], action: groupActions.joinGroupAction, visibility: 'invite', input: (fx) => ({ groupId: fx.group.id }), allowed: [] },
  { name: 'join an invite-only group with an invite', changes: [groupMembers], action: groupActions.joinGroupAction, visibility: 'invite', input: (fx) => ({ groupId: fx.group.id, invite: fx.invite.id }), allowed: ['nonMember'] },
  { name: 'request to join', changes: [groupJoinRequests], action: groupActions.requestToJoinAction, visibility: 'request', input: (fx) => ({ groupId: fx.group.id, answers: [] }), allowed: ['nonMember'] },
  { name: 'post in #general', changes: [posts], action: postActions.createPostAction, flag: 'post', lockedDown: true, input: (fx) => ({ groupId: fx.group.id, channelId: fx.general.id, body: 'Hello', tags: '' }), allowed: ['customWith', 'moderator', 'admin', 'owner'] },
  { name: 'post in #general (default Member role)', changes: [posts], action: postActions.createPostAction, input: (fx) => ({ groupId: fx.group.id, channelId: fx.general.id, body: 'Hello', tags: '#testing' }), allowed: [...everyMember, 'customWithout'] },
  { name: 'post in #announcements', changes: [posts], action: postActions.createPostAction, flag: 'post', input: (fx) => ({ groupId: fx.group.id, channelId: fx.announcements.id, body: 'News', tags: '' }), allowed: ['moderator', 'admin', 'owner'] },
  { name: 'comment', changes: [comments], action: postActions.createCommentAction, flag: 'comment', lockedDown: true, input: (fx) => ({ postId: fx.post.id, body: 'Nice' }), allowed: ['customWith', 'moderator', 'admin', 'owner'] },
  { name: 'react', changes: [reactions], action: postActions.toggleReactionAction, flag: 'react', lockedDown: true, input: (fx) => ({ postId: fx.post.id, emoji: '🎉' }), allowed: ['customWith', 'moderator', 'admin', 'owner'] },
  { name: 'pin a post', changes: [posts], action: postActions.pinPostAction, flag: 'pin', input: (fx) => ({ postId: fx.post.id, on: 'true' }), allowed: moderation },
  { name: 'lock comments', changes: [posts], action: postActions.lockCommentsAction, flag: 'lock', input: (fx) => ({ postId: fx.post.id, on: 'true' }), allowed: moderation },
  { name: 'remove a post', changes: [posts], action: postActions.removePostAction, flag: 'remove_content', input: (fx) => ({ postId: fx.post.id, reason: 'Off topic' }), allowed: moderation },
  { name: 'remove a comment', changes: [comments], action: postActions.removeCommentAction, flag: 'remove_content', input: (fx) => ({ commentId: fx.comment.id, reason: 'Rude' }), allowed: moderation },
  {
    name: 'add a group milestone', changes: [groupMilestones],
    action: celebrationActions.createGroupMilestoneAction,
    flag: 'manage_celebrations',
    input: (fx) => ({ groupId: fx.group.id, kind: 'membership_months', threshold: '12', title: 'A year of {group}', message: 'Thank you, {name}.' }),
    allowed: staffOnly,
  },
  { name: 'remove a group milestone', changes: [groupMilestones], action: celebrationActions.deleteGroupMilestoneAction, flag: 'manage_celebrations', input: (fx) => ({ groupMilestoneId: fx.groupMilestone.id }), allowed: staffOnly },
  {
    name: 'write a thank-you template', changes: [thankYouTemplates],
    action: celebrationActions.saveThankYouTemplateAction,
    flag: 'manage_celebrations',
    input: (fx) => ({ groupId: fx.group.id, milestoneKind: 'post_10', body: 'Thanks {name} for your {nth} post in {group}!' }),
    allowed: staffOnly,
  },
  { name: 'remove a thank-you template', changes: [thankYouTemplates], action: celebrationActions.deleteThankYouTemplateAction, flag: 'manage_celebrations', input: (fx) => ({ templateId: fx.template.id }), allowed: staffOnly },
  { name: 'edit someone else’s post', changes: [], action: postActions.editPostAction, input: (fx) => ({ postId: fx.post.id, body: 'Hijacked', tags: '' }), allowed: [] },
  { name: 'delete someone else’s post', changes: [], action: postActions.deletePostAction, input: (fx) => ({ postId: fx.post.id }), allowed: [] },
  { name: 'delete someone else’s comment', changes: [], action: postActions.deleteCommentAction, input: (fx) => ({ commentId: fx.comment.id }), allowed: [] },
];

describe('group permission matrix (Server Actions)', () => {
  for (const c of cases) {
    describe(c.name, () => {
      let fixtures: Map<Kind, Fx>;
      beforeAll(async () => {
        // One fresh group per kind of caller, so no case sees another's change.
        fixtures = new Map();
        for (const kind of kinds) fixtures.set(kind, await fixture({ flag: c.flag, lockedDownMembers: c.lockedDown, visibility: c.visibility }));
      });

      it.each(kinds)(`as %s`, async (kind) => {
        const fx = fixtures.get(kind)!;
        actAs(kind === 'signedOut' ? null : fx.people[kind]);
        const caller = kind === 'signedOut' ? null : fx.people[kind];
        // Whose view a group action could leak into: the member it acts on, and a plain member (or the owner).
        const others = [fx.people.target, caller?.id === fx.people.member.id ? fx.people.owner : fx.people.member].filter((p) => p.id !== caller?.id).map((p) => p.id);
        if (c.allowed.includes(kind)) await expectAllowed(() => call(c.action, c.input(fx)), { changes: c.changes });
        else await expectRefused(() => call(c.action, c.input(fx)), { caller, others });
      });
    });
  }
});

describe('role hierarchy', () => {
  it('a moderator cannot ban an admin, and an admin cannot ban the owner', async () => {
    const fx = await fixture();
    actAs(fx.people.moderator);
    await expectRefused(() => call(groupActions.banMemberAction, { groupId: fx.group.id, userId: fx.people.admin.id, reason: 'Trying it' }), { error: /at or above your highest role/ });
    actAs(fx.people.admin);
    await expectRefused(() => call(groupActions.banMemberAction, { groupId: fx.group.id, userId: fx.people.owner.id, reason: 'Trying it' }), { error: /owner/ });
    const bans = await db.select().from(groupBans).where(eq(groupBans.groupId, fx.group.id));
    expect(bans.map((b) => b.userId).sort()).toEqual([fx.people.banned.id, fx.people.bannedOther.id].sort());
  });

  it('an admin cannot edit the owner role, nor a role at their own level', async () => {
    const fx = await fixture();
    const roles = await db.select().from(groupRoles).where(eq(groupRoles.groupId, fx.group.id));
    actAs(fx.people.admin);
    const owner = roles.find((r) => r.builtin === 'owner')!;
    const admin = roles.find((r) => r.builtin === 'admin')!;
    await expectRefused(() => call(roleActions.updateRoleAction, { roleId: owner.id, name: 'Owner', color: '#000000', permissions: [] }), { error: /owner role/i });
    await expectRefused(() => call(roleActions.updateRoleAction, { roleId: admin.id, name: 'Admin', color: '#000000', permissions: [] }), { error: /at or above/ });
    await expectRefused(() => call(roleActions.deleteRoleAction, { roleId: admin.id }), { error: /Built-in/ });
  });

  it('nobody grants a permission they do not hold', async () => {
    const fx = await fixture({ flag: 'manage_roles' });
    actAs(fx.people.customWith);
    await expectRefused(() => call(roleActions.createRoleAction, { groupId: fx.group.id, name: 'Sneaky', color: '#123456', permissions: ['manage_settings'] }), {
      error: /cannot grant permissions you do not have: manage_settings/,
    });
  });

  it('the owner cannot leave without transferring, and after a transfer the old owner is an admin who can leave', async () => {
    const fx = await fixture();
    actAs(fx.people.owner);
    await expectRefused(() => call(groupActions.leaveGroupAction, { groupId: fx.group.id }), { error: /transfer ownership/ });
    await expectAllowed(() => call(groupActions.transferOwnershipAction, { groupId: fx.group.id, userId: fx.people.member.id }), {
      effect: async () => {
        const owners = await db
          .select({ userId: groupMemberRoles.userId })
          .from(groupMemberRoles)
          .innerJoin(groupRoles, eq(groupRoles.id, groupMemberRoles.roleId))
          .where(and(eq(groupMemberRoles.groupId, fx.group.id), eq(groupRoles.builtin, 'owner')));
        expect(owners).toEqual([{ userId: fx.people.member.id }]);
      },
    });
    await expectAllowed(() => call(groupActions.leaveGroupAction, { groupId: fx.group.id }), {
      effect: async () => {
        const left = await db.select().from(groupMembers).where(and(eq(groupMembers.groupId, fx.group.id), eq(groupMembers.userId, fx.people.owner.id)));
        expect(left).toEqual([]);
      },
    });
  });

  it('a banned person cannot rejoin, not even with an invite link', async () => {
    const fx = await fixture();
    actAs(fx.people.banned);
    await expectRefused(() => call(groupActions.joinGroupAction, { groupId: fx.group.id }), { error: /banned/ });
    await expectRefused(() => call(groupActions.joinGroupAction, { groupId: fx.group.id, invite: fx.invite.id }), { error: /banned/ });
  });

  it('an invite link with one use admits exactly one person', async () => {
    const fx = await fixture({ visibility: 'invite' });
    actAs(fx.people.owner);
    const created = await call(groupActions.createInviteAction, { groupId: fx.group.id, expiresInHours: '1', maxUses: '1' });
    const code = created.success!.split('/').pop()!;
    actAs(fx.people.nonMember);
    expect((await call(groupActions.joinGroupAction, { groupId: fx.group.id, invite: code })).error).toBeUndefined();
    actAs(fx.people.requester);
    await expectRefused(() => call(groupActions.joinGroupAction, { groupId: fx.group.id, invite: code }), { error: /used up/ });
    actAs(fx.people.owner);
    await call(groupActions.revokeInviteAction, { inviteId: fx.invite.id });
    actAs(fx.people.requester);
    await expectRefused(() => call(groupActions.joinGroupAction, { groupId: fx.group.id, invite: fx.invite.id }), { error: /revoked/ });
  });

  it('a forged post into #announcements by a plain member is refused and nothing is written', async () => {
    const fx = await fixture();
    actAs(fx.people.member);
    await expectRefused(() => call(postActions.createPostAction, { groupId: fx.group.id, channelId: fx.announcements.id, body: 'Forged', tags: '' }), {
      error: /Only some roles may post in #announcements/,
    });
  });

  it('every admin action lands in the audit log with who, what and to whom', async () => {
    const fx = await fixture();
    actAs(fx.people.moderator);
    await call(groupActions.banMemberAction, { groupId: fx.group.id, userId: fx.people.target.id, reason: 'Spam links' });
    const [entry] = await db.select().from(groupAuditLog).where(eq(groupAuditLog.groupId, fx.group.id));
    expect(entry).toMatchObject({ action: 'member.ban', actorId: fx.people.moderator.id, targetUserId: fx.people.target.id, details: { reason: 'Spam links' } });
  });
});
