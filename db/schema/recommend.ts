// The recommendation module's state about a person: feed settings, the interest profile (explicit choice beside
// inferred score), implicit activity signals, feed controls ("show less", mutes, …), search history, the weekly
// Discover set and retention choices. Every table here is in the privacy registry: seen, exported and erasable.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { posts } from './posts';
import { createdAt, id } from './columns';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const userRef = () =>
  text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const feedModes = ['foryou', 'following', 'chronological'] as const;
export type FeedMode = (typeof feedModes)[number];

/** One row per person who has chosen anything about their feed (absent: For you, history on, not onboarded). */
export const feedPreferences = pgTable(
  'feed_preferences',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: feedModes }).notNull().default('foryou'),
    /** While paused, nothing implicit is recorded and the inferred profile is not used: explicit choices only. */
    historyPaused: boolean('history_paused').notNull().default(false),
    onboardedAt: at('onboarded_at'),
    /** When the person last reset personalization. */
    resetAt: at('reset_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [check('feed_preferences_mode', sql`${t.mode} in ('foryou', 'following', 'chronological')`)],
);

export const interestChoices = ['more', 'less', 'hide'] as const;
export type InterestChoice = (typeof interestChoices)[number];

/**
 * The interest profile: per person and tag, the explicit choice (more / less / hide; following is tag_follows) and
 * the inferred score. The score decays exponentially, so it is stored with the instant it is valued at and updated
 * incrementally: score(now) = inferred · 2^-(now − inferredAt)/half-life, plus each new signal's weight.
 */
export const interestScores = pgTable(
  'interest_scores',
  {
    userId: userRef(),
    tag: text('tag').notNull(),
    choice: text('choice', { enum: interestChoices }),
    choiceAt: at('choice_at'),
    inferred: real('inferred').notNull().default(0),
    inferredAt: at('inferred_at').notNull().defaultNow(),
    /** How many signals of each kind fed the inferred score ({"reaction": 12, "view": 30}). */
    signalCounts: jsonb('signal_counts').$type<Record<string, number>>().notNull().default({}),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.tag] }),
    check('interest_scores_choice', sql`${t.choice} is null or ${t.choice} in ('more', 'less', 'hide')`),
  ],
);

export const signalKinds = ['view', 'open'] as const;
export type SignalKind = (typeof signalKinds)[number];

/** Implicit signals: a post seen (≥ 50 % visible for ≥ 1 s) or opened. Recorded only with consent, never while paused. */
export const activitySignals = pgTable(
  'activity_signals',
  {
    id: id(),
    userId: userRef(),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: signalKinds }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('activity_signals_user_idx').on(t.userId, t.createdAt.desc()),
    index('activity_signals_user_post_idx').on(t.userId, t.postId),
    index('activity_signals_post_idx').on(t.postId),
    index('activity_signals_created_idx').on(t.createdAt),
  ],
);

export const feedControlKinds = [
  'less_author',
  'less_tag',
  'less_group',
  'not_interested',
  'mute_user',
  'mute_group',
  'mute_word',
  'quiet_group',
] as const;
export type FeedControlKind = (typeof feedControlKinds)[number];

/**
 * Everything a person has told the feed: show less (of an author, a topic, a group; for a while or always), not
 * interested (one post), mutes (people, groups, words), and "don't let my activity here shape my feed" (quiet_group).
 * Undoing keeps the row with endedAt set, so the person's history of controls can be seen and exported.
 */
export const feedControls = pgTable(
  'feed_controls',
  {
    id: id(),
    userId: userRef(),
    kind: text('kind', { enum: feedControlKinds }).notNull(),
    /** A user id, tag, group id, post id or word, depending on the kind. */
    target: text('target').notNull(),
    createdAt: createdAt(),
    /** Null: until undone. */
    expiresAt: at('expires_at'),
    endedAt: at('ended_at'),
  },
  (t) => [index('feed_controls_user_idx').on(t.userId, t.endedAt)],
);

/** Searches a person ran (not every keystroke of the type-ahead): shown as recent searches, deletable one by one. */
export const searchHistory = pgTable(
  'search_history',
  {
    id: id(),
    userId: userRef(),
    query: text('query').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('search_history_user_idx').on(t.userId, t.createdAt.desc()), index('search_history_created_idx').on(t.createdAt)],
);

export type DiscoverItem = { kind: 'post' | 'group' | 'person'; id: string; reason: string };

/** The weekly Discover set, stable for the ISO week it was built in. */
export const discoverSets = pgTable(
  'discover_sets',
  {
    userId: userRef(),
    week: text('week').notNull(),
    items: jsonb('items').$type<DiscoverItem[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.week] })],
);

export const retentionKinds = ['signals', 'search', 'notifications', 'profile'] as const;
export type RetentionKind = (typeof retentionKinds)[number];

/** How long each kind of data is kept before the daily purge removes it; null days: until deleted. */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    userId: userRef(),
    kind: text('kind', { enum: retentionKinds }).notNull(),
    days: integer('days'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), check('retention_days', sql`${t.days} is null or ${t.days} in (30, 90, 365)`)],
);

export type FeedControl = typeof feedControls.$inferSelect;
export type InterestScore = typeof interestScores.$inferSelect;

/** One precomputed For you item: the post and the explanation of its score, worked out when the list was ranked. */
export type ForYouItem = {
  postId: string;
  reasons: { text: string; href: string; label: string }[];
  breakdown: { label: string; value: string }[];
};

/**
 * The person's ranked For you list, precomputed (lib/recommend/for-you-list.ts): the page reads it instead of
 * ranking on every view. `items` is null once something the person did made it out of date (it is ranked again on
 * the next view); `stale` marks a list that new posts from their network have overtaken (served once more, then
 * ranked again in the background). `computedAt` is when the ranking started, by the database's clock; `changedAt`
 * when it was last made out of date, and `version` how many times: a ranking that started before is never stored.
 */
export const forYouLists = pgTable('for_you_lists', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  items: jsonb('items').$type<ForYouItem[]>(),
  computedAt: at('computed_at'),
  stale: boolean('stale').notNull().default(false),
  changedAt: at('changed_at').notNull().defaultNow(),
  /**
   * Bumped each time the list is made out of date by the person (forgetForYou). A ranking stores its result only if
   * the version is still the one it read when it started: equality of a number, not two machines' clocks.
   */
  version: integer('version').notNull().default(0),
});

/**
 * A person's taste vector, learned by the daily job (lib/recommend/taste.ts) from the engagements of everyone who
 * allows activity-based personalization: k numbers that say which posts people like them engage with. Personal data
 * (in the privacy registry: shown in "What Hearth thinks you like", exported, deleted on reset, consent withdrawal
 * and erasure). `engagements` is how many of the person's engagements it was learned from.
 */
export const tasteVectors = pgTable('taste_vectors', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  factors: real('factors').array().notNull(),
  /** ‖factors‖, for cosine similarity between people in SQL. */
  norm: real('norm').notNull(),
  engagements: integer('engagements').notNull(),
  trainedAt: at('trained_at').notNull(),
});

export const postFactorSources = ['daily', 'fold_in'] as const;

/**
 * A post's factors in the taste model: trained by the daily job, or folded in from the taste vectors of its early
 * engagers as they engage (`a`, `b`: the sums the fold-in solves from; only for folded-in posts). About posts, not
 * people: the sums mix many people's vectors and name none.
 */
export const postFactors = pgTable(
  'post_factors',
  {
    postId: text('post_id')
      .primaryKey()
      .references(() => posts.id, { onDelete: 'cascade' }),
    factors: real('factors').array().notNull(),
    source: text('source', { enum: postFactorSources }).notNull(),
    a: real('a').array(),
    b: real('b').array(),
    engagements: integer('engagements').notNull().default(0),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [check('post_factors_source', sql`${t.source} in ('daily', 'fold_in')`)],
);

/** The taste model's one current row: when it was trained, its settings, and XᵀX over every taste vector (for fold-in). */
export const tasteModels = pgTable('taste_models', {
  id: text('id').primaryKey(),
  trainedAt: at('trained_at').notNull(),
  factors: integer('factors').notNull(),
  regularization: real('regularization').notNull(),
  alpha: real('alpha').notNull(),
  gram: real('gram').array().notNull(),
  people: integer('people').notNull(),
  posts: integer('posts').notNull(),
  engagements: integer('engagements').notNull(),
});
