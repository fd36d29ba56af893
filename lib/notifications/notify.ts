// Creating notifications inside the transaction of the action that causes them, so one never exists without the other.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notificationPreferences, notifications, type NotificationKind } from '@/db/schema';
import { visiblePosts } from '@/lib/posts/visibility';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  actorId?: string | null;
  groupId?: string | null;
  link: string;
  subjectId?: string | null;
  data?: Record<string, string | number>;
  /** When it happened, if not now (the demo seed replays past events). */
  createdAt?: Date;
}

/** Notifies a person — never of their own doing, and not of kinds they switched off. */
export async function notify(tx: Executor, n: NewNotification) {
  if (n.actorId && n.actorId === n.userId) return false;
  const [preference] = await tx
    .select({ enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, n.userId), eq(notificationPreferences.kind, n.kind)));
  if (preference && !preference.enabled) return false;
  await tx.insert(notifications).values({ ...n, data: n.data ?? {} });
  return true;
}

/** A short excerpt of a text for a notification. */
export function excerpt(text: string, max = 80) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Kinds whose subject is a post and whose texts quote it: a mention (the post), a reply (the comment, the post), a reaction (the post). */
export const postQuotingKinds = ['mention', 'reply', 'reaction'] as const satisfies readonly NotificationKind[];

/**
 * Over notifications: one that quotes a post the person may not see (now), by visiblePosts — its author has since
 * kept their posts to themself, or it is in a group they are not in. A deleted post quotes nothing any more: false.
 */
export function quotesHiddenPost(viewerId: string): SQL {
  const kinds = sql.join(postQuotingKinds.map((k) => sql`${k}`), sql`, `);
  return sql`(${notifications.kind} in (${kinds})
    and exists (select 1 from posts where posts.id = ${notifications.subjectId} and not ${visiblePosts(viewerId)}))`;
}
