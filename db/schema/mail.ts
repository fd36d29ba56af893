import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';

/**
 * Outgoing mail. Hearth has no mail server yet: messages wait here (a sender would deliver them), and in
 * development they are shown at /dev/mail. `user_id` is the account the message is about.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** What the message is (lib/mail/outbox.ts `mailKinds`): decides whether it carries a one-click unsubscribe. */
    kind: text('kind').notNull().default('account'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_user_idx').on(t.userId), index('outbox_created_idx').on(t.createdAt)],
);
