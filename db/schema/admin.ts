import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';

/** Every action of the instance's admins and moderators: who did what, to whom, when (shown at /admin/audit). */
export const instanceAuditLog = pgTable(
  'instance_audit_log',
  {
    id: id(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetUserId: text('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('instance_audit_log_created_idx').on(t.createdAt.desc()), index('instance_audit_log_actor_idx').on(t.actorId), index('instance_audit_log_target_idx').on(t.targetUserId)],
);
