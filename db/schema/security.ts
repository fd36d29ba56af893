import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window rate-limit counters, shared by every app instance through the database.
 * Keys are HMACs of (rule, subject) keyed by the server secret: no IP address or email is stored in the clear.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    count: integer('count').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('rate_limits_expires_idx').on(t.expiresAt)],
);

/**
 * Scheduled runs claimed by day: the instance that inserts the row runs the job, every other instance (and every
 * later tick) sees it and does not (lib/jobs.ts). A run that started but never finished can be claimed again after
 * an hour (its instance died). No personal data.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    /** Which process ran it (host and pid), for the operator reading the table. */
    runner: text('runner').notNull(),
    outcome: text('outcome'),
  },
  (t) => [primaryKey({ columns: [t.job, t.day] })],
);
