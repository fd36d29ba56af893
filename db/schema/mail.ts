import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';

/**
 * Outgoing mail: written with what it is about, sent over SMTP by the mail worker (lib/mail/worker.ts), shown at
 * /dev/mail in development. `user_id` is the account the message is about.
 */
export const outboxStatuses = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

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
    /** queued → sending (claimed by one worker) → sent, or failed after the last retry (lib/mail). */
    status: text('status', { enum: outboxStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    /**
     * While 'sending': until when the worker that claimed the row holds it (lib/mail/worker.ts). A worker that died
     * mid-send leaves a lease that runs out, and another worker takes the row again.
     */
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    /** The site's address when the mail was written, for the links the sender adds (unsubscribe); AUTH_URL when null. */
    origin: text('origin'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_user_idx').on(t.userId), index('outbox_created_idx').on(t.createdAt), index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * A person's choice per kind of mail they may turn off (lib/mail/preferences.ts): no row means the kind's default.
 * The one-click unsubscribe in every such mail writes `enabled = false` here.
 */
export const mailPreferences = pgTable(
  'mail_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export const digestFrequencies = ['daily', 'weekly'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

/** People who asked for the personal digest mail (off by default: no row, no digest). */
export const digestSubscriptions = pgTable('digest_subscriptions', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  frequency: text('frequency', { enum: digestFrequencies }).notNull(),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
});

/**
 * Password reset links (lib/auth/password-reset.ts): only the SHA-256 of the mailed token is kept, usable once,
 * for 30 minutes; the daily job deletes expired and used ones.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('password_resets_token_key').on(t.tokenHash), index('password_resets_user_idx').on(t.userId)],
);
