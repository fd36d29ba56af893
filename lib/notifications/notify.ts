// Creating notifications inside the transaction of the action that causes them, so one never exists without the other.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notificationPreferences, notifications, type NotificationKind } from '@/db/schema';

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
