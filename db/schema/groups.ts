import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';

export const groups = pgTable(
  'groups',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    topic: text('topic').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('groups_slug_lower_key').on(sql`lower(${t.slug})`)],
);

export const groupRoles = ['owner', 'admin', 'moderator', 'member'] as const;
export type GroupRole = (typeof groupRoles)[number];

/** Who belongs to which group; the owner is the member whose role is 'owner'. */
export const groupMembers = pgTable(
  'group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: groupRoles }).notNull().default('member'),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user_idx').on(t.userId)],
);

export type Group = typeof groups.$inferSelect;
