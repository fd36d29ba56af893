// Each instance delivers pushes for the notifications it hears of on the live bus (deliver.ts claims each once).
import { db } from '@/db/client';
import { liveBus } from '@/lib/live/instance';
import { deliverPush } from './deliver';
import { vapidKeys } from './vapid';
import { log } from '@/lib/log';

export function startPushDelivery(): boolean {
  const vapid = vapidKeys();
  if (!vapid) return false;
  liveBus().subscribe((event) => {
    if (event.kind !== 'notification' || !event.subjectId) return;
    deliverPush(db, event.subjectId, vapid).catch((error) => log.error({ err: error }, '[push] delivery failed'));
  });
  return true;
}
