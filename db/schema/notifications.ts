import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';
import { groups } from './groups';

// Stored as plain text (no check constraint, no enum type): a new kind needs no migration.
export const notificationKinds = ['reply', 'mention', 'reaction', 'follow', 'join_request', 'approval', 'moderation', 'milestone', 'celebration', 'thank_you', 'ownership', 'report_outcome'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** In-app notifications, one row per event; reactions are batched when read ("Ana and 4 others"). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    groupId: text('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    /** Where the notification leads (a post, a group's requests, a profile). */
    link: text('link').notNull(),
    /** What it is about, for batching (e.g. the post reacted to). */
    subjectId: text('subject_id'),
    /** Short texts shown in the notification (already the recipient's to see). */
    data: jsonb('data').$type<Record<string, string | number>>().notNull().default({}),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    /** When a Web Push for it was claimed (lib/push): set once, by whichever instance claims it first. */
    pushedAt: timestamp('pushed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt.desc()), index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`), index('notifications_actor_idx').on(t.actorId)],
);

/** Per-kind choices; no row means the default (on). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    enabled: boolean('enabled').notNull(),
    /** Also sent as a Web Push to the person's subscribed devices (off until they turn it on, kind by kind). */
    push: boolean('push').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export const milestoneVisibilities = ['everyone', 'members', 'only_me'] as const;
export type MilestoneVisibility = (typeof milestoneVisibilities)[number];

/** Milestones a person has earned, each exactly once (the unique index, not a hope). */
export const milestones = pgTable(
  'milestones',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    /** For group-scoped milestones (membership anniversaries); '' for personal ones. */
    scope: text('scope').notNull().default(''),
    /** The group it happened in (a first post in a group, an anniversary, a group's own milestone): its members may celebrate it. */
    groupId: text('group_id').references(() => groups.id, { onDelete: 'set null' }),
    /** The wording of a group-defined milestone as it was when earned ('' for built-in rules, worded in code). */
    title: text('title').notNull().default(''),
    message: text('message').notNull().default(''),
    /** Who sees it in Memories on the profile (and whether it is celebrated to others at all): the person's choice. */
    visibility: text('visibility', { enum: milestoneVisibilities }).notNull().default('everyone'),
    earnedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('milestones_once_key').on(t.userId, t.rule, t.scope),
    index('milestones_earned_idx').on(t.earnedAt.desc()),
    index('milestones_group_idx').on(t.groupId, t.earnedAt.desc()),
  ],
);

export const goalKinds = ['posts', 'comments', 'groups_joined', 'reactions_given'] as const;
export type GoalKind = (typeof goalKinds)[number];
export const goalPeriods = ['week', 'month'] as const;
export type GoalPeriod = (typeof goalPeriods)[number];

/** Personal goals ("post 4 times this month"): progress is counted, never a streak to lose. */
export const goals = pgTable(
  'goals',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: goalKinds }).notNull(),
    target: integer('target').notNull(),
    period: text('period', { enum: goalPeriods }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('goals_user_idx').on(t.userId)],
);

/**
 * A browser that asked for Web Push (one row per device): the push service's endpoint and the keys to encrypt for it.
 * Listed, named and removable in the privacy dashboard; deleted when the push service says it is gone (404/410).
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** "Firefox on Linux": from the browser that subscribed. */
    device: text('device').notNull(),
    createdAt: createdAt(),
    lastPushedAt: timestamp('last_pushed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)],
);
