import 'server-only';
import { and, count, desc, eq, isNull, lt, not } from 'drizzle-orm';
import { db } from '@/db/client';
import { notificationKinds, notificationPreferences, notifications, users, type NotificationKind } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { fromBlockedPerson, quotesHiddenPost } from './notify';

export { notificationKinds, type NotificationKind };

export const kindLabels: Record<NotificationKind, string> = {
  reply: 'Replies',
  mention: 'Mentions',
  reaction: 'Reactions',
  follow: 'Follows',
  join_request: 'Join requests',
  approval: 'Approvals',
  moderation: 'Moderation',
  milestone: 'Milestones',
  celebration: 'Congratulations',
  thank_you: 'Thank-you notes',
  ownership: 'Group ownership',
  report_outcome: 'Outcomes of your reports',
};

// A notification quoting a post the viewer may no longer see is not shown (nor counted): the post page would not
// open for them, and its words are the author's to keep. Nor is one from someone on the other side of a block.
export async function unreadCount(viewer: Viewer) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt), not(quotesHiddenPost(viewer.id)), not(fromBlockedPerson(viewer.id))));
  return Number(row?.n ?? 0);
}

/** The unread count and when it was counted (ms), for pages that keep it current (components/live). */
export async function unreadNow(viewer: Viewer) {
  const at = Date.now();
  return { unread: await unreadCount(viewer), at };
}

type Actor = { name: string; handle: string; image: string | null };

export type NotificationItem = {
  ids: string[];
  kind: NotificationKind;
  link: string;
  unread: boolean;
  createdAt: Date;
  /** Everyone who did it, newest first (several for batched reactions). */
  actors: Actor[];
  data: Record<string, string | number>;
};

const PAGE = 40;

/**
 * The viewer's notifications, newest first. Reactions to the same post that are still unread (or were read
 * together) are folded into one item: "Ana and 4 others reacted to your post".
 */
export async function listNotifications(viewer: Viewer, options: { kind?: NotificationKind; before?: Date } = {}) {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      link: notifications.link,
      subjectId: notifications.subjectId,
      data: notifications.data,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      actorName: users.name,
      actorHandle: users.handle,
      actorImage: users.image,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(
      and(
        eq(notifications.userId, viewer.id),
        not(quotesHiddenPost(viewer.id)),
        not(fromBlockedPerson(viewer.id)),
        options.kind ? eq(notifications.kind, options.kind) : undefined,
        options.before ? lt(notifications.createdAt, options.before) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE + 1);

  const items: NotificationItem[] = [];
  const batches = new Map<string, NotificationItem>();
  for (const r of rows.slice(0, PAGE)) {
    const actor = r.actorHandle ? [{ name: r.actorName ?? r.actorHandle, handle: r.actorHandle, image: r.actorImage }] : [];
    const batchKey = (r.kind === 'reaction' || r.kind === 'celebration') && r.subjectId ? `${r.kind}:${r.subjectId}:${r.readAt ? 'read' : 'unread'}` : null;
    const existing = batchKey ? batches.get(batchKey) : undefined;
    if (existing) {
      existing.ids.push(r.id);
      if (actor[0] && !existing.actors.some((a) => a.handle === actor[0].handle)) existing.actors.push(actor[0]);
      continue;
    }
    const item: NotificationItem = { ids: [r.id], kind: r.kind, link: r.link, unread: !r.readAt, createdAt: new Date(r.createdAt), actors: actor, data: r.data };
    items.push(item);
    if (batchKey) batches.set(batchKey, item);
  }
  const last = rows[Math.min(rows.length, PAGE) - 1];
  return { items, nextBefore: rows.length > PAGE && last ? new Date(last.createdAt) : undefined };
}

/** The viewer's choice per kind (on unless switched off). */
export async function getPreferences(viewer: Viewer): Promise<Record<NotificationKind, boolean>> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, viewer.id));
  return Object.fromEntries(notificationKinds.map((k) => [k, rows.find((r) => r.kind === k)?.enabled ?? true])) as Record<NotificationKind, boolean>;
}

