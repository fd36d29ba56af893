import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';
import { media } from './media';
import { posts } from './posts';

export const profileVisibilities = ['everyone', 'members', 'only_me'] as const;
export type ProfileVisibility = (typeof profileVisibilities)[number];
export const profileLayouts = ['classic', 'split'] as const;
export type ProfileLayout = (typeof profileLayouts)[number];
export const avatarShapes = ['circle', 'rounded', 'square'] as const;
export type AvatarShape = (typeof avatarShapes)[number];

export const profiles = pgTable('profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Markdown, rendered and sanitized on the server when shown. */
  bio: text('bio').notNull().default(''),
  pronouns: text('pronouns').notNull().default(''),
  location: text('location').notNull().default(''),
  /** Up to four http(s) URLs. */
  links: jsonb('links').$type<string[]>().notNull().default([]),
  /** '#rrggbb', or '' for Hearth's own accent. */
  accentColor: text('accent_color').notNull().default(''),
  /** A gradient name from lib/profiles/theme.ts, used when there is no banner image. */
  bannerGradient: text('banner_gradient').notNull().default('ember'),
  bannerMediaId: text('banner_media_id').references(() => media.id, { onDelete: 'set null' }),
  layout: text('layout', { enum: profileLayouts }).notNull().default('classic'),
  avatarMediaId: text('avatar_media_id').references(() => media.id, { onDelete: 'set null' }),
  /** The generated avatar (shown when there is no uploaded one): a DiceBear style, background and shape. */
  avatarStyle: text('avatar_style').notNull().default('thumbs'),
  /** 'rrggbb' without '#', or '' for the style's own colours. */
  avatarBackground: text('avatar_background').notNull().default(''),
  avatarShape: text('avatar_shape', { enum: avatarShapes }).notNull().default('circle'),
  visibility: text('visibility', { enum: profileVisibilities }).notNull().default('members'),
  showPosts: boolean('show_posts').notNull().default(true),
  showGroups: boolean('show_groups').notNull().default(true),
  showInterests: boolean('show_interests').notNull().default(true),
  showMilestones: boolean('show_milestones').notNull().default(true),
  suggestMe: boolean('suggest_me').notNull().default(false),
  pinnedPostId: text('pinned_post_id').references(() => posts.id, { onDelete: 'set null' }),
  /** IANA time zone for the greeting; null until set (then taken from the browser). */
  timeZone: text('time_zone'),
  /** When the current feed visit began, and when the one before it did ("new since your last visit"). */
  feedSeenAt: timestamp('feed_seen_at', { withTimezone: true, mode: 'date' }),
  feedPrevSeenAt: timestamp('feed_prev_seen_at', { withTimezone: true, mode: 'date' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** A person's former handle, redirecting to their profile for 30 days and held for them meanwhile. */
export const handleRedirects = pgTable(
  'handle_redirects',
  {
    /** Lower-cased. */
    oldHandle: text('old_handle').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('handle_redirects_user_idx').on(t.userId)],
);

/** The vocabulary of interests (issue 5 grows it; seeded from the demo group topics). */
export const interests = pgTable(
  'interests',
  {
    id: id(),
    slug: text('slug').notNull(),
    label: text('label').notNull(),
  },
  (t) => [
    uniqueIndex('interests_slug_key').on(sql`lower(${t.slug})`),
    index('interests_label_trgm_idx').using('gin', sql`lower(${t.slug} || ' ' || ${t.label}) gin_trgm_ops`),
  ],
);

export const userInterests = pgTable(
  'user_interests',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    interestId: text('interest_id')
      .notNull()
      .references(() => interests.id, { onDelete: 'cascade' }),
    /** Shown on the profile (when the interests section is visible). */
    showcased: boolean('showcased').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.interestId] }), index('user_interests_interest_idx').on(t.interestId)],
);

export type Profile = typeof profiles.$inferSelect;
export type Interest = typeof interests.$inferSelect;
