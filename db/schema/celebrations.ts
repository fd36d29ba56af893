// Celebrations around milestones: a group's own milestones, its thank-you templates, congratulations and thank-you notes.
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';
import { groups } from './groups';
import { milestones } from './notifications';

export const groupMilestoneKinds = ['group_posts', 'membership_months', 'founding_day'] as const;
export type GroupMilestoneKind = (typeof groupMilestoneKinds)[number];

/** Milestones a group adds on top of the built-in rules, in its own words ("10 posts in Night Owls"). */
export const groupMilestones = pgTable(
  'group_milestones',
  {
    id: id(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: groupMilestoneKinds }).notNull(),
    /** N posts, or N months of membership; 0 for the founding day. */
    threshold: integer('threshold').notNull().default(0),
    title: text('title').notNull(),
    message: text('message').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('group_milestones_group_idx').on(t.groupId), index('group_milestones_creator_idx').on(t.createdBy)],
);

/** A group's personal thanks, one per milestone kind, sent as a notification when a member earns that milestone. */
export const thankYouTemplates = pgTable(
  'thank_you_templates',
  {
    id: id(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** A built-in rule key (first_post, post_10, membership_1 …) or `group:<group milestone id>`. */
    milestoneKind: text('milestone_kind').notNull(),
    body: text('body').notNull(),
    /** Whose thanks it is: the notification comes from them. */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('thank_you_templates_kind_key').on(t.groupId, t.milestoneKind), index('thank_you_templates_author_idx').on(t.authorId)],
);

/** "Congratulate" on a celebration card: one per person per milestone. */
export const congratulations = pgTable(
  'congratulations',
  {
    milestoneId: text('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.milestoneId, t.userId] }), index('congratulations_user_idx').on(t.userId)],
);

/** A personal thank-you note on someone's milestone, kept with it in their Memories. */
export const thankYouNotes = pgTable(
  'thank_you_notes',
  {
    id: id(),
    milestoneId: text('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    senderId: text('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('thank_you_notes_milestone_idx').on(t.milestoneId, t.createdAt), index('thank_you_notes_sender_idx').on(t.senderId)],
);

/**
 * A group's own milestones as a community (its first post, 10 / 100 / 1000 members, founding anniversaries), awarded
 * once each. About the group, not about a person: no personal data here.
 */
export const groupAchievements = pgTable(
  'group_achievements',
  {
    id: id(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    earnedAt: timestamp('earned_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('group_achievements_once_key').on(t.groupId, t.rule), index('group_achievements_earned_idx').on(t.earnedAt.desc())],
);
