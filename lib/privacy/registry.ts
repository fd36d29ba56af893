// The privacy registry: every table that holds data about a person, what it is, why it is kept, for how long,
// and how to list, export and erase one person's rows. The dashboard, the export and account erasure walk it;
// registry.db.test.ts fails when a table that refers to a person is missing from it.
import { qualified } from '@/lib/sql';
import { and, count, desc, eq, inArray, max, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Executor, type Transaction } from '@/db/client';
import {
  accounts,
  bookmarks,
  comments,
  congratulations,
  activitySignals,
  consentLog,
  consents,
  discoverSets,
  forYouLists,
  feedControls,
  feedPreferences,
  interestScores,
  tasteVectors,
  retentionSettings,
  searchHistory,
  follows,
  userBlocks,
  goals,
  groupAuditLog,
  instanceAuditLog,
  mailPreferences,
  digestSubscriptions,
  siteSettings,
  liveEvents,
  pushSubscriptions,
  instanceInvites,
  registrationApprovals,
  groupBans,
  groupMilestones,
  groupInvites,
  groupJoinRequests,
  groupMemberRoles,
  groupMembers,
  handleRedirects,
  interests,
  media,
  mediaVariants,
  mentions,
  milestones,
  notificationPreferences,
  notifications,
  posts,
  profiles,
  reactions,
  tagFollows,
  thankYouNotes,
  thankYouTemplates,
  userInterests,
  userSessions,
  users,
  emailChanges,
  outbox,
  passkeys,
  recoveryCodes,
  totpSecrets,
  webauthnChallenges,
  reports,
  passwordResets,
} from '@/db/schema';
import { groupsOwnedBy, passOwnership } from '@/lib/groups/succession';
import { deleteOwnComment, deleteOwnPost } from '@/lib/posts/delete';
import { visiblePosts } from '@/lib/posts/visibility';
import { forgetCommentNotifications, forgetPostNotifications, kindsWhenActorErased, postQuotingKinds } from '@/lib/notifications/notify';
import { forgetForYou } from '@/lib/recommend/for-you-list';
import { forgetEngagement, personalizationOf } from '@/lib/recommend/profile';
import { tasteOf, tasteText } from '@/lib/recommend/taste';
import { decayed, interestWeight, strongestInferred, type EngagementKind } from '@/lib/recommend/weights';
import { retentionDefaults, retentionText } from './retention-policy';

export type PrivacyCategory = 'account' | 'profile' | 'groups' | 'content' | 'social' | 'personalization' | 'activity';

export const categoryLabels: Record<PrivacyCategory, string> = {
  account: 'Account',
  profile: 'Profile',
  groups: 'Groups',
  content: 'Posts, comments and reactions',
  social: 'Follows and interests',
  personalization: 'Feed and personalization',
  activity: 'Notifications and milestones',
};

export type Row = Record<string, unknown>;

export interface EraseOptions {
  /** Keep posts and comments, attributed to "[deleted member]", instead of deleting them. */
  keepContent: boolean;
}

export interface RegistryEntry {
  /** SQL table name. */
  table: string;
  category: PrivacyCategory;
  /** What the rows are, in plain words. */
  description: string;
  /** Why Hearth keeps them. */
  purpose: string;
  /** How long they are kept. */
  retention: string;
  count(db: Executor, userId: string): Promise<number>;
  list(db: Executor, userId: string, page: { limit: number; offset: number }): Promise<Row[]>;
  /** Everything about the person in this table, shaped for the export archive (no secrets, nothing of others they cannot see). */
  export(db: Executor, userId: string): Promise<Row[]>;
  erase(tx: Transaction, userId: string, options: EraseOptions): Promise<void>;
  /**
   * Copies of the person in other people's rows of this table — the words of their posts and comments quoted in
   * someone's notifications, their name in someone's ranked feed, a mute naming them — erased before any entry erases
   * the person's own rows, while their posts, comments and follows still say what to look for.
   */
  eraseCopies?(tx: Transaction, userId: string, options: EraseOptions): Promise<void>;
  /** When the person's rows here last changed (the newest row's time), where the table says. */
  lastChange?(db: Executor, userId: string): Promise<Date | null>;
  /** Identifies one listed row, for deleting it alone from the dashboard (only where that makes sense). */
  itemKey?(row: Row): string;
  /** Deletes one of the person's own rows by its key; a key of someone else's row deletes nothing. Returns whether one went. */
  deleteItem?(tx: Transaction, userId: string, key: string): Promise<boolean>;
  /** Deletes all of the person's rows here ("clear my reactions"); returns how many went. */
  clearAll?(tx: Transaction, userId: string): Promise<number>;
}

/**
 * Per-item and per-category deletion for an entry: every delete is also limited by the entry's own "rows of this
 * person" condition, so a key naming someone else's row deletes nothing.
 */
function deletable<T extends PgTable>(
  entry: RegistryEntry,
  table: T,
  mine: (userId: string) => SQL | undefined,
  itemKey: (row: T['$inferSelect']) => string,
  item: (key: string) => SQL | undefined,
  afterDelete?: (tx: Transaction, userId: string, rows: Row[]) => Promise<void>,
): RegistryEntry {
  return {
    ...entry,
    itemKey: (row) => itemKey(row as T['$inferSelect']),
    async deleteItem(tx, userId, key) {
      const condition = item(key);
      if (!condition) return false;
      const gone = (await tx.delete(table).where(and(mine(userId), condition)).returning()) as Row[];
      await afterDelete?.(tx, userId, gone);
      return gone.length > 0;
    },
    async clearAll(tx, userId) {
      const gone = (await tx.delete(table).where(mine(userId)).returning()) as Row[];
      await afterDelete?.(tx, userId, gone);
      return gone.length;
    },
  };
}

/** Deleting a signal from the dashboard also takes its share out of the interest profile, in the same transaction. */
const forgetRows =
  (kindOf: (row: Row) => EngagementKind) =>
  async (tx: Transaction, userId: string, rows: Row[]) => {
    for (const row of rows) await forgetEngagement(tx, userId, row.postId as string, kindOf(row), new Date(row.createdAt as Date | string));
  };

/** Two-part keys ("post id" + "emoji") joined by a character neither part can contain. */
const joinKey = (...parts: string[]) => parts.join('|');
const splitKey = (key: string, parts: number) => {
  const split = key.split('|');
  return split.length === parts && split.every(Boolean) ? split : null;
};

/** An entry for a table whose rows belong to the person through one column, exported as they are. */
function ownedRows<T extends PgTable>(
  table: T,
  where: (userId: string) => SQL | undefined,
  order: AnyPgColumn,
  meta: Pick<RegistryEntry, 'table' | 'category' | 'description' | 'purpose' | 'retention'>,
  shape: (row: T['$inferSelect']) => Row = (row) => row as Row,
): RegistryEntry {
  return {
    ...meta,
    async count(db, userId) {
      const [row] = await db.select({ n: count() }).from(table as PgTable).where(where(userId));
      return Number(row?.n ?? 0);
    },
    async list(db, userId, page) {
      // Rows made in the same instant would come in any order, and pages would repeat or skip them: the whole
      // row as text breaks the tie.
      const rows = await db
        .select()
        .from(table as PgTable)
        .where(where(userId))
        .orderBy(desc(order), sql`${table}::text`)
        .limit(page.limit)
        .offset(page.offset);
      return rows.map((r) => shape(r as T['$inferSelect']));
    },
    async export(db, userId) {
      const rows = await db.select().from(table as PgTable).where(where(userId)).orderBy(order);
      return rows.map((r) => shape(r as T['$inferSelect']));
    },
    async erase(tx, userId) {
      await tx.delete(table).where(where(userId));
    },
    // Only when the order column is a time (mentions, for one, are ordered by post id).
    ...(order.columnType === 'PgTimestamp'
      ? {
          async lastChange(db: Executor, userId: string) {
            const [row] = await db.select({ at: max(order) }).from(table as PgTable).where(where(userId));
            const at = row?.at as Date | string | null | undefined;
            return at ? new Date(at) : null;
          },
        }
      : {}),
  };
}

const contentRetention = 'Until you delete it or your account';

/**
 * The interest profile as it stands now: each stored row with its score decayed to this moment (what the feed
 * uses) and the weight the ranker gives the topic, beside the stored score and the instant it is valued at.
 */
async function interestRowsNow(db: Executor, userId: string, now = new Date()): Promise<Row[]> {
  const [rows, followed, allowed] = await Promise.all([
    db.select().from(interestScores).where(eq(interestScores.userId, userId)).orderBy(desc(interestScores.updatedAt), interestScores.tag),
    db.select({ tag: tagFollows.tag }).from(tagFollows).where(eq(tagFollows.userId, userId)),
    personalizationOf(db, userId, now),
  ]);
  const following = new Set(followed.map((f) => f.tag));
  const current = rows.map((r) => ({ row: r, inferred: decayed(r.inferred, new Date(r.inferredAt), now) }));
  const strongest = strongestInferred(current);
  return current.map(({ row, inferred }) => ({
    tag: row.tag,
    choice: row.choice,
    following: following.has(row.tag),
    inferredNow: Number(inferred.toFixed(4)),
    weight: Number(interestWeight({ choice: row.choice ?? (following.has(row.tag) ? 'follow' : null), inferred }, allowed.useInferred, strongest).toFixed(4)),
    inferredUsed: allowed.useInferred,
    signalCounts: row.signalCounts,
    inferredStored: row.inferred,
    inferredAt: row.inferredAt,
    choiceAt: row.choiceAt,
    updatedAt: row.updatedAt,
  }));
}

/** The taste vector with what it means, in words (the dashboard and the export). */
async function tasteRows(db: Executor, userId: string): Promise<Row[]> {
  const taste = await tasteOf(db, userId);
  if (!taste) return [];
  return [{ learned: tasteText(taste), engagements: taste.engagements, trainedAt: taste.trainedAt, factors: taste.factors.map((x) => Number(x.toFixed(4))) }];
}

const notificationRows = ownedRows(notifications, (id) => or(eq(notifications.userId, id), eq(notifications.actorId, id)), notifications.createdAt, {
  table: 'notifications',
  category: 'activity',
  description: 'Your notifications (replies, mentions, reactions, follows …), and notifications others got about something you did.',
  purpose: 'To tell you what happened around you on Hearth.',
  retention: `${retentionText('notifications')} (or when you delete them or your account)`,
});

const hiddenPostText = '(a post you can no longer see)';

/**
 * Notifications keep what happened, but not the words of a post the person may no longer see (by visiblePosts: its
 * author has since kept their posts to themself, say) — nor of a comment under it.
 */
async function withoutHiddenPosts(db: Executor, userId: string, rows: Row[]): Promise<Row[]> {
  const quoting = (row: Row) => (postQuotingKinds as readonly unknown[]).includes(row.kind) && typeof row.subjectId === 'string';
  const ids = [...new Set(rows.filter(quoting).map((row) => row.subjectId as string))];
  if (ids.length === 0) return rows;
  const hidden = new Set(
    (await db.select({ id: posts.id }).from(posts).where(and(inArray(posts.id, ids), sql`not ${visiblePosts(userId)}`))).map((row) => row.id),
  );
  return rows.map((row) => {
    if (!quoting(row) || !hidden.has(row.subjectId as string)) return row;
    const { excerpt: _excerpt, post: _post, ...data } = (row.data ?? {}) as Record<string, unknown>;
    return { ...row, data: { ...data, post: hiddenPostText } };
  });
}

const withoutUser = <R extends { userId: string }>({ userId: _userId, ...rest }: R): Row => rest;

/** The id that stands in for erased people whose posts are kept ("[deleted member]"). */
export const deletedMemberId = '00000000-0000-0000-0000-000000000000';

async function ensureDeletedMember(tx: Transaction) {
  await tx
    .insert(users)
    .values({ id: deletedMemberId, name: '[deleted member]', email: 'deleted@hearth.invalid', handle: 'deleted_member' })
    .onConflictDoNothing();
}

export const registry: RegistryEntry[] = [
  {
    table: 'users',
    category: 'account',
    description: 'Your account: display name, handle, email address, when you joined, and a hash of your password.',
    purpose: 'To let you sign in and to show your name and handle beside what you write.',
    retention: 'Until you erase your account',
    async count(db, userId) {
      const [row] = await db.select({ n: count() }).from(users).where(eq(users.id, userId));
      return Number(row?.n ?? 0);
    },
    async list(db, userId) {
      return this.export(db, userId);
    },
    async export(db, userId) {
      const rows = await db
        .select({
          id: users.id,
          name: users.name,
          handle: users.handle,
          email: users.email,
          emailVerified: users.emailVerified,
          image: users.image,
          createdAt: users.createdAt,
          hasPassword: sql<boolean>`${users.passwordHash} is not null`,
        })
        .from(users)
        .where(eq(users.id, userId));
      return rows;
    },
    async erase(tx, userId) {
      await tx.delete(users).where(eq(users.id, userId));
    },
  },
  ownedRows(accounts, (id) => eq(accounts.userId, id), accounts.provider, {
    table: 'accounts',
    category: 'account',
    description: 'Sign-in accounts you linked (GitHub, Google): the provider and your id there.',
    purpose: 'To sign you in with that provider.',
    retention: 'Until you unlink it or erase your account',
  }, ({ provider, providerAccountId, type, scope }) => ({ provider, providerAccountId, type, scope })),
  ownedRows(profiles, (id) => eq(profiles.userId, id), profiles.updatedAt, {
    table: 'profiles',
    category: 'profile',
    description:
      'Your profile: bio, pronouns, location, links, theme and layout, avatar choices, pinned post, who may see it, your time zone, and when you last opened your feed.',
    purpose: 'To show others who you are, as you chose to describe yourself, only to the people you allow; the time zone and last feed visit make your greeting.',
    retention: 'Until you change it or erase your account',
  }),
  {
    table: 'media',
    category: 'profile',
    description: 'Pictures you uploaded (avatar, banner), stored re-encoded at a few sizes with location and camera details removed.',
    purpose: 'To show your picture and banner on your profile and beside what you write.',
    retention: 'Until you replace or remove the picture, or erase your account',
    async count(db, userId) {
      const [row] = await db.select({ n: count() }).from(media).where(eq(media.ownerId, userId));
      return Number(row?.n ?? 0);
    },
    async list(db, userId, page) {
      return db
        .select({ id: media.id, kind: media.kind, width: media.width, height: media.height, createdAt: media.createdAt })
        .from(media)
        .where(eq(media.ownerId, userId))
        .orderBy(desc(media.createdAt))
        .limit(page.limit)
        .offset(page.offset);
    },
    async export(db, userId) {
      const rows = await db.select().from(media).where(eq(media.ownerId, userId)).orderBy(media.createdAt);
      const out: Row[] = [];
      for (const row of rows) {
        const variants = await db.select().from(mediaVariants).where(eq(mediaVariants.mediaId, row.id)).orderBy(mediaVariants.width);
        out.push({
          ...row,
          // The stored images themselves, so the export holds every byte Hearth keeps.
          variants: variants.map((v) => ({ name: v.name, width: v.width, height: v.height, contentType: v.contentType, base64: v.bytes.toString('base64') })),
        });
      }
      return out;
    },
    async erase(tx, userId) {
      // Sizes go with their image (on delete cascade); profiles lose the reference (on delete set null).
      await tx.delete(media).where(eq(media.ownerId, userId));
    },
  },
  {
    ...ownedRows(userInterests, (id) => eq(userInterests.userId, id), userInterests.createdAt, {
      table: 'user_interests',
      category: 'profile',
      description: 'The interests you chose to showcase on your profile.',
      purpose: 'To show others what you care about, when you let them see that section.',
      retention: 'Until you remove them or erase your account',
    }),
    async export(db, userId) {
      return db
        .select({ interest: interests.label, slug: interests.slug, showcased: userInterests.showcased, createdAt: userInterests.createdAt })
        .from(userInterests)
        .innerJoin(interests, eq(interests.id, userInterests.interestId))
        .where(eq(userInterests.userId, userId))
        .orderBy(interests.label);
    },
  },
  ownedRows(handleRedirects, (id) => eq(handleRedirects.userId, id), handleRedirects.createdAt, {
    table: 'handle_redirects',
    category: 'profile',
    description: 'Handles you used before, which send visitors on to your profile for 30 days.',
    purpose: 'So links to your old handle keep working, and nobody else can take it over at once.',
    retention: '30 days after you change your handle (or until you erase your account)',
  }),
  {
    ...ownedRows(groupMembers, (id) => eq(groupMembers.userId, id), groupMembers.joinedAt, {
      table: 'group_members',
      category: 'groups',
      description: 'The groups you belong to and when you joined each.',
      purpose: 'To show you your groups’ posts and let you take part in them.',
      retention: 'Until you leave the group or erase your account',
    }),
    async erase(tx, userId) {
      // A group the person owns passes on by the written rule (lib/groups/succession.ts, shown on the erasure form):
      // the new owner is told and the group's audit log says why. A group nobody else is in is left without an owner.
      const owned = await groupsOwnedBy(tx, userId);
      await tx.delete(groupMemberRoles).where(eq(groupMemberRoles.userId, userId));
      await tx.delete(groupMembers).where(eq(groupMembers.userId, userId));
      for (const group of owned) await passOwnership(tx, group.id, userId);
    },
  },
  ownedRows(groupMemberRoles, (id) => eq(groupMemberRoles.userId, id), groupMemberRoles.grantedAt, {
    table: 'group_member_roles',
    category: 'groups',
    description: 'The roles you hold in your groups (Admin, Moderator, Mentor …).',
    purpose: 'To decide what you may do in each group.',
    retention: 'Until the role is taken away, you leave, or you erase your account',
  }),
  {
    ...ownedRows(groupJoinRequests, (id) => or(eq(groupJoinRequests.userId, id), eq(groupJoinRequests.decidedBy, id)), groupJoinRequests.createdAt, {
      table: 'group_join_requests',
      category: 'groups',
      description: 'Your requests to join groups, with your answers to their questions, and requests you decided on.',
      purpose: 'So the people who run a group can review who wants to join.',
      retention: 'Until you erase your account',
    }),
    async erase(tx, userId) {
      await tx.delete(groupJoinRequests).where(eq(groupJoinRequests.userId, userId));
      await tx.update(groupJoinRequests).set({ decidedBy: null }).where(eq(groupJoinRequests.decidedBy, userId));
    },
  },
  {
    ...ownedRows(groupInvites, (id) => eq(groupInvites.creatorId, id), groupInvites.createdAt, {
      table: 'group_invites',
      category: 'groups',
      description: 'Invite links you created.',
      purpose: 'To let the people you invite join your groups.',
      retention: 'Until the group or your account is gone; the link stops working when it expires or is revoked',
    }),
    async erase(tx, userId) {
      await tx.update(groupInvites).set({ creatorId: null, revokedAt: sql`coalesce(${groupInvites.revokedAt}, now())` }).where(eq(groupInvites.creatorId, userId));
    },
  },
  {
    ...ownedRows(groupBans, (id) => or(eq(groupBans.userId, id), eq(groupBans.bannedBy, id)), groupBans.createdAt, {
      table: 'group_bans',
      category: 'groups',
      description: 'Groups that banned you (with the reason they gave), and bans you made as a moderator.',
      purpose: 'To keep people a group has banned from rejoining it.',
      retention: 'Until the ban is lifted or your account is erased',
    }),
    async erase(tx, userId) {
      await tx.delete(groupBans).where(eq(groupBans.userId, userId));
      await tx.update(groupBans).set({ bannedBy: null }).where(eq(groupBans.bannedBy, userId));
    },
  },
  {
    ...ownedRows(groupAuditLog, (id) => or(eq(groupAuditLog.actorId, id), eq(groupAuditLog.targetUserId, id)), groupAuditLog.createdAt, {
      table: 'group_audit_log',
      category: 'groups',
      description: 'Administrative actions in groups that you took, or that were taken about you.',
      purpose: 'So the people who run a group can see who changed what, and be accountable for it.',
      retention: 'Kept with the group; your name is removed from it when you erase your account',
    }),
    async erase(tx, userId) {
      await tx.update(groupAuditLog).set({ actorId: null }).where(eq(groupAuditLog.actorId, userId));
      await tx.update(groupAuditLog).set({ targetUserId: null }).where(eq(groupAuditLog.targetUserId, userId));
    },
  },
  {
    ...ownedRows(instanceAuditLog, (id) => or(eq(instanceAuditLog.actorId, id), eq(instanceAuditLog.targetUserId, id)), instanceAuditLog.createdAt, {
      table: 'instance_audit_log',
      category: 'account',
      description: 'Actions the people who run this instance took about your account (a suspension and its reason), or that you took as one of them.',
      purpose: 'So every moderation decision is accountable, and you can read why it was taken.',
      retention: 'Kept with the instance; your name is removed from it when you erase your account',
    }),
    async erase(tx, userId) {
      await tx.update(instanceAuditLog).set({ actorId: null }).where(eq(instanceAuditLog.actorId, userId));
      await tx.update(instanceAuditLog).set({ targetUserId: null }).where(eq(instanceAuditLog.targetUserId, userId));
    },
  },
  {
    // Only the reports a person made: reports about them would tell them who reported them (the reporter's data).
    ...ownedRows(
      reports,
      (id) => eq(reports.reporterId, id),
      reports.createdAt,
      {
        table: 'reports',
        category: 'activity',
        description: 'What you reported (a post, comment, profile or group), why, your note, and what became of it.',
        purpose: 'So moderators can review what you pointed out, and tell you the outcome. The person you reported is never told who reported them; moderators see only how many people did.',
        retention: 'Until you erase your account (an open report you made is then withdrawn)',
      },
      // Who handled it is not yours to know; the rest is.
      ({ resolvedById: _by, ...row }) => row,
    ),
    async erase(tx, userId) {
      // Reports the person made go with them. Reports about them stay with the people who made them, no longer
      // pointing at the person; the open ones about their profile are closed as gone (there is nothing left to
      // review). A moderator's name leaves the reports they answered.
      await tx.delete(reports).where(eq(reports.reporterId, userId));
      await tx
        .update(reports)
        .set({ status: 'resolved', outcome: 'gone', resolvedAt: sql`now()` })
        .where(and(eq(reports.targetKind, 'profile'), eq(reports.targetId, userId), eq(reports.status, 'open')));
      await tx.update(reports).set({ targetUserId: null }).where(eq(reports.targetUserId, userId));
      await tx.update(reports).set({ resolvedById: null }).where(eq(reports.resolvedById, userId));
    },
  },
  {
    ...ownedRows(posts, (id) => eq(posts.authorId, id), posts.createdAt, {
      table: 'posts',
      category: 'content',
      description: 'Everything you posted, on your profile or in groups.',
      purpose: 'Posts are what you share with the community.',
      retention: contentRetention,
    }),
    // The dashboard lists the text as written (the rendered HTML is the same words again).
    async list(db, userId, page) {
      return db
        .select({ id: posts.id, body: posts.body, group: sql<string | null>`(select g.name from groups g where g.id = ${qualified(posts.groupId)})`, createdAt: posts.createdAt, editedAt: posts.editedAt, removedReason: posts.removedReason })
        .from(posts)
        .where(eq(posts.authorId, userId))
        .orderBy(desc(posts.createdAt), desc(posts.id))
        .limit(page.limit)
        .offset(page.offset);
    },
    // One post at a time, by the same rule and with the same cascade as deleting it from the post itself.
    itemKey: (row) => String(row.id),
    deleteItem: (tx, userId, key) => deleteOwnPost(tx, userId, key),
    async erase(tx, userId, { keepContent }) {
      await tx.update(posts).set({ removedBy: null }).where(eq(posts.removedBy, userId));
      if (!keepContent) {
        await tx.delete(posts).where(eq(posts.authorId, userId));
        return;
      }
      await ensureDeletedMember(tx);
      await tx.update(posts).set({ authorId: deletedMemberId }).where(eq(posts.authorId, userId));
    },
  },
  {
    ...ownedRows(comments, (id) => eq(comments.authorId, id), comments.createdAt, {
      table: 'comments',
      category: 'content',
      description: 'Your comments on posts.',
      purpose: 'Comments are your part of conversations.',
      retention: contentRetention,
    }),
    async list(db, userId, page) {
      return db
        .select({ id: comments.id, body: comments.body, onPost: sql<string>`(select case when ${visiblePosts(userId)} then left(posts.body, 80) else ${hiddenPostText} end from posts where posts.id = comments.post_id)`, postId: comments.postId, createdAt: comments.createdAt })
        .from(comments)
        .where(eq(comments.authorId, userId))
        .orderBy(desc(comments.createdAt), desc(comments.id))
        .limit(page.limit)
        .offset(page.offset);
    },
    itemKey: (row) => String(row.id),
    deleteItem: (tx, userId, key) => deleteOwnComment(tx, userId, key),
    async erase(tx, userId, { keepContent }) {
      await tx.update(comments).set({ removedBy: null }).where(eq(comments.removedBy, userId));
      if (!keepContent) {
        await tx.delete(comments).where(eq(comments.authorId, userId));
        return;
      }
      await ensureDeletedMember(tx);
      await tx.update(comments).set({ authorId: deletedMemberId }).where(eq(comments.authorId, userId));
    },
  },
  deletable(
    ownedRows(reactions, (id) => eq(reactions.userId, id), reactions.createdAt, {
      table: 'reactions',
      category: 'content',
      description: 'Your reactions to posts (❤️, 👍, 🎉 …).',
      purpose: 'To show authors your appreciation and count reactions on posts.',
      retention: contentRetention,
    }),
    reactions,
    (id) => eq(reactions.userId, id),
    (r) => joinKey(r.postId, r.emoji),
    (key) => {
      const parts = splitKey(key, 2);
      return parts ? and(eq(reactions.postId, parts[0]), eq(reactions.emoji, parts[1])) : undefined;
    },
    forgetRows(() => 'reaction'),
  ),
  deletable(
    ownedRows(bookmarks, (id) => eq(bookmarks.userId, id), bookmarks.createdAt, {
      table: 'bookmarks',
      category: 'content',
      description: 'Posts you bookmarked to read later. Only you can see them.',
      purpose: 'To keep the posts you saved.',
      retention: 'Until you remove the bookmark or erase your account',
    }),
    bookmarks,
    (id) => eq(bookmarks.userId, id),
    (r) => r.postId,
    (key) => eq(bookmarks.postId, key),
    forgetRows(() => 'bookmark'),
  ),
  ownedRows(mentions, (id) => eq(mentions.userId, id), mentions.postId, {
    table: 'mentions',
    category: 'content',
    description: 'Posts in which someone mentioned you with your @handle.',
    purpose: 'To tell you when someone mentions you.',
    retention: 'Until the post is deleted or your account is erased',
  }),
  deletable(
    ownedRows(tagFollows, (id) => eq(tagFollows.userId, id), tagFollows.createdAt, {
      table: 'tag_follows',
      category: 'social',
      description: 'Interest tags you follow, such as #ceramics.',
      purpose: 'To show you posts about what you follow, and to explain why they appear.',
      retention: 'Until you unfollow the tag or erase your account',
    }),
    tagFollows,
    (id) => eq(tagFollows.userId, id),
    (r) => r.tag,
    (key) => eq(tagFollows.tag, key),
  ),
  deletable(
    ownedRows(
      follows,
      (id) => or(eq(follows.followerId, id), eq(follows.followeeId, id)),
      follows.createdAt,
      {
        table: 'follows',
        category: 'social',
        description: 'People you follow, and people who follow you.',
        purpose: 'To show you posts from people you follow, and to show your followers count.',
        retention: 'Until you unfollow (or they do) or an account is erased',
      },
    ),
    follows,
    // Unfollowing someone, or removing someone who follows you: either side of a follow is the person's to end.
    (id) => or(eq(follows.followerId, id), eq(follows.followeeId, id)),
    (r) => joinKey(r.followerId, r.followeeId),
    (key) => {
      const parts = splitKey(key, 2);
      return parts ? and(eq(follows.followerId, parts[0]), eq(follows.followeeId, parts[1])) : undefined;
    },
  ),
  // A block is the blocker's: listed, exported and undoable (deleting it here unblocks) in their dashboard only. The
  // person blocked is never shown who blocked them; either side's erasure removes the row.
  deletable(
    {
      ...ownedRows(
        userBlocks,
        (id) => eq(userBlocks.blockerId, id),
        userBlocks.createdAt,
        {
          table: 'user_blocks',
          category: 'social',
          description: 'People you blocked, and when. (Whether someone blocked you is their data, not shown here.)',
          purpose: 'So neither of you sees the other’s posts, comments and profile, and they cannot reach you.',
          retention: 'Until you unblock them, or either account is erased',
        },
        (r) => ({ blockedId: r.blockedId, createdAt: r.createdAt }),
      ),
      async list(db, userId, page) {
        return db
          .select({ blockedId: userBlocks.blockedId, blocked: users.handle, createdAt: userBlocks.createdAt })
          .from(userBlocks)
          .innerJoin(users, eq(users.id, userBlocks.blockedId))
          .where(eq(userBlocks.blockerId, userId))
          .orderBy(desc(userBlocks.createdAt), userBlocks.blockedId)
          .limit(page.limit)
          .offset(page.offset);
      },
      async export(db, userId) {
        return db
          .select({ blocked: users.handle, createdAt: userBlocks.createdAt })
          .from(userBlocks)
          .innerJoin(users, eq(users.id, userBlocks.blockedId))
          .where(eq(userBlocks.blockerId, userId))
          .orderBy(userBlocks.createdAt);
      },
      async erase(tx, userId) {
        await tx.delete(userBlocks).where(or(eq(userBlocks.blockerId, userId), eq(userBlocks.blockedId, userId)));
      },
    },
    userBlocks,
    (id) => eq(userBlocks.blockerId, id),
    (r) => r.blockedId,
    (key) => eq(userBlocks.blockedId, key),
  ),
  {
    ...notificationRows,
    list: async (db, userId, page) => withoutHiddenPosts(db, userId, await notificationRows.list(db, userId, page)),
    export: async (db, userId) => withoutHiddenPosts(db, userId, await notificationRows.export(db, userId)),
    async eraseCopies(tx, userId, { keepContent }) {
      if (!keepContent) {
        // Their posts and comments go, and with them every notification, in anyone's inbox, that quotes one or leads
        // to it — the replies under their comments too, which go with them.
        await forgetPostNotifications(tx, tx.select({ id: posts.id }).from(posts).where(eq(posts.authorId, userId)));
        const theirs = tx.select({ id: comments.id }).from(comments).where(eq(comments.authorId, userId));
        const gone = await tx
          .select({ id: comments.id, postId: comments.postId, authorId: comments.authorId, body: comments.body })
          .from(comments)
          .where(or(eq(comments.authorId, userId), inArray(comments.parentId, theirs)));
        await forgetCommentNotifications(tx, gone);
      }
      // What they caused, kind by kind (whenActorErased in lib/notifications/notify.ts).
      const forget = [...kindsWhenActorErased('forget'), ...(keepContent ? [] : kindsWhenActorErased('content'))];
      await tx.delete(notifications).where(and(eq(notifications.actorId, userId), inArray(notifications.kind, forget)));
      if (keepContent) {
        // Kept posts and comments read "[deleted member]": so do the notifications quoting them.
        await ensureDeletedMember(tx);
        await tx
          .update(notifications)
          .set({ actorId: deletedMemberId })
          .where(and(eq(notifications.actorId, userId), inArray(notifications.kind, kindsWhenActorErased('content'))));
      }
    },
    async erase(tx, userId) {
      await tx.delete(notifications).where(eq(notifications.userId, userId));
      // What remains of what they caused (a decision on a request, a removal) stays without their name.
      await tx.update(notifications).set({ actorId: null }).where(eq(notifications.actorId, userId));
    },
  },
  ownedRows(notificationPreferences, (id) => eq(notificationPreferences.userId, id), notificationPreferences.kind, {
    table: 'notification_preferences',
    category: 'activity',
    description: 'Which kinds of notifications you switched off.',
    purpose: 'To notify you only of what you want to hear about.',
    retention: 'Until you change them or erase your account',
  }),
  ownedRows(milestones, (id) => eq(milestones.userId, id), milestones.earnedAt, {
    table: 'milestones',
    category: 'activity',
    description: 'Milestones you reached: your first post, your first group, 100 reactions received …',
    purpose: 'To celebrate your moments with you.',
    retention: 'Until you delete them or your account',
  }),
  ownedRows(congratulations, (id) => eq(congratulations.userId, id), congratulations.createdAt, {
    table: 'congratulations',
    category: 'activity',
    description: 'Milestones of others you congratulated. (Congratulations on your own milestones go with them.)',
    purpose: 'To show the person, and others, who celebrated with them.',
    retention: 'Until you take them back or erase your account',
  }),
  {
    ...ownedRows(
      thankYouNotes,
      (id) => or(eq(thankYouNotes.senderId, id), sql`${thankYouNotes.milestoneId} in (select m.id from milestones m where m.user_id = ${id})`),
      thankYouNotes.createdAt,
      {
        table: 'thank_you_notes',
        category: 'activity',
        description: 'Thank-you notes you wrote on others’ milestones, and notes others left on yours.',
        purpose: 'To keep a thank-you with the milestone it was for, in Memories.',
        retention: 'Until you or the person whose milestone it is delete it, or an account is erased',
      },
    ),
    async erase(tx, userId) {
      // Notes you wrote go; notes others wrote on your milestones go with your milestones.
      await tx.delete(thankYouNotes).where(or(eq(thankYouNotes.senderId, userId), sql`${thankYouNotes.milestoneId} in (select m.id from milestones m where m.user_id = ${userId})`));
    },
  },
  {
    ...ownedRows(groupMilestones, (id) => eq(groupMilestones.createdBy, id), groupMilestones.createdAt, {
      table: 'group_milestones',
      category: 'groups',
      description: 'Milestones you added for a group you help run, in your words.',
      purpose: 'So the group can celebrate its members the way it chose.',
      retention: 'While the group keeps them; when you erase your account they stay with the group without your name',
    }),
    async erase(tx, userId) {
      await tx.update(groupMilestones).set({ createdBy: null }).where(eq(groupMilestones.createdBy, userId));
    },
  },
  {
    ...ownedRows(thankYouTemplates, (id) => eq(thankYouTemplates.authorId, id), thankYouTemplates.updatedAt, {
      table: 'thank_you_templates',
      category: 'groups',
      description: 'Thank-you messages you wrote for a group, sent from you when a member earns a milestone there.',
      purpose: 'To thank members personally for what they bring to the group.',
      retention: 'While the group keeps them; when you erase your account they stay with the group without your name',
    }),
    async erase(tx, userId) {
      await tx.update(thankYouTemplates).set({ authorId: null }).where(eq(thankYouTemplates.authorId, userId));
    },
  },
  ownedRows(goals, (id) => eq(goals.userId, id), goals.createdAt, {
    table: 'goals',
    category: 'activity',
    description: 'Goals you set yourself, like “post 4 times this month”.',
    purpose: 'To show your progress towards them, and celebrate when you reach one.',
    retention: 'Until you remove them or erase your account',
  }),
  {
    ...ownedRows(userSessions, (id) => eq(userSessions.userId, id), userSessions.lastSeenAt, {
      table: 'user_sessions',
      category: 'account',
      description: 'Where you are signed in: the kind of browser and device (such as “Firefox on Android”), when you signed in and when it was last used. No IP address.',
      purpose: 'So you can see every signed-in device and sign any of them out.',
      retention: 'Until you sign out there, or 30 days after it was last used',
    }),
    // Signing a device out deletes its row: the sessions list on the dashboard does that, one by one.
    itemKey: (row) => String(row.id),
    async deleteItem(tx, userId, key) {
      const gone = await tx.delete(userSessions).where(and(eq(userSessions.userId, userId), eq(userSessions.id, key))).returning();
      return gone.length > 0;
    },
  },
  ownedRows(
    emailChanges,
    (id) => eq(emailChanges.userId, id),
    emailChanges.createdAt,
    {
      table: 'email_changes',
      category: 'account',
      description: 'Changes of your email address you asked for: the new address, when, until when the link worked and when you confirmed it.',
      purpose: 'So only a link sent to the new address can change it, once.',
      retention: 'A day after the link expires or was used',
    },
    // The token's hash is of no use to anyone, you included.
    ({ tokenHash: _tokenHash, ...row }) => row,
  ),
  ownedRows(outbox, (id) => eq(outbox.userId, id), outbox.createdAt, {
    table: 'outbox',
    category: 'account',
    description: 'Mail Hearth wrote to you (such as a sign-in link, a password reset, the notice to your old address): to whom, the subject, the text, and whether it was sent.',
    purpose: 'Mail waits here until the mail worker has handed it to the mail server, and is tried again when that fails.',
    retention: '30 days',
  }),
  ownedRows(
    passwordResets,
    (id) => eq(passwordResets.userId, id),
    passwordResets.createdAt,
    {
      table: 'password_resets',
      category: 'account',
      description: 'Links to choose a new password that were asked for with your address: when, until when the link worked and when it was used.',
      purpose: 'So only a link mailed to your address can set a new password, once, within 30 minutes.',
      retention: 'Until the link expires or is used, then the next daily clean-up',
    },
    // The token's hash is of no use to anyone, you included.
    ({ tokenHash: _tokenHash, ...row }) => row,
  ),
  ownedRows(mailPreferences, (id) => eq(mailPreferences.userId, id), mailPreferences.updatedAt, {
    table: 'mail_preferences',
    category: 'account',
    description: 'Kinds of mail you turned off or on (such as the outcome of a report), from your settings or a one-click unsubscribe.',
    purpose: 'So Hearth sends you only the mail you want.',
    retention: 'Until you erase your account',
  }),
  ownedRows(digestSubscriptions, (id) => eq(digestSubscriptions.userId, id), digestSubscriptions.createdAt, {
    table: 'digest_subscriptions',
    category: 'account',
    description: 'Your choice to get the personal digest mail: how often, and when the last one was sent.',
    purpose: 'The digest is sent only to people who asked for it, as often as they asked.',
    retention: 'Until you stop the digest or erase your account',
  }),
  // Two-factor sign-in: what is on and when, never a secret. The app's key, the recovery codes' digests, passkeys'
  // public keys and challenges are of no use to anyone reading an export, and some would help an attacker.
  ownedRows(
    totpSecrets,
    (id) => eq(totpSecrets.userId, id),
    totpSecrets.createdAt,
    {
      table: 'totp_secrets',
      category: 'account',
      description: 'Two-factor sign-in with an authenticator app: when you set it up and since when it is on. The app’s key itself is kept encrypted and never shown again.',
      purpose: 'So signing in with your password also needs a code from your phone.',
      retention: 'Until you turn it off or erase your account',
    },
    (row) => ({ setUpAt: row.createdAt, enabledSince: row.confirmedAt }),
  ),
  ownedRows(
    recoveryCodes,
    (id) => eq(recoveryCodes.userId, id),
    recoveryCodes.createdAt,
    {
      table: 'recovery_codes',
      category: 'account',
      description: 'Your two-factor recovery codes: when each was made and whether it was used. Only a one-way digest of each code is kept.',
      purpose: 'So you can sign in if you lose your phone or passkey; each code works once.',
      retention: 'Until you make new ones, turn two-factor off or erase your account',
    },
    (row) => ({ createdAt: row.createdAt, usedAt: row.usedAt }),
  ),
  ownedRows(
    passkeys,
    (id) => eq(passkeys.userId, id),
    passkeys.createdAt,
    {
      table: 'passkeys',
      category: 'account',
      description: 'Your passkeys: the name you gave each, when you added it and when it last confirmed a sign-in. Hearth keeps only their public keys.',
      purpose: 'So a passkey on your device can confirm it is you signing in.',
      retention: 'Until you remove the passkey or erase your account',
    },
    (row) => ({ name: row.name, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, syncedBetweenDevices: row.backedUp }),
  ),
  ownedRows(
    webauthnChallenges,
    (id) => eq(webauthnChallenges.userId, id),
    webauthnChallenges.createdAt,
    {
      table: 'webauthn_challenges',
      category: 'account',
      description: 'A passkey being added: the one-time challenge your browser was given, until it answers.',
      purpose: 'So a passkey can be added only by answering a challenge Hearth gave, once.',
      retention: 'Five minutes, or until used',
    },
    (row) => ({ purpose: row.purpose, createdAt: row.createdAt, expiresAt: row.expiresAt }),
  ),
  {
    ...ownedRows(siteSettings, (id) => eq(siteSettings.updatedById, id), siteSettings.updatedAt, {
      table: 'site_settings',
      category: 'account',
      description: 'The instance settings, when you were the admin who last changed them.',
      purpose: 'So the people who run the instance can see who changed its settings.',
      retention: 'Kept with the instance; your name is removed from it when you erase your account',
    }),
    async erase(tx, userId) {
      await tx.update(siteSettings).set({ updatedById: null }).where(eq(siteSettings.updatedById, userId));
    },
  },
  {
    ...ownedRows(liveEvents, (id) => eq(liveEvents.userId, id), liveEvents.createdAt, {
      table: 'live_events',
      category: 'activity',
      description: 'Live updates addressed to you in the last hour (“you have a new notification”), as ids only, so an open tab can show them as they happen.',
      purpose: 'So a tab that lost its connection is sent what it missed when it comes back.',
      retention: '1 hour',
    }),
    // Events about what the person wrote (their posts, comments, join requests) go with it.
    async eraseCopies(tx, userId) {
      await tx.delete(liveEvents).where(
        or(
          eq(liveEvents.userId, userId),
          sql`${liveEvents.postId} in (select p.id from posts p where p.author_id = ${userId})`,
          // Their comments and every reply under them (deleted with them).
          sql`${liveEvents.subjectId} in (with recursive thread as (select c.id from comments c where c.author_id = ${userId}
              union all select k.id from comments k join thread on k.parent_id = thread.id) select id from thread)`,
          sql`${liveEvents.subjectId} in (select r.id from group_join_requests r where r.user_id = ${userId})`,
        ),
      );
    },
  },
  deletable(
    {
      ...ownedRows(pushSubscriptions, (id) => eq(pushSubscriptions.userId, id), pushSubscriptions.createdAt, {
        table: 'push_subscriptions',
        category: 'account',
        description: 'The devices you asked to get push notifications on: the browser, when you turned it on, when the last push went out, and the push service address of that browser.',
        purpose: 'So a reply can reach you when Hearth is not open, on the devices you chose, for the kinds you ticked.',
        retention: 'Until you remove the device, the push service says it is gone, or you erase your account',
      }),
      // The keys that encrypt for the browser are not shown or exported: they are the browser's, and useless elsewhere.
      async list(db, userId, page) {
        return db
          .select({ id: pushSubscriptions.id, device: pushSubscriptions.device, createdAt: pushSubscriptions.createdAt, lastPushedAt: pushSubscriptions.lastPushedAt })
          .from(pushSubscriptions)
          .where(eq(pushSubscriptions.userId, userId))
          .orderBy(desc(pushSubscriptions.createdAt))
          .limit(page.limit)
          .offset(page.offset);
      },
      async export(db, userId) {
        return db
          .select({ device: pushSubscriptions.device, endpoint: pushSubscriptions.endpoint, createdAt: pushSubscriptions.createdAt, lastPushedAt: pushSubscriptions.lastPushedAt })
          .from(pushSubscriptions)
          .where(eq(pushSubscriptions.userId, userId));
      },
    },
    pushSubscriptions,
    (id) => eq(pushSubscriptions.userId, id),
    (row) => row.id,
    (key) => eq(pushSubscriptions.id, key),
  ),
  {
    ...ownedRows(instanceInvites, (id) => eq(instanceInvites.creatorId, id), instanceInvites.createdAt, {
      table: 'instance_invites',
      category: 'account',
      description: 'Invite links to this instance you made as one of its admins, with your note, expiry and how often each was used.',
      purpose: 'So the admins can see which invite links exist, who made them, and revoke them.',
      retention: 'Kept with the instance; your name is removed from them when you erase your account',
    }),
    // The links belong to the instance (people may be about to use them): erasure removes only who made them.
    async erase(tx, userId) {
      await tx.update(instanceInvites).set({ creatorId: null }).where(eq(instanceInvites.creatorId, userId));
    },
  },
  ownedRows(registrationApprovals, (id) => eq(registrationApprovals.userId, id), registrationApprovals.createdAt, {
    table: 'registration_approvals',
    category: 'account',
    description: 'Your registration while it waits for an admin’s approval: the question you were asked and your answer.',
    purpose: 'So an admin can decide whether to approve your account; deleted when they decide.',
    retention: 'Until an admin approves or rejects your registration',
  }),
  ownedRows(consents, (id) => eq(consents.userId, id), consents.updatedAt, {
    table: 'consents',
    category: 'account',
    description: 'Your answers to what Hearth may do with your data: personalizing, inferred interests, being suggested, celebrations, email.',
    purpose: 'So Hearth does only what you agreed to, and stops the moment you say no.',
    retention: 'Until you erase your account',
  }),
  ownedRows(consentLog, (id) => eq(consentLog.userId, id), consentLog.createdAt, {
    table: 'consent_log',
    category: 'account',
    description: 'Every answer you gave to those consents — the first one, a “no” or a skipped question too — and every change: what, when, from what to what, and where.',
    purpose: 'So you (and Hearth) can show what you agreed to, and when.',
    retention: 'Until you erase your account',
  }),
  ownedRows(feedPreferences, (id) => eq(feedPreferences.userId, id), feedPreferences.updatedAt, {
    table: 'feed_preferences',
    category: 'personalization',
    description: 'Your feed settings: which mode you read in, whether history is paused, when you set up your interests and last reset.',
    purpose: 'To show you the feed the way you chose.',
    retention: 'Until you erase your account',
  }),
  {
    ...deletable(
      ownedRows(interestScores, (id) => eq(interestScores.userId, id), interestScores.updatedAt, {
        table: 'interest_scores',
        category: 'personalization',
        description: 'What Hearth thinks you like: per topic, your own choice (more, less, hide) beside a score inferred from your activity, and how many signals of each kind fed it.',
        purpose: 'To rank your For you feed and explain each item in it.',
        retention: `Your choices until you change them; inferred scores fade by half every 30 days, and are reset when nothing added to them for ${retentionDefaults.profile} days unless you choose otherwise`,
      }),
      interestScores,
      (id) => eq(interestScores.userId, id),
      (r) => r.tag,
      (key) => eq(interestScores.tag, key),
    ),
    // Scores as they stand now (decayed), with the ranker's weight: the algorithm's state, not a stale number.
    async list(db, userId, page) {
      return (await interestRowsNow(db, userId)).slice(page.offset, page.offset + page.limit);
    },
    export: (db, userId) => interestRowsNow(db, userId),
  },
  {
    ...deletable(
      ownedRows(tasteVectors, (id) => eq(tasteVectors.userId, id), tasteVectors.trainedAt, {
        table: 'taste_vectors',
        category: 'personalization',
        description: 'Your taste as Hearth learned it: 24 numbers the daily job works out from the posts you reacted to, commented on, bookmarked, looked at or opened, beside everyone else’s — only while you allow activity-based personalization and inferred interests and history is not paused, and never from groups you keep quiet.',
        purpose: 'To suggest posts that people with tastes like yours engaged with (“Liked by people who like what you like”), when you allow inferred interests.',
        retention: 'Learned again each day from what Hearth still keeps; deleted when you delete it, reset personalization, withdraw activity-based personalization or inferred interests, or erase your account',
      }),
      tasteVectors,
      (id) => eq(tasteVectors.userId, id),
      () => 'mine',
      // One row per person: its key is "mine", and deleteItem is limited to the person's own row anyway.
      (key) => (key === 'mine' ? sql`true` : undefined),
    ),
    itemKey: () => 'mine',
    // In words first, then the numbers themselves.
    async list(db, userId) {
      return tasteRows(db, userId);
    },
    export: (db, userId) => tasteRows(db, userId),
  },
  {
    ...deletable(
      ownedRows(activitySignals, (id) => eq(activitySignals.userId, id), activitySignals.createdAt, {
        table: 'activity_signals',
        category: 'personalization',
        description: 'Posts you looked at (at least half on screen for a second) or opened — only recorded while you allow activity-based personalization and history is not paused.',
        purpose: 'To learn what you like and not show you the same posts twice.',
        retention: retentionText('signals'),
      }),
      activitySignals,
      (id) => eq(activitySignals.userId, id),
      (r) => r.id,
      (key) => eq(activitySignals.id, key),
      forgetRows((row) => row.kind as EngagementKind),
    ),
    // Each signal with the words of the post it was about (while the person may still see that post).
    async list(db, userId, page) {
      return db
        .select({
          id: activitySignals.id,
          kind: activitySignals.kind,
          post: sql<string>`case when ${visiblePosts(userId)} then left(${posts.body}, 120) else ${hiddenPostText} end`,
          postId: activitySignals.postId,
          createdAt: activitySignals.createdAt,
        })
        .from(activitySignals)
        .innerJoin(posts, eq(posts.id, activitySignals.postId))
        .where(eq(activitySignals.userId, userId))
        .orderBy(desc(activitySignals.createdAt), desc(activitySignals.id))
        .limit(page.limit)
        .offset(page.offset);
    },
  },
  {
    ...deletable(
      ownedRows(feedControls, (id) => eq(feedControls.userId, id), feedControls.createdAt, {
        table: 'feed_controls',
        category: 'personalization',
        description: 'What you told your feed: show less of an author, topic or group, posts you were not interested in, muted people, groups and words — with when each ended.',
        purpose: 'To keep your feed the way you asked, and to show you every control that is active.',
        retention: 'Until you undo or delete it, or erase your account',
      }, withoutUser),
      feedControls,
      (id) => eq(feedControls.userId, id),
      (r) => r.id,
      (key) => eq(feedControls.id, key),
    ),
    async eraseCopies(tx, userId, { keepContent }) {
      // Others' mutes and "show less" of the person name them: they end with them; so does "not interested" in a
      // post of theirs that goes.
      const namesThem = and(inArray(feedControls.kind, ['less_author', 'mute_user']), eq(feedControls.target, userId));
      const theirPosts = tx.select({ id: posts.id }).from(posts).where(eq(posts.authorId, userId));
      const onTheirPosts = keepContent ? undefined : and(eq(feedControls.kind, 'not_interested'), inArray(feedControls.target, theirPosts));
      await tx.delete(feedControls).where(and(ne(feedControls.userId, userId), or(namesThem, onTheirPosts)));
    },
  },
  deletable(
    ownedRows(searchHistory, (id) => eq(searchHistory.userId, id), searchHistory.createdAt, {
      table: 'search_history',
      category: 'personalization',
      description: 'Searches you ran, shown to you as recent searches.',
      purpose: 'So you can go back to a search.',
      retention: retentionText('search'),
    }, withoutUser),
    searchHistory,
    (id) => eq(searchHistory.userId, id),
    (r) => r.id,
    (key) => eq(searchHistory.id, key),
  ),
  {
    ...deletable(
      ownedRows(discoverSets, (id) => eq(discoverSets.userId, id), discoverSets.createdAt, {
        table: 'discover_sets',
        category: 'personalization',
        description: 'Your weekly Discover picks: posts, groups and people chosen for you, with the reason for each.',
        purpose: 'To keep your Discover page the same all week.',
        retention: 'Replaced every week; older sets are deleted after a week',
      }),
      discoverSets,
      (id) => eq(discoverSets.userId, id),
      (r) => r.week,
      (key) => eq(discoverSets.week, key),
    ),
    async eraseCopies(tx, userId) {
      // Others' sets that pick the person or a post of theirs, or give a reason naming them ("Liked by Sam, whom you
      // follow": their followers'), are built afresh on the next visit.
      await tx.execute(sql`
        delete from discover_sets d
        where d.user_id <> ${userId}
          and (exists (select 1 from follows f where f.follower_id = d.user_id and f.followee_id = ${userId})
            or exists (select 1 from jsonb_array_elements(d.items) i
                       where (i->>'kind' = 'person' and i->>'id' = ${userId})
                          or (i->>'kind' = 'post' and exists (select 1 from posts p where p.id = i->>'id' and p.author_id = ${userId}))))`);
    },
  },
  {
    ...deletable(
      ownedRows(
        forYouLists,
        (id) => eq(forYouLists.userId, id),
        forYouLists.changedAt,
        {
          table: 'for_you_lists',
          category: 'personalization',
          description: 'Your For you feed, ranked ahead of time: the posts picked for you, in order, each with the reasons and the calculation shown under “Why this post?”.',
          purpose: 'So the For you page opens quickly instead of ranking hundreds of posts on every visit.',
          retention: 'Replaced whenever it is ranked again (every few minutes while you use Hearth, and at once after you change anything about your feed); deleting it only means it is ranked afresh on your next visit',
        },
        (row) => ({
          ranked_at: row.computedAt,
          waiting_for_new_posts: row.stale,
          out_of_date_since: row.items ? null : row.changedAt,
          posts: (row.items ?? []).map((item, i) => ({ place: i + 1, post_id: item.postId, because: item.reasons.map((r) => r.text), calculation: item.breakdown })),
        }),
      ),
      forYouLists,
      (id) => eq(forYouLists.userId, id),
      // One list a person: the key names it, the owner condition finds it.
      () => 'for-you',
      (key) => (key === 'for-you' ? sql`true` : undefined),
    ),
    async eraseCopies(tx, userId) {
      // Others' ranked lists that hold a post of theirs or explain a pick by them ("Because you follow Sam", with a
      // link to their profile: their followers') are ranked afresh on the next visit.
      const named = rowsOf<{ user_id: string }>(
        await tx.execute(sql`
          select l.user_id from for_you_lists l
          where l.user_id <> ${userId} and l.items is not null
            and (exists (select 1 from follows f where f.follower_id = l.user_id and f.followee_id = ${userId})
              or exists (select 1 from jsonb_array_elements(l.items) i join posts p on p.id = i->>'postId' where p.author_id = ${userId}))`),
      );
      for (const { user_id } of named) await forgetForYou(tx, user_id);
    },
  },
  ownedRows(retentionSettings, (id) => eq(retentionSettings.userId, id), retentionSettings.updatedAt, {
    table: 'retention_settings',
    category: 'personalization',
    description: 'How long you want each kind of data kept before it is deleted automatically.',
    purpose: 'So the daily purge deletes what you asked it to, when you asked.',
    retention: 'Until you erase your account',
  }),
];

/** Tables that refer to people but hold nothing about one: say why here, or the completeness test fails. */
/**
 * Tables the schema walk would count as personal that have no place in anyone's dashboard, each with why: nothing
 * readable about a person, or data of someone who has no account (yet) to show it to.
 */
export const tablesWithoutDashboard: Record<string, string> = {
  // Personal, but of someone who has no account yet, so no dashboard to show it in: kept for 24 hours at most.
  pending_signups:
    'A sign-up waiting for its mailed link: the address, name, handle and password hash typed into the form. It becomes the account (and everything in it appears in that dashboard) when the link is opened, or the daily job deletes it after 24 hours.',
  rate_limits: 'Sign-in and sign-up attempt counters keyed by an HMAC of the address or email with the server secret; nothing readable, and gone within an hour.',
};

/**
 * Erases every row about a person, in one transaction: first the copies of them in other people's rows (eraseCopies),
 * then registry entry by entry, the account row last.
 */
export async function eraseAccountData(tx: Transaction, userId: string, options: EraseOptions) {
  if (userId === deletedMemberId) throw new Error('The [deleted member] placeholder cannot be erased.');
  for (const entry of registry) await entry.eraseCopies?.(tx, userId, options);
  const ordered = [...registry.filter((e) => e.table !== 'users'), ...registry.filter((e) => e.table === 'users')];
  for (const entry of ordered) await entry.erase(tx, userId, options);
}

/** Counts per registry entry for the dashboard. */
export async function summarize(db: Executor, userId: string) {
  return Promise.all(
    registry.map(async (entry) => ({
      table: entry.table,
      category: entry.category,
      description: entry.description,
      purpose: entry.purpose,
      retention: entry.retention,
      count: await entry.count(db, userId),
      lastChange: (await entry.lastChange?.(db, userId)) ?? null,
    })),
  );
}
