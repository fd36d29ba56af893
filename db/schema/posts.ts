import { sql } from 'drizzle-orm';
import { boolean, jsonb, check, index, integer, pgTable, primaryKey, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { media } from './media';
import { users } from './auth';
import { createdAt, id } from './columns';
import { channels, groups } from './groups';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const posts = pgTable(
  'posts',
  {
    id: id(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null for a post on the author's own profile. */
    groupId: text('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    channelId: text('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** The body rendered from markdown and sanitized, once, when it is written. */
    bodyHtml: text('body_html').notNull().default(''),
    createdAt: createdAt(),
    editedAt: at('edited_at'),
    pinnedAt: at('pinned_at'),
    commentsLocked: boolean('comments_locked').notNull().default(false),
    /** Removed by a moderator: hidden from others, the author sees why. */
    removedAt: at('removed_at'),
    removedReason: text('removed_reason'),
    removedBy: text('removed_by_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * How many reactions the post has, kept by a trigger on reactions (migration reaction_counts), so "most reacted
     * first" is an index walk instead of counting every post's reactions (For you's exploration source).
     */
    reactionCount: integer('reaction_count').notNull().default(0),
    /** Reactions per emoji ({"❤️": 3}), kept by the same triggers (migration post_counts): cards read it, not count. */
    reactionCounts: jsonb('reaction_counts').$type<Record<string, number>>().notNull().default({}),
    /** Comments not removed by moderators, kept by triggers on comments (migration post_counts). */
    commentCount: integer('comment_count').notNull().default(0),
  },
  (t) => [
    // DESC NULLS FIRST is what `order by created_at desc` means: drizzle's plain .desc() writes NULLS LAST, which
    // PostgreSQL cannot use for that order (it sorted whole windows instead of reading the newest rows; bench/README.md).
    index('posts_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('posts_reaction_count_idx').on(t.reactionCount.desc().nullsFirst(), t.createdAt.desc().nullsFirst()),
    index('posts_author_created_idx').on(t.authorId, t.createdAt.desc().nullsFirst()),
    index('posts_group_created_idx').on(t.groupId, t.createdAt.desc().nullsFirst()),
    index('posts_channel_created_idx').on(t.channelId, t.createdAt.desc().nullsFirst()),
    index('posts_removed_by_idx').on(t.removedBy),
    // Search: full text (English stemming) over the body.
    index('posts_body_fts_idx').using('gin', sql`to_tsvector('english', ${t.body})`),
  ],
);

/** Up to four images on a post, in order. The image itself belongs to its uploader (media). */
export const postImages = pgTable(
  'post_images',
  {
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    mediaId: text('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    alt: text('alt').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.postId, t.mediaId] }), index('post_images_media_idx').on(t.mediaId)],
);

/** Interest tags on posts, normalised (lowercase, a-z 0-9 and dashes). */
export const postTags = pgTable(
  'post_tags',
  {
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tag] }), index('post_tags_tag_idx').on(t.tag)],
);

/** People mentioned with @handle in a post. */
export const mentions = pgTable(
  'mentions',
  {
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('mentions_user_idx').on(t.userId)],
);

export const comments = pgTable(
  'comments',
  {
    id: id(),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** One level of replies: a reply's parent is always a top-level comment. */
    parentId: text('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    /** The body rendered when written (lib/posts/render.ts). Null only for comments from before that, until backfilled. */
    bodyHtml: text('body_html'),
    createdAt: createdAt(),
    editedAt: at('edited_at'),
    removedAt: at('removed_at'),
    removedReason: text('removed_reason'),
    removedBy: text('removed_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('comments_post_idx').on(t.postId, t.createdAt),
    index('comments_author_idx').on(t.authorId),
    index('comments_removed_by_idx').on(t.removedBy),
  ],
);

export const reactionEmoji = ['❤️', '👍', '🎉', '😂', '🤔', '🙏'] as const;
export type ReactionEmoji = (typeof reactionEmoji)[number];

export const reactions = pgTable(
  'reactions',
  {
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    createdAt: createdAt(),
  },
  // (user, time): For you's co-engagement reads a person's recent reactions, not all they ever made.
  (t) => [primaryKey({ columns: [t.postId, t.userId, t.emoji] }), index('reactions_user_idx').on(t.userId, t.createdAt)],
);

export const bookmarks = pgTable(
  'bookmarks',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.postId] }), index('bookmarks_post_idx').on(t.postId)],
);

/** Person-to-person follows. */
export const follows = pgTable(
  'follows',
  {
    followerId: text('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followeeId: text('followee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.followerId, t.followeeId] }), index('follows_followee_idx').on(t.followeeId), check('follows_not_self', sql`${t.followerId} <> ${t.followeeId}`)],
);

/** Interest tags a person follows. */
export const tagFollows = pgTable(
  'tag_follows',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tag] }), index('tag_follows_tag_idx').on(t.tag)],
);

export type Post = typeof posts.$inferSelect;
