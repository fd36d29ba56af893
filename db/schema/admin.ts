import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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

export const registrationModes = ['open', 'approval', 'invite', 'closed'] as const;
export type RegistrationMode = (typeof registrationModes)[number];

/** The instance's settings: one row (id 'site'); until an admin saves them, the defaults in lib/admin/site.ts apply. */
export const siteSettings = pgTable('site_settings', {
  id: text('id').primaryKey().default('site'),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  rules: jsonb('rules').$type<string[]>().notNull().default([]),
  contactEmail: text('contact_email').notNull().default(''),
  /** BCP 47 tag of the language mails are written in (their lang attribute and Content-Language). */
  mailLanguage: text('mail_language').notNull().default('en'),
  registrationMode: text('registration_mode', { enum: registrationModes }).notNull().default('open'),
  /** Asked of people who sign up while registration needs approval. */
  approvalQuestion: text('approval_question').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedById: text('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
});
