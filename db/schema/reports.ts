import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';
import { groups } from './groups';

export const reportTargetKinds = ['post', 'comment', 'profile', 'group'] as const;
export type ReportTargetKind = (typeof reportTargetKinds)[number];

export const reportReasons = ['spam', 'harassment', 'hate', 'self_harm', 'illegal', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

export const reportStatuses = ['open', 'resolved'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** What the moderators did about a target; 'gone' when the reported account was erased before anyone acted. */
export const reportOutcomes = ['dismissed', 'removed', 'locked', 'banned', 'suspended', 'gone'] as const;
export type ReportOutcome = (typeof reportOutcomes)[number];

/**
 * A member's report of a post, comment, profile or group (lib/reports). `group_id` is the queue it goes to: the
 * group whose moderators review it, or null for the instance's moderators. The target is named by kind and id
 * (no foreign key: a report outlives a deleted post, and the queue says it was deleted). The reporter is never
 * shown to the person reported, nor to moderators.
 */
export const reports = pgTable(
  'reports',
  {
    id: id(),
    reporterId: text('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetKind: text('target_kind', { enum: reportTargetKinds }).notNull(),
    targetId: text('target_id').notNull(),
    /** The person the report is about (the author, or the profile's owner); null for a group, or once they erase their account. */
    targetUserId: text('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The group whose moderators review it; null: the instance's moderators. */
    groupId: text('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: reportReasons }).notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: reportStatuses }).notNull().default('open'),
    outcome: text('outcome', { enum: reportOutcomes }),
    /** The moderators' note or removal reason, as the reporter is told it. */
    resolutionNote: text('resolution_note'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedById: text('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    // Reporting the same thing twice while it is open is one report.
    uniqueIndex('reports_open_key').on(t.reporterId, t.targetKind, t.targetId).where(sql`${t.status} = 'open'`),
    index('reports_queue_idx').on(t.groupId, t.status, t.createdAt),
    index('reports_target_idx').on(t.targetKind, t.targetId),
    index('reports_target_user_idx').on(t.targetUserId),
    index('reports_resolved_by_idx').on(t.resolvedById),
  ],
);

export type Report = typeof reports.$inferSelect;
