// Web Push of a notification to the person's subscribed devices, for the kinds they turned push on for. Every
// instance hears every new notification (lib/live/bus.ts); the one whose update sets `notifications.pushed_at` first
// sends it, so a push goes out once however many instances run. The payload says only what kind of thing happened
// and where to look — no names, no words — so a locked phone's screen shows nothing of anyone's content.
import { and, eq, isNull, sql } from 'drizzle-orm';
import webpush from 'web-push';
import type { Executor } from '@/db/client';
import { notificationPreferences, notifications, pushSubscriptions, users, type NotificationKind } from '@/db/schema';
import type { Vapid } from './vapid';
import { log } from '@/lib/log';

export const pushTitles: Record<NotificationKind, string> = {
  reply: 'New reply',
  mention: 'You were mentioned',
  reaction: 'New reaction',
  follow: 'New follower',
  join_request: 'New request to join',
  approval: 'Your request to join was answered',
  moderation: 'A moderation notice',
  milestone: 'A milestone',
  celebration: 'Congratulations',
  thank_you: 'A thank-you note',
  ownership: 'Group ownership',
  report_outcome: 'About something you reported',
};

export type PushSend = (subscription: webpush.PushSubscription, payload: string, options: webpush.RequestOptions) => Promise<{ statusCode: number }>;

export type PushOutcome = { claimed: boolean; sent: number; removed: number };

export async function deliverPush(db: Executor, notificationId: string, vapid: Vapid, send: PushSend = webpush.sendNotification): Promise<PushOutcome> {
  const [target] = await db
    .select({ userId: notifications.userId, kind: notifications.kind, pushedAt: notifications.pushedAt })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(notificationPreferences, and(eq(notificationPreferences.userId, notifications.userId), eq(notificationPreferences.kind, notifications.kind)))
    .where(and(eq(notifications.id, notificationId), eq(notificationPreferences.push, true), eq(notificationPreferences.enabled, true), isNull(users.suspendedAt)))
    .limit(1);
  if (!target || target.pushedAt) return { claimed: false, sent: 0, removed: 0 };
  const devices = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, target.userId));
  if (devices.length === 0) return { claimed: false, sent: 0, removed: 0 };
  // The claim: exactly one instance's update finds pushed_at still empty.
  const claimed = await db
    .update(notifications)
    .set({ pushedAt: sql`now()` })
    .where(and(eq(notifications.id, notificationId), isNull(notifications.pushedAt)))
    .returning({ link: notifications.link });
  if (claimed.length === 0) return { claimed: false, sent: 0, removed: 0 };
  const payload = JSON.stringify({ title: pushTitles[target.kind], body: 'Open Hearth to see it.', url: claimed[0]!.link, tag: target.kind });
  let sent = 0;
  let removed = 0;
  for (const device of devices) {
    try {
      await send({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, payload, {
        vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        TTL: 60 * 60,
        timeout: 10_000,
      });
      sent++;
      await db.update(pushSubscriptions).set({ lastPushedAt: sql`now()` }).where(eq(pushSubscriptions.id, device.id));
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      // The push service forgot this browser (unsubscribed, uninstalled): so do we.
      if (status === 404 || status === 410) {
        await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id));
        removed++;
      } else {
        log.error(`[push] could not reach a push service (${status ?? (error as Error).message})`);
      }
    }
  }
  return { claimed: true, sent, removed };
}
