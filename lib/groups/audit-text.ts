// A group's audit log in words: what was done ("banned", "changed the settings") and its details as short lines
// ("Reason: spam", "Channel: #general") — never the stored JSON.
import { plainValue } from '@/lib/format';
import { permissionLabels, type Permission } from './permissions';

const actionPhrases: Record<string, string> = {
  'group.create': 'created the group',
  'group.settings': 'changed the settings',
  'group.transfer': 'handed ownership to',
  'group.icon': 'changed the icon',
  'group.banner': 'changed the banner',
  'group.icon.remove': 'removed the icon',
  'group.banner.remove': 'removed the banner',
  'channel.create': 'created a channel',
  'channel.update': 'changed a channel',
  'channel.move': 'moved a channel',
  'channel.archive': 'archived a channel',
  'channel.unarchive': 'brought back a channel',
  'invite.create': 'created an invite link',
  'invite.revoke': 'revoked an invite link',
  'request.approve': 'approved the request to join of',
  'request.deny': 'declined the request to join of',
  'member.remove': 'removed',
  'member.ban': 'banned',
  'member.unban': 'lifted the ban on',
  'role.create': 'created a role',
  'role.update': 'changed a role',
  'role.delete': 'deleted a role',
  'role.assign': 'gave a role to',
  'role.unassign': 'took a role from',
  'post.pin': 'pinned a post by',
  'post.unpin': 'unpinned a post by',
  'post.lock': 'locked comments on a post by',
  'post.unlock': 'unlocked comments on a post by',
  'post.remove': 'removed a post by',
  'comment.remove': 'removed a comment by',
  'report.resolve': 'answered reports about',
  'celebrations.milestone.create': 'added a group milestone',
  'celebrations.milestone.delete': 'deleted a group milestone',
  'celebrations.template.save': 'saved a thank-you note',
  'celebrations.template.delete': 'deleted a thank-you note',
};

/** How each detail is labelled, or null for ids that mean nothing to a reader (the entry already names what they point at). */
const detailLabels: Record<string, string | null> = {
  reason: 'Reason',
  rule: 'Rule',
  note: 'Note',
  name: 'Name',
  channel: 'Channel',
  role: 'Role',
  direction: 'Moved',
  outcome: 'Outcome',
  reports: 'Reports',
  kind: 'Kind',
  milestoneKind: 'For',
  threshold: 'At',
  title: 'Title',
  expiresInHours: 'Expires after (hours)',
  maxUses: 'Uses allowed',
  permissions: 'Permissions',
  changed: 'Changed',
  postRoleIds: null,
  invite: null,
  post: null,
  comment: null,
  id: null,
  target: null,
};

function detailValue(key: string, value: unknown): string {
  if (key === 'channel' && typeof value === 'string') return `#${value}`;
  if (key === 'permissions' && Array.isArray(value)) return value.map((p) => permissionLabels[p as Permission] ?? String(p)).join(', ') || 'none';
  if (key === 'changed' && Array.isArray(value)) return value.map((field) => String(field).replace(/([A-Z])/g, ' $1').toLowerCase()).join(', ') || 'nothing';
  if ((key === 'maxUses' || key === 'expiresInHours') && (value === null || value === undefined)) return 'no limit';
  return plainValue(value);
}

/** What an entry says: the action as a phrase, and one line per detail worth reading. */
export function groupAuditText(action: string, details: Record<string, unknown>): { what: string; lines: string[] } {
  const what = actionPhrases[action] ?? action.replace(/[._]/g, ' ');
  const lines = Object.entries(details)
    .filter(([key]) => detailLabels[key] !== null)
    .map(([key, value]) => `${detailLabels[key] ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase())}: ${detailValue(key, value)}`);
  return { what, lines };
}
