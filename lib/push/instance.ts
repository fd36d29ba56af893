// Each instance delivers pushes for the notifications it hears of on the live bus (deliver.ts claims each once).
import { db } from '@/db/client';
import { liveBus } from '@/lib/live/instance';
import { deliverPush } from './deliver';
import { vapidKeys } from './vapid';

export function startPushDelivery(): boolean {
  const vapid = vapidKeys();
  if (!vapid) return false;
  liveBus().subscribe((event) => {
    if (event.kind !== 'notification' || !event.subjectId) return;
    deliverPush(db, event.subjectId, vapid).catch((error) => console.error('[push] delivery failed', error));
  });
  return true;
}
