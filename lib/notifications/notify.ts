// Creating notifications inside the transaction of the action that causes them, so one never exists without the other.
import { and, eq, inArray, isNull, like, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notificationPreferences, notifications, type NotificationKind } from '@/db/schema';
import { blockBetween, blockedEitherWay } from '@/lib/blocks/rule';
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

/**
 * Kinds one person causes for another by reaching out: none is created, or shown, across a block (either way).
 * The others tell of something done for a group (a join request to review, a decision, a removal) and still arrive.
 */
export const blockedKinds = ['reply', 'mention', 'reaction', 'follow', 'celebration', 'thank_you'] as const satisfies readonly NotificationKind[];

/** Over notifications: one of blockedKinds caused by someone on the other side of a block from `viewerId`. */
export function fromBlockedPerson(viewerId: string): SQL {
  const kinds = sql.join(blockedKinds.map((k) => sql`${k}`), sql`, `);
  const actor = sql.raw('"notifications"."actor_id"');
  return sql`(${notifications.kind} in (${kinds}) and ${actor} is not null and ${blockedEitherWay(viewerId, actor)})`;
}

/** Notifies a person — never of their own doing, not of kinds they switched off, nor from across a block. */
export async function notify(tx: Executor, n: NewNotification) {
  if (n.actorId && n.actorId === n.userId) return false;
  if (n.actorId && (blockedKinds as readonly string[]).includes(n.kind) && (await blockBetween(tx, n.userId, n.actorId))) return false;
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

/**
 * Notifications about these posts — quoting one (a mention, a reply, a reaction) or leading to it (a moderation
 * notice about a comment under it) — leave every inbox: what they quote or lead to is gone. `postIds` is a list or a
 * subquery of post ids.
 */
export async function forgetPostNotifications(tx: Executor, postIds: string[] | SQLWrapper) {
  if (Array.isArray(postIds) && postIds.length === 0) return;
  await tx
    .delete(notifications)
    .where(or(inArray(notifications.subjectId, postIds), and(like(notifications.link, '/p/%'), inArray(sql`substr(${notifications.link}, 4)`, postIds))));
}

export type QuotedComment = { id: string; postId: string; authorId: string; body: string };

/**
 * Reply notifications that quote these comments leave every inbox. A reply notification names its comment
 * (data.comment); older ones, written before it did, are known by who wrote what under which post.
 */
export async function forgetCommentNotifications(tx: Executor, gone: QuotedComment[]) {
  const named = sql`${notifications.data}->>'comment'`;
  for (let i = 0; i < gone.length; i += 200) {
    const batch = gone.slice(i, i + 200);
    await tx.delete(notifications).where(
      and(
        eq(notifications.kind, 'reply'),
        or(
          inArray(named, batch.map((c) => c.id)),
          and(
            isNull(named),
            or(...batch.map((c) => and(eq(notifications.subjectId, c.postId), eq(notifications.actorId, c.authorId), sql`${notifications.data}->>'excerpt' = ${excerpt(c.body)}`))),
          ),
        ),
      ),
    );
  }
}

/**
 * What becomes of the notifications a person caused when they erase their account. Every kind says (a new kind does
 * not compile without its line here):
 * - forget: it reports something erasure takes away — their reaction, follow, join request, congratulation or
 *   thank-you (a note, or a group's thanks in their words and signed with their name) — or leads to their profile;
 * - content: it quotes their post or comment, so it goes with their content, or stays, as [deleted member]'s, when
 *   they keep it;
 * - anonymize: it tells of something done for a group (a decision on a request, a removal, a ban), or has no actor:
 *   it stays, without their name.
 */
export const whenActorErased = {
  reply: 'content',
  mention: 'content',
  reaction: 'forget',
  follow: 'forget',
  join_request: 'forget',
  approval: 'anonymize',
  moderation: 'anonymize',
  milestone: 'anonymize',
  celebration: 'forget',
  thank_you: 'forget',
  ownership: 'anonymize',
  // Never carries the moderator's name in the first place.
  report_outcome: 'anonymize',
} as const satisfies Record<NotificationKind, 'forget' | 'content' | 'anonymize'>;

/** The kinds `whenActorErased` gives this rule. */
export function kindsWhenActorErased(rule: (typeof whenActorErased)[NotificationKind]): NotificationKind[] {
  return (Object.keys(whenActorErased) as NotificationKind[]).filter((kind) => whenActorErased[kind] === rule);
}
