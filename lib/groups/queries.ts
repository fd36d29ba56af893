import 'server-only';
import { and, asc, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { channels, groupAuditLog, groupBans, groupInvites, groupJoinRequests, groupMemberRoles, groupMembers, groupRoles, groups, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { channelInfo, listRoles, loadGroupActor, parseArray } from './context';
import { can, explainPermissions, type Actor, type GroupAction, type RoleInfo } from './permissions';
import { groupMediaUrl } from '@/lib/media/urls';
import { escapeLike } from '@/lib/search/text';
import { qualified } from '@/lib/sql';
import { renderWelcome } from './welcome';

export type GroupSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  topic: string;
  accentColor: string;
  visibility: 'public' | 'request' | 'invite';
  iconMediaId: string | null;
  /** The icon's URL when the viewer may see it (a private group's images are for its members), else null. */
  iconUrl: string | null;
  memberCount: number;
  postCount: number;
  viewerStatus: 'member' | 'pending' | 'banned' | null;
};

function summaryColumns(viewer: Viewer) {
  // The group, named with its table inside each subquery (lib/sql.ts): a bare "id" would be the subquery's own.
  const groupId = qualified(groups.id);
  return {
    id: groups.id,
    slug: groups.slug,
    name: groups.name,
    description: groups.description,
    topic: groups.topic,
    accentColor: groups.accentColor,
    visibility: groups.visibility,
    iconMediaId: groups.iconMediaId,
    memberCount: sql<number>`(select count(*)::int from group_members m where m.group_id = ${groupId})`,
    postCount: sql<number>`(select count(*)::int from posts p where p.group_id = ${groupId} and p.removed_at is null)`,
    viewerStatus: sql<GroupSummary['viewerStatus']>`case
      when exists (select 1 from group_bans b where b.group_id = ${groupId} and b.user_id = ${viewer.id}) then 'banned'
      when exists (select 1 from group_members m where m.group_id = ${groupId} and m.user_id = ${viewer.id}) then 'member'
      when exists (select 1 from group_join_requests r where r.group_id = ${groupId} and r.user_id = ${viewer.id} and r.status = 'pending') then 'pending'
      end`,
  };
}

/**
 * The URL of a group's icon or banner for a viewer, or null when there is none or the viewer may not see it: a
 * public group's images are public, a private group's are for its members (as the media route decides too).
 */
function groupImageUrl(mediaId: string | null, group: { visibility: GroupSummary['visibility'] }, isMember: boolean) {
  if (!mediaId || (group.visibility !== 'public' && !isMember)) return null;
  return groupMediaUrl(mediaId, group.visibility);
}

const toSummary = (r: Omit<GroupSummary, 'iconUrl'>): GroupSummary => ({
  ...r,
  iconUrl: groupImageUrl(r.iconMediaId, r, r.viewerStatus === 'member'),
  memberCount: Number(r.memberCount),
  postCount: Number(r.postCount),
});

/** The directory: every group (private ones too — their posts stay private), searchable and filterable by topic. */
export async function listGroups(viewer: Viewer, filter: { q?: string; topic?: string } = {}): Promise<GroupSummary[]> {
  const q = filter.q?.trim().slice(0, 100);
  const rows = await db
    .select(summaryColumns(viewer))
    .from(groups)
    .where(
      and(
        q ? or(ilike(groups.name, `%${escapeLike(q)}%`), ilike(groups.description, `%${escapeLike(q)}%`), ilike(groups.topic, `%${escapeLike(q)}%`)) : undefined,
        filter.topic ? eq(groups.topic, filter.topic) : undefined,
      ),
    )
    .orderBy(desc(sql`(select count(*) from group_members m where m.group_id = ${groups.id})`), asc(groups.name));
  return rows.map(toSummary);
}

export async function listTopics() {
  const rows = await db.selectDistinct({ topic: groups.topic }).from(groups).orderBy(groups.topic);
  return rows.map((r) => r.topic);
}

/** What the viewer may do here, for the UI to show only those controls (the actions check again). */
function abilities(actor: Actor, group: { visibility: 'public' | 'request' | 'invite' }) {
  const check = (action: GroupAction) => can(actor, action, { groupVisibility: group.visibility }).allowed;
  return {
    join: check('join'),
    requestToJoin: check('request_to_join'),
    leave: check('leave'),
    comment: check('comment'),
    react: check('react'),
    invite: check('invite'),
    pin: check('pin'),
    lock: check('lock'),
    removeContent: check('remove_content'),
    manage:
      check('manage_settings') || check('manage_roles') || check('manage_channels') || check('manage_members') || check('approve_requests') || check('view_audit_log') || check('manage_celebrations') || check('review_reports'),
  };
}

export async function getGroupPage(viewer: Viewer, slug: string, channelName?: string) {
  const loaded = await loadGroupActor(db, { slug }, viewer.id);
  if (!loaded) return null;
  const { group, actor, roles } = loaded;
  const [summary] = await db.select(summaryColumns(viewer)).from(groups).where(eq(groups.id, group.id));
  const canSeeContent = group.visibility === 'public' ? !actor.banned : actor.isMember;
  const channelRows = await db
    .select()
    .from(channels)
    .where(and(eq(channels.groupId, group.id), isNull(channels.archivedAt)))
    .orderBy(asc(channels.position), asc(channels.name));
  const channel = channelName ? channelRows.find((c) => c.name === channelName.toLowerCase()) : undefined;
  const [membership] = actor.isMember
    ? await db.select({ welcomedAt: groupMembers.welcomedAt }).from(groupMembers).where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.userId, viewer.id)))
    : [];
  const topRole = actor.roles.filter((r) => r.builtin !== 'member').sort((a, b) => b.position - a.position)[0];
  return {
    group: {
      id: group.id,
      slug: group.slug,
      name: group.name,
      description: group.description,
      topic: group.topic,
      rules: group.rules,
      accentColor: group.accentColor,
      visibility: group.visibility,
      joinQuestions: group.joinQuestions,
      iconMediaId: group.iconMediaId,
      bannerMediaId: group.bannerMediaId,
      iconUrl: groupImageUrl(group.iconMediaId, group, actor.isMember),
      bannerUrl: groupImageUrl(group.bannerMediaId, group, actor.isMember),
      createdAt: new Date(group.createdAt),
    },
    summary: toSummary(summary),
    canSeeContent,
    channels: channelRows.map((c) => ({ id: c.id, name: c.name, description: c.description, canPost: can(actor, 'post', { channel: channelInfo(c) }).allowed })),
    channel: channel ? { id: channel.id, name: channel.name, description: channel.description } : null,
    channelNotFound: Boolean(channelName && !channel),
    welcome:
      membership && !membership.welcomedAt
        ? renderWelcome(group.welcomeMessage, { name: viewer.name, group: group.name, memberCount: Number(summary.memberCount) })
        : null,
    viewerRole: topRole ? { name: topRole.name, color: roles.find((r) => r.id === topRole.id)?.color } : null,
    can: abilities(actor, group),
  };
}

/** Top role colour and name beside each author's name in a group. */
export async function getMemberBadges(groupId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, { name: string; color: string }>();
  const rows = await db
    .select({ userId: groupMemberRoles.userId, name: groupRoles.name, color: groupRoles.color, position: groupRoles.position })
    .from(groupMemberRoles)
    .innerJoin(groupRoles, eq(groupRoles.id, groupMemberRoles.roleId))
    .where(and(eq(groupMemberRoles.groupId, groupId), sql`${groupMemberRoles.userId} in ${userIds}`));
  const best = new Map<string, { name: string; color: string; position: number }>();
  for (const r of rows) if ((best.get(r.userId)?.position ?? -1) < r.position) best.set(r.userId, r);
  return new Map([...best].map(([k, v]) => [k, { name: v.name, color: v.color }]));
}

/** Everything the settings pages show; null when the viewer may not manage anything in this group. */
export async function getGroupSettings(viewer: Viewer, slug: string) {
  const loaded = await loadGroupActor(db, { slug }, viewer.id);
  if (!loaded) return null;
  const { group, actor, roles } = loaded;
  const check = (action: GroupAction) => can(actor, action).allowed;
  const allowed = {
    settings: check('manage_settings'),
    channels: check('manage_channels'),
    roles: check('manage_roles'),
    members: check('manage_members'),
    invites: check('invite'),
    requests: check('approve_requests'),
    audit: check('view_audit_log'),
    celebrations: check('manage_celebrations'),
    reports: check('review_reports'),
    transfer: check('transfer_ownership'),
  };
  if (!Object.values(allowed).some(Boolean)) return null;

  const [channelRows, memberRows, inviteRows, requestRows, banRows, auditRows] = await Promise.all([
    db.select().from(channels).where(eq(channels.groupId, group.id)).orderBy(asc(channels.position), asc(channels.name)),
    db
      .select({
        userId: users.id,
        name: users.name,
        handle: users.handle,
        image: users.image,
        joinedAt: groupMembers.joinedAt,
        roleIds: sql<string[] | string>`coalesce((select array_agg(mr.role_id) from group_member_roles mr where mr.group_id = ${group.id} and mr.user_id = ${users.id}), '{}')`,
      })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .where(eq(groupMembers.groupId, group.id))
      .orderBy(asc(groupMembers.joinedAt)),
    allowed.invites
      ? db
          .select({ id: groupInvites.id, expiresAt: groupInvites.expiresAt, maxUses: groupInvites.maxUses, uses: groupInvites.uses, revokedAt: groupInvites.revokedAt, createdAt: groupInvites.createdAt, creatorHandle: users.handle })
          .from(groupInvites)
          .leftJoin(users, eq(users.id, groupInvites.creatorId))
          .where(eq(groupInvites.groupId, group.id))
          .orderBy(desc(groupInvites.createdAt))
      : Promise.resolve([]),
    allowed.requests
      ? db
          .select({ id: groupJoinRequests.id, answers: groupJoinRequests.answers, createdAt: groupJoinRequests.createdAt, userId: users.id, name: users.name, handle: users.handle })
          .from(groupJoinRequests)
          .innerJoin(users, eq(users.id, groupJoinRequests.userId))
          .where(and(eq(groupJoinRequests.groupId, group.id), eq(groupJoinRequests.status, 'pending')))
          .orderBy(asc(groupJoinRequests.createdAt))
      : Promise.resolve([]),
    allowed.members
      ? db
          .select({ userId: users.id, name: users.name, handle: users.handle, reason: groupBans.reason, createdAt: groupBans.createdAt })
          .from(groupBans)
          .innerJoin(users, eq(users.id, groupBans.userId))
          .where(eq(groupBans.groupId, group.id))
          .orderBy(desc(groupBans.createdAt))
      : Promise.resolve([]),
    allowed.audit
      ? db
          .select({
            id: groupAuditLog.id,
            action: groupAuditLog.action,
            details: groupAuditLog.details,
            createdAt: groupAuditLog.createdAt,
            actorHandle: sql<string | null>`(select handle from users u where u.id = ${groupAuditLog.actorId})`,
            targetHandle: sql<string | null>`(select handle from users u where u.id = ${groupAuditLog.targetUserId})`,
          })
          .from(groupAuditLog)
          .where(eq(groupAuditLog.groupId, group.id))
          .orderBy(desc(groupAuditLog.createdAt))
          .limit(200)
      : Promise.resolve([]),
  ]);

  const roleById = new Map(roles.map((r) => [r.id, r]));
  const members = memberRows.map((m) => {
    const held = parseArray(m.roleIds).map((id) => roleById.get(id)).filter((r): r is RoleInfo => Boolean(r));
    const position = held.some((r) => r.builtin === 'owner') ? 1000 : Math.max(0, ...held.map((r) => r.position));
    return {
      userId: m.userId,
      name: m.name ?? m.handle,
      handle: m.handle,
      image: m.image,
      joinedAt: new Date(m.joinedAt),
      roles: held,
      position,
      isSelf: m.userId === viewer.id,
      canActOn: m.userId !== viewer.id && can(actor, 'act_on_member', { memberPosition: position }).allowed,
    };
  });
  return {
    group,
    images: { iconUrl: groupImageUrl(group.iconMediaId, group, actor.isMember), bannerUrl: groupImageUrl(group.bannerMediaId, group, actor.isMember) },
    actor,
    roles: (await listRoles(db, group.id)).map((r) => ({
      ...r,
      memberCount: members.filter((m) => m.roles.some((held) => held.id === r.id)).length + (r.builtin === 'member' ? members.length - members.filter((m) => m.roles.length).length : 0),
      editable: r.builtin !== 'owner' && can(actor, 'edit_role', { rolePosition: r.position }).allowed,
    })),
    channels: channelRows,
    members,
    invites: inviteRows,
    requests: requestRows,
    bans: banRows,
    audit: auditRows,
    allowed,
  };
}

export type GroupSettings = NonNullable<Awaited<ReturnType<typeof getGroupSettings>>>;


/** The permission checker: what one member can do in one channel, and why. */
/** What one member may do, in one channel, permission by permission, with the reason (null for a non-member). */
export type PermissionCheck = NonNullable<Awaited<ReturnType<typeof checkPermissions>>>;

export async function checkPermissions(settings: GroupSettings, userId: string, channelId?: string) {
  const member = settings.members.find((m) => m.userId === userId);
  if (!member) return null;
  const memberRole = settings.roles.find((r) => r.builtin === 'member');
  const actor: Actor = {
    userId: member.userId,
    isMember: true,
    isOwner: member.roles.some((r) => r.builtin === 'owner'),
    banned: false,
    roles: [...member.roles, ...(memberRole ? [memberRole] : [])],
  };
  const channel = settings.channels.find((c) => c.id === channelId);
  return { member, channel, results: explainPermissions(actor, channel ? channelInfo(channel) : undefined) };
}

/** An invite link's state, for the invite page. */
export async function getInvite(code: string) {
  const [row] = await db
    .select({ invite: groupInvites, group: { slug: groups.slug, name: groups.name, description: groups.description, accentColor: groups.accentColor } })
    .from(groupInvites)
    .innerJoin(groups, eq(groups.id, groupInvites.groupId))
    .where(eq(groupInvites.id, code))
    .limit(1);
  return row ?? null;
}


/**
 * The groups a person belongs to, with their top role's name, as another person (or a signed-out visitor) may
 * see them: public groups, plus private groups the viewer belongs to as well.
 */
export async function listMemberships(viewer: Viewer | null, userId: string) {
  const viewerId = viewer?.id ?? null;
  return db
    .select({
      slug: groups.slug,
      name: groups.name,
      role: sql<string>`coalesce((
        select r.name from group_member_roles mr join group_roles r on r.id = mr.role_id
        where mr.group_id = ${groups.id} and mr.user_id = ${userId} order by r.position desc limit 1), 'Member')`,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(
      and(
        eq(groupMembers.userId, userId),
        viewerId === userId
          ? undefined
          : or(eq(groups.visibility, 'public'), viewerId ? sql`exists (select 1 from group_members vm where vm.group_id = ${groups.id} and vm.user_id = ${viewerId})` : sql`false`),
      ),
    )
    .orderBy(asc(groups.name));
}
