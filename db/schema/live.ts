import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const liveEventKinds = ['notification', 'comment', 'reaction', 'post', 'join_request', 'celebration', 'congratulation', 'report'] as const;
export type LiveEventKind = (typeof liveEventKinds)[number];

/**
 * What just happened, as ids only, for the live streams (lib/live): written by triggers on the tables themselves
 * (migrations 0017 and 0024), so no write path can forget to announce itself, and announced with NOTIFY on commit. Kept one
 * hour so a stream that reconnects with Last-Event-ID is sent what it missed; the daily job and each instance's
 * listener delete older rows.
 */
export const liveEvents = pgTable(
  'live_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: liveEventKinds }).notNull(),
    /** The person a notification is for. */
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    postId: text('post_id'),
    groupId: text('group_id'),
    /** The row that was written (a notification, comment, join request, milestone or report; for a congratulation, its milestone). */
    subjectId: text('subject_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('live_events_created_idx').on(t.createdAt), index('live_events_user_idx').on(t.userId)],
);
