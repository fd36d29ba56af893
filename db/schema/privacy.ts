// Privacy: handles held back after an account is erased (stored only as a digest, so no trace of the handle
// remains in readable form), and the sessions of each person, so they can see and end them one by one.
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A handle whose account was erased: nobody may register it until the cool-down has passed. */
export const releasedHandles = pgTable('released_handles', {
  /** SHA-256 of "hearth:handle:" + the lower-cased handle. */
  handleDigest: text('handle_digest').primaryKey(),
  releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
