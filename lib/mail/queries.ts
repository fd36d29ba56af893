import 'server-only';
import { db } from '@/db/client';
import { latestMail, mailboxOpen } from './outbox';

/** The development mailbox, or null when it is closed (production). */
export async function getDevMailbox() {
  if (!mailboxOpen()) return null;
  return latestMail(db);
}
