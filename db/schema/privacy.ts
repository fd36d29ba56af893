// Privacy: handles held back after an account is erased (stored only as a digest, so no trace of the handle
// remains in readable form), and the sessions of each person, so they can see and end them one by one.
import { boolean, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';

/** A handle whose account was erased: nobody may register it until the cool-down has passed. */
export const releasedHandles = pgTable('released_handles', {
  /** SHA-256 of "hearth:handle:" + the lower-cased handle. */
  handleDigest: text('handle_digest').primaryKey(),
  releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * One row per signed-in browser, recorded at sign-in and named in its session token: deleting the row signs
 * that browser out. Only a summary of the browser is kept ("Firefox on Android"), never the IP address.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    device: text('device').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId, t.lastSeenAt)],
);

/** What a person has agreed to right now, one row per consent they have answered (an unanswered one is off). */
export const consents = pgTable(
  'consents',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    granted: boolean('granted').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * Every answer to a consent — the first one (even a "no", or skipping the question) and every change after it: what,
 * when, old → new, and where it was given. Shown to the person on their privacy page and in their export.
 */
export const consentLog = pgTable(
  'consent_log',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    oldValue: boolean('old_value').notNull(),
    newValue: boolean('new_value').notNull(),
    /** Where the answer was given (lib/privacy/consent.ts consentSources); null for answers logged before it was kept. */
    via: text('via'),
    createdAt: createdAt(),
  },
  (t) => [index('consent_log_user_idx').on(t.userId, t.createdAt)],
);
