// Who may join the instance: invite links for invite-only registration, and accounts waiting for an admin's
// decision while registration needs approval (lib/admin/registration.ts). Rows, not memory, so both survive
// restarts and hold across instances.
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt } from './columns';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An invite link to the instance (`/sign-up?invite=CODE`), made by an admin; used once per account it creates. */
export const instanceInvites = pgTable(
  'instance_invites',
  {
    /** The code in the link: 96 random bits. */
    id: text('id').primaryKey(),
    creatorId: text('creator_id').references(() => users.id, { onDelete: 'set null' }),
    /** A note for the admins (who the link was for); never shown to the person using it. */
    note: text('note').notNull().default(''),
    expiresAt: at('expires_at'),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    revokedAt: at('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('instance_invites_creator_idx').on(t.creatorId)],
);

/** An account whose address is confirmed but which waits for an admin to approve it; it cannot sign in until then. */
export const registrationApprovals = pgTable('registration_approvals', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The approval question as it was asked, and the answer given. */
  question: text('question').notNull().default(''),
  answer: text('answer').notNull().default(''),
  createdAt: createdAt(),
});
