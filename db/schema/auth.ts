import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';

export const instanceRoles = ['admin', 'moderator'] as const;
export type InstanceRole = (typeof instanceRoles)[number];

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Display name (Auth.js calls it `name`). */
    name: text('name'),
    email: text('email').notNull(),
    emailVerified: timestamp('email_verified', { withTimezone: true, mode: 'date' }),
    image: text('image'),
    handle: text('handle').notNull(),
    /** argon2id hash; null for accounts that only sign in through OAuth. */
    passwordHash: text('password_hash'),
    /** Bumped to end every session of this person (sign out everywhere, password change, erasure). */
    sessionVersion: integer('session_version').notNull().default(0),
    /**
     * Bumped by every action of this person: anything computed for them and kept in an instance's memory
     * (lib/cache/person-cache.ts) is used only while this is unchanged, so every instance forgets it at once.
     */
    cacheVersion: integer('cache_version').notNull().default(0),
    /** Who runs the instance: 'admin' (everything in /admin) or 'moderator' (the instance report queue, suspensions). */
    instanceRole: text('instance_role', { enum: instanceRoles }),
    /** A suspended person may sign in only to read why, export their data and delete their account (lib/admin/suspension.ts). */
    suspendedAt: timestamp('suspended_at', { withTimezone: true, mode: 'date' }),
    suspensionReason: text('suspension_reason'),
    suspendedById: text('suspended_by_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_handle_lower_key').on(sql`lower(${t.handle})`),
    // Search: trigram matching of names and handles (pg_trgm, on both engines).
    index('users_name_trgm_idx').using('gin', sql`lower(coalesce(${t.name}, '') || ' ' || ${t.handle}) gin_trgm_ops`),
  ],
);

/** OAuth accounts linked to a person (Auth.js adapter table). */
export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * A pending change of email address: confirmed by a link sent to the new address. Only the SHA-256 of the link's
 * token is kept; a row is used once (used_at) and expires after a day.
 */
export const emailChanges = pgTable(
  'email_changes',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    newEmail: text('new_email').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('email_changes_token_key').on(t.tokenHash), index('email_changes_user_idx').on(t.userId)],
);

/**
 * Sign-ups waiting for their address to be confirmed. No account exists until the mailed link is opened, so the
 * sign-up form answers the same whether or not an address is registered. Holds what the form was given (the
 * password only as its argon2id hash) for a day, then the daily job deletes it; there is no person to show it to
 * in a dashboard yet.
 */
export const pendingSignups = pgTable(
  'pending_signups',
  {
    id: id(),
    /** Always stored lower-cased (lib/auth/signup.ts), so the unique key is on the column itself. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    handle: text('handle').notNull(),
    passwordHash: text('password_hash').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The answer to the approval question, when registration needed approval at sign-up. */
    approvalAnswer: text('approval_answer'),
    /** The instance invite the sign-up came with (checked again, and used, when the account is made). */
    inviteCode: text('invite_code'),
  },
  (t) => [uniqueIndex('pending_signups_token_key').on(t.tokenHash), uniqueIndex('pending_signups_email_key').on(t.email), index('pending_signups_expires_idx').on(t.expiresAt)],
);
