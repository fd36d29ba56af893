// The privacy registry: every table that holds data about a person, what it is, why it is kept, for how long,
// and how to list, export and erase one person's rows. The dashboard, the export and account erasure walk it;
// registry.db.test.ts fails when a table that refers to a person is missing from it.
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor, Transaction } from '@/db/client';
import { accounts, comments, follows, groupMembers, handleRedirects, interests, media, mediaVariants, posts, profiles, reactions, userInterests, users } from '@/db/schema';

export type PrivacyCategory = 'account' | 'profile' | 'groups' | 'content' | 'social';

export const categoryLabels: Record<PrivacyCategory, string> = {
  account: 'Account',
  profile: 'Profile',
  groups: 'Groups',
  content: 'Posts, comments and reactions',
  social: 'Follows',
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
}

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
      const rows = await db.select().from(table as PgTable).where(where(userId)).orderBy(desc(order)).limit(page.limit).offset(page.offset);
      return rows.map((r) => shape(r as T['$inferSelect']));
    },
    async export(db, userId) {
      const rows = await db.select().from(table as PgTable).where(where(userId)).orderBy(order);
      return rows.map((r) => shape(r as T['$inferSelect']));
    },
    async erase(tx, userId) {
      await tx.delete(table).where(where(userId));
    },
  };
}

const contentRetention = 'Until you delete it or your account';

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
      description: 'The groups you belong to, your role in each and when you joined.',
      purpose: 'To show you your groups’ posts and let you take part in them.',
      retention: 'Until you leave the group or erase your account',
    }),
    async erase(tx, userId) {
      // A group never loses its owner: the longest-standing remaining member (admins first) takes over.
      const owned = await tx
        .select({ groupId: groupMembers.groupId })
        .from(groupMembers)
        .where(and(eq(groupMembers.userId, userId), eq(groupMembers.role, 'owner')));
      await tx.delete(groupMembers).where(eq(groupMembers.userId, userId));
      for (const { groupId } of owned) {
        const [heir] = await tx
          .select({ userId: groupMembers.userId })
          .from(groupMembers)
          .where(eq(groupMembers.groupId, groupId))
          .orderBy(sql`case ${groupMembers.role} when 'admin' then 0 when 'moderator' then 1 else 2 end`, groupMembers.joinedAt)
          .limit(1);
        if (heir) {
          await tx
            .update(groupMembers)
            .set({ role: 'owner' })
            .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, heir.userId)));
        }
      }
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
    async erase(tx, userId, { keepContent }) {
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
    async erase(tx, userId, { keepContent }) {
      if (!keepContent) {
        await tx.delete(comments).where(eq(comments.authorId, userId));
        return;
      }
      await ensureDeletedMember(tx);
      await tx.update(comments).set({ authorId: deletedMemberId }).where(eq(comments.authorId, userId));
    },
  },
  ownedRows(reactions, (id) => eq(reactions.userId, id), reactions.createdAt, {
    table: 'reactions',
    category: 'content',
    description: 'Your reactions to posts (❤️, 👍, 🎉 …).',
    purpose: 'To show authors your appreciation and count reactions on posts.',
    retention: contentRetention,
  }),
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
];

/** Tables that refer to people but hold nothing about one: say why here, or the completeness test fails. */
export const notPersonalTables: Record<string, string> = {};

/** Erases every row about a person, registry entry by entry, the account row last, in one transaction. */
export async function eraseAccountData(tx: Transaction, userId: string, options: EraseOptions) {
  if (userId === deletedMemberId) throw new Error('The [deleted member] placeholder cannot be erased.');
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
    })),
  );
}
