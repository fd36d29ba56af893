import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const profiles = pgTable('profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  bio: text('bio').notNull().default(''),
  pronouns: text('pronouns').notNull().default(''),
  location: text('location').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type Profile = typeof profiles.$inferSelect;
