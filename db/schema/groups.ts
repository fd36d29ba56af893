import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { media } from './media';
import { users } from './auth';
import { createdAt, id } from './columns';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const groupVisibilities = ['public', 'request', 'invite'] as const;
export type GroupVisibility = (typeof groupVisibilities)[number];

export const groups = pgTable(
  'groups',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    topic: text('topic').notNull(),
    /** Ordered rules, shown on the group page. */
    rules: jsonb('rules').$type<string[]>().notNull().default([]),
    accentColor: text('accent_color').notNull().default('#b4471f'),
    /** Shown personally to each new member: {name}, {group} and {memberCount} are filled in. */
    welcomeMessage: text('welcome_message').notNull().default(''),
    visibility: text('visibility', { enum: groupVisibilities }).notNull().default('public'),
    /** Up to three questions asked of people who request to join. */
    joinQuestions: jsonb('join_questions').$type<string[]>().notNull().default([]),
    iconMediaId: text('icon_media_id').references((): AnyPgColumn => media.id, { onDelete: 'set null' }),
    bannerMediaId: text('banner_media_id').references((): AnyPgColumn => media.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('groups_slug_lower_key').on(sql`lower(${t.slug})`),
    index('groups_search_trgm_idx').using('gin', sql`lower(${t.name} || ' ' || ${t.topic}) gin_trgm_ops`),
  ],
);

export const builtinRoles = ['owner', 'admin', 'moderator', 'member'] as const;
export type BuiltinRole = (typeof builtinRoles)[number];

/** Roles of a group: the four built-in ones plus custom roles. Higher position = more senior. */
export const groupRoles = pgTable(
  'group_roles',
  {
    id: id(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color').notNull().default('#6b7280'),
    position: integer('position').notNull(),
    permissions: text('permissions').array().notNull().default([]),
    builtin: text('builtin', { enum: builtinRoles }),
    createdAt: createdAt(),
  },
  (t) => [
    index('group_roles_group_idx').on(t.groupId, t.position),
    uniqueIndex('group_roles_builtin_key').on(t.groupId, t.builtin),
    uniqueIndex('group_roles_name_key').on(t.groupId, sql`lower(${t.name})`),
  ],
);

/** Who belongs to which group. Every member holds the built-in Member role implicitly. */
export const groupMembers = pgTable(
  'group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: at('joined_at').notNull().defaultNow(),
    /** Set once the personal welcome message has been shown. */
    welcomedAt: at('welcomed_at'),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user_idx').on(t.userId)],
);

/** Roles held by a member beyond the implicit Member role. */
export const groupMemberRoles = pgTable(
  'group_member_roles',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: text('role_id')
      .notNull()
      .references(() => groupRoles.id, { onDelete: 'cascade' }),
    grantedAt: at('granted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId, t.roleId] }), index('group_member_roles_user_idx').on(t.userId)],
);

export const channels = pgTable(
  'channels',
  {
    id: id(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    /** Empty: everyone whose roles allow posting may post. Otherwise only holders of these roles (and the owner). */
    postRoleIds: text('post_role_ids').array().notNull().default([]),
    archivedAt: at('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [index('channels_group_idx').on(t.groupId, t.position), uniqueIndex('channels_name_key').on(t.groupId, sql`lower(${t.name})`)],
);

export const joinRequestStatuses = ['pending', 'approved', 'denied'] as const;

export const groupJoinRequests = pgTable(
  'group_join_requests',
  {
    id: id(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<string[]>().notNull().default([]),
    status: text('status', { enum: joinRequestStatuses }).notNull().default('pending'),
    decidedBy: text('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('group_join_requests_group_idx').on(t.groupId, t.status),
    uniqueIndex('group_join_requests_pending_key').on(t.groupId, t.userId).where(sql`${t.status} = 'pending'`),
    index('group_join_requests_user_idx').on(t.userId),
  ],
);

export const groupInvites = pgTable(
  'group_invites',
  {
    /** The code in the link: unguessable. */
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    creatorId: text('creator_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: at('expires_at'),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    revokedAt: at('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('group_invites_group_idx').on(t.groupId), index('group_invites_creator_idx').on(t.creatorId)],
);

export const groupBans = pgTable(
  'group_bans',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    bannedBy: text('banned_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_bans_user_idx').on(t.userId)],
);

/** Every administrative action in a group: who did what, to whom, when. */
export const groupAuditLog = pgTable(
  'group_audit_log',
  {
    id: id(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetUserId: text('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('group_audit_log_group_idx').on(t.groupId, t.createdAt.desc()), index('group_audit_log_actor_idx').on(t.actorId), index('group_audit_log_target_idx').on(t.targetUserId)],
);

export type Group = typeof groups.$inferSelect;
export type GroupRoleRow = typeof groupRoles.$inferSelect;
export type Channel = typeof channels.$inferSelect;
