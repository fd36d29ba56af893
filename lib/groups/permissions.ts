// Group permissions: role flags, role order, bans and channel rules — decided in one pure function, `can()`,
// used by the pages (to hide what you cannot do) and by every Server Action (to refuse it anyway).

export const permissionFlags = [
  'post',
  'comment',
  'react',
  'invite',
  'pin',
  'lock',
  'remove_content',
  'manage_members',
  'approve_requests',
  'manage_roles',
  'manage_channels',
  'manage_settings',
  'manage_celebrations',
  'view_audit_log',
  'review_reports',
] as const;
export type Permission = (typeof permissionFlags)[number];

export const permissionLabels: Record<Permission, string> = {
  post: 'Post',
  comment: 'Comment',
  react: 'React',
  invite: 'Create invite links',
  pin: 'Pin posts',
  lock: 'Lock comments',
  remove_content: 'Remove posts and comments',
  manage_members: 'Remove and ban members',
  approve_requests: 'Approve join requests',
  manage_roles: 'Manage roles',
  manage_channels: 'Manage channels',
  manage_settings: 'Manage group settings',
  manage_celebrations: 'Manage celebrations',
  view_audit_log: 'View the audit log',
  review_reports: 'Review reports',
};

export const OWNER_POSITION = 1000;

/** The built-in roles every group starts with. */
export const builtinRoleDefaults = {
  owner: { name: 'Owner', color: '#b4471f', position: OWNER_POSITION, permissions: [...permissionFlags] as Permission[] },
  admin: {
    name: 'Admin',
    color: '#6a4c93',
    position: 100,
    permissions: [...permissionFlags] as Permission[],
  },
  moderator: {
    name: 'Moderator',
    color: '#2f6f73',
    position: 50,
    permissions: ['post', 'comment', 'react', 'invite', 'pin', 'lock', 'remove_content', 'manage_members', 'approve_requests', 'view_audit_log', 'review_reports'] as Permission[],
  },
  member: { name: 'Member', color: '#6b7280', position: 0, permissions: ['post', 'comment', 'react', 'invite'] as Permission[] },
} as const;

/** Starting points for custom roles. */
export const roleTemplates: { name: string; color: string; permissions: Permission[]; description: string }[] = [
  { name: 'Mentor', color: '#1f5fa8', permissions: ['post', 'comment', 'react', 'invite', 'pin'], description: 'Helps newcomers and pins the answers worth keeping.' },
  { name: 'Event host', color: '#3d7a3a', permissions: ['post', 'comment', 'react', 'invite', 'pin', 'manage_celebrations'], description: 'Runs meetups and celebrations.' },
  { name: 'Read-only guest', color: '#8a6d1f', permissions: ['react'], description: 'Can read and react, but not post or comment.' },
];

export interface RoleInfo {
  id: string;
  name: string;
  position: number;
  permissions: readonly string[];
  builtin: string | null;
  color?: string;
}

export interface ChannelInfo {
  id: string;
  name: string;
  postRoleIds: readonly string[];
  archived: boolean;
}

/** Everything `can()` needs to know about one person in one group. */
export interface Actor {
  userId: string | null;
  isMember: boolean;
  isOwner: boolean;
  banned: boolean;
  /** The roles the person holds, the implicit Member role included when they are a member. */
  roles: RoleInfo[];
}

export type GroupAction =
  | Permission
  | 'view_members_only'
  | 'join'
  | 'request_to_join'
  | 'leave'
  | 'transfer_ownership'
  | 'act_on_member'
  | 'edit_role'
  | 'assign_role';

export interface Target {
  channel?: ChannelInfo;
  /** The top role position of the member acted upon. */
  memberPosition?: number;
  /** The position of the role edited or assigned. */
  rolePosition?: number;
  groupVisibility?: 'public' | 'request' | 'invite';
  hasValidInvite?: boolean;
  /** For act_on_member: the permission the act needs (manage_members by default; remove_content for removing their posts). */
  via?: Permission;
}

export interface Decision {
  allowed: boolean;
  /** Why, in words for people: which role grants it, or what stands in the way. */
  reason: string;
}

export function topPosition(actor: Actor) {
  if (actor.isOwner) return OWNER_POSITION;
  return actor.roles.reduce((max, r) => Math.max(max, r.position), actor.isMember ? 0 : -1);
}

function grantingRole(actor: Actor, permission: Permission) {
  return [...actor.roles].sort((a, b) => b.position - a.position).find((r) => r.permissions.includes(permission));
}

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** May this person do this in this group (to this channel, member or role)? */
export function can(actor: Actor, action: GroupAction, target: Target = {}): Decision {
  if (!actor.userId) return deny('Sign in first.');

  if (action === 'join' || action === 'request_to_join') {
    if (actor.banned) return deny('You are banned from this group.');
    if (actor.isMember) return deny('You are already a member.');
    const visibility = target.groupVisibility ?? 'public';
    if (target.hasValidInvite) return allow('Your invite link lets you join.');
    if (action === 'join') return visibility === 'public' ? allow('Anyone may join this public group.') : deny(visibility === 'request' ? 'This group reviews requests to join.' : 'This group is invite only.');
    return visibility === 'request' ? allow('This group reviews requests to join.') : deny(visibility === 'public' ? 'This group is open: join directly.' : 'This group is invite only.');
  }

  if (actor.banned) return deny('You are banned from this group.');
  if (!actor.isMember) return deny('Only members can do this.');

  if (action === 'view_members_only') return allow('You are a member.');
  if (action === 'leave') return actor.isOwner ? deny('The owner must transfer ownership before leaving.') : allow('Members may leave at any time.');
  if (action === 'transfer_ownership') return actor.isOwner ? allow('You are the owner.') : deny('Only the owner can transfer ownership.');

  if (action === 'act_on_member' || action === 'edit_role' || action === 'assign_role') {
    const permission: Permission = action === 'act_on_member' ? (target.via ?? 'manage_members') : 'manage_roles';
    const base = can(actor, permission);
    if (!base.allowed) return base;
    const targetPosition = action === 'act_on_member' ? target.memberPosition : target.rolePosition;
    if (targetPosition === undefined) return base;
    if (targetPosition >= OWNER_POSITION) return deny('Nobody can act on the owner.');
    if (!actor.isOwner && targetPosition >= topPosition(actor)) {
      return deny(action === 'act_on_member' ? 'They hold a role at or above your highest role.' : 'That role is at or above your highest role.');
    }
    return base;
  }

  const permission = action as Permission;
  if (actor.isOwner) {
    if (permission === 'post' && target.channel?.archived) return deny(`#${target.channel.name} is archived.`);
    return allow('The owner has every permission.');
  }
  const role = grantingRole(actor, permission);
  if (!role) return deny(`None of your roles grants “${permissionLabels[permission]}”.`);

  if (permission === 'post' && target.channel) {
    const channel = target.channel;
    if (channel.archived) return deny(`#${channel.name} is archived.`);
    if (channel.postRoleIds.length > 0) {
      const allowed = actor.roles.filter((r) => channel.postRoleIds.includes(r.id));
      if (allowed.length === 0) return deny(`Only some roles may post in #${channel.name}.`);
      return allow(`#${channel.name} lets ${allowed[0].name} post.`);
    }
  }
  return allow(`Granted by ${role.name}.`);
}

/** The permission checker: every permission for one member in one channel, with the reason for each. */
export function explainPermissions(actor: Actor, channel?: ChannelInfo) {
  return permissionFlags.map((permission) => ({
    permission,
    label: permissionLabels[permission],
    ...can(actor, permission, permission === 'post' ? { channel } : {}),
  }));
}
