import { describe, expect, it } from 'vitest';
import { builtinRoleDefaults, can, explainPermissions, OWNER_POSITION, topPosition, type Actor, type RoleInfo } from './permissions';

const role = (name: string, position: number, permissions: string[], builtin: string | null = null): RoleInfo => ({ id: name, name, position, permissions, builtin });
const member = role('Member', 0, [...builtinRoleDefaults.member.permissions], 'member');
const moderator = role('Moderator', 50, [...builtinRoleDefaults.moderator.permissions], 'moderator');
const mentor = role('Mentor', 20, ['pin']);
const actor = (roles: RoleInfo[], over: Partial<Actor> = {}): Actor => ({ userId: 'u', isMember: true, isOwner: false, banned: false, roles, ...over });

describe('can', () => {
  it('names the role that grants a permission', () => {
    expect(can(actor([member, mentor]), 'pin')).toEqual({ allowed: true, reason: 'Granted by Mentor.' });
    expect(can(actor([member]), 'pin')).toEqual({ allowed: false, reason: 'None of your roles grants “Pin posts”.' });
  });

  it('refuses everything but joining to people outside, and everything to the banned', () => {
    expect(can(actor([], { isMember: false }), 'post').allowed).toBe(false);
    expect(can(actor([], { isMember: false }), 'join', { groupVisibility: 'public' }).allowed).toBe(true);
    expect(can(actor([], { isMember: false, banned: true }), 'join', { groupVisibility: 'public' }).reason).toMatch(/banned/);
    expect(can(actor([], { isMember: false, banned: true }), 'join', { hasValidInvite: true }).allowed).toBe(false);
    expect(can({ userId: null, isMember: false, isOwner: false, banned: false, roles: [] }, 'join').reason).toBe('Sign in first.');
  });

  it('lets invites open invite-only groups, and sends request groups to the request form', () => {
    const outsider = actor([], { isMember: false });
    expect(can(outsider, 'join', { groupVisibility: 'invite' }).allowed).toBe(false);
    expect(can(outsider, 'join', { groupVisibility: 'invite', hasValidInvite: true }).allowed).toBe(true);
    expect(can(outsider, 'join', { groupVisibility: 'request' }).allowed).toBe(false);
    expect(can(outsider, 'request_to_join', { groupVisibility: 'request' }).allowed).toBe(true);
  });

  it('keeps restricted channels to their roles, even for people who may post elsewhere', () => {
    const announcements = { id: 'c', name: 'announcements', postRoleIds: ['Moderator'], archived: false };
    expect(can(actor([member]), 'post', { channel: announcements })).toEqual({ allowed: false, reason: 'Only some roles may post in #announcements.' });
    expect(can(actor([member, moderator]), 'post', { channel: announcements }).allowed).toBe(true);
    expect(can(actor([member, moderator]), 'post', { channel: { ...announcements, archived: true } }).reason).toMatch(/archived/);
  });

  it('enforces the role order', () => {
    const mod = actor([member, moderator]);
    expect(topPosition(mod)).toBe(50);
    expect(can(mod, 'act_on_member', { memberPosition: 0 }).allowed).toBe(true);
    expect(can(mod, 'act_on_member', { memberPosition: 50 }).allowed).toBe(false);
    expect(can(mod, 'act_on_member', { memberPosition: OWNER_POSITION }).reason).toBe('Nobody can act on the owner.');
    const owner = actor([member], { isOwner: true });
    expect(can(owner, 'act_on_member', { memberPosition: 100 }).allowed).toBe(true);
    expect(can(owner, 'leave').allowed).toBe(false);
  });
});

describe('explainPermissions', () => {
  it('answers every permission with a reason', () => {
    const rows = explainPermissions(actor([member, mentor]));
    expect(rows).toHaveLength(15);
    expect(rows.find((r) => r.permission === 'review_reports')).toMatchObject({ allowed: false, label: 'Review reports' });
    expect(rows.find((r) => r.permission === 'pin')).toMatchObject({ allowed: true, reason: 'Granted by Mentor.' });
    expect(rows.find((r) => r.permission === 'post')).toMatchObject({ allowed: true, reason: 'Granted by Member.' });
    expect(rows.find((r) => r.permission === 'manage_roles')?.allowed).toBe(false);
  });
});
