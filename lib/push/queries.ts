import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { notificationKinds, notificationPreferences, pushSubscriptions, type NotificationKind } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { vapidKeys } from './vapid';

export type PushSettings = {
  /** The key browsers subscribe with, or null when push is not set up on this instance. */
  publicKey: string | null;
  devices: { id: string; device: string; createdAt: Date; lastPushedAt: Date | null }[];
  kinds: Record<NotificationKind, boolean>;
};

export async function getPushSettings(viewer: Viewer): Promise<PushSettings> {
  const [devices, prefs] = await Promise.all([
    db
      .select({ id: pushSubscriptions.id, device: pushSubscriptions.device, createdAt: pushSubscriptions.createdAt, lastPushedAt: pushSubscriptions.lastPushedAt })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, viewer.id))
      .orderBy(desc(pushSubscriptions.createdAt)),
    db.select({ kind: notificationPreferences.kind, push: notificationPreferences.push }).from(notificationPreferences).where(eq(notificationPreferences.userId, viewer.id)),
  ]);
  const kinds = Object.fromEntries(notificationKinds.map((k) => [k, prefs.find((p) => p.kind === k)?.push ?? false])) as Record<NotificationKind, boolean>;
  return { publicKey: vapidKeys()?.publicKey ?? null, devices, kinds };
}
