import 'server-only';
import { db } from '@/db/client';
import { instanceRoleOf, canAdministerInstance } from '@/lib/admin/roles';
import type { Viewer } from '@/lib/auth/viewer';
import { latestMail, mailboxOpen } from './outbox';
import { mailChoicesOf } from './preferences';
import { readUnsubscribeToken, unsubscribeWithToken } from './unsubscribe';

/**
 * The development mailbox, or null when it is closed: always in production (whatever HEARTH_MAILBOX says), and to
 * anyone but a signed-in instance admin (it shows every person's mail, links included).
 */
export async function getDevMailbox(viewer: Viewer | null) {
  if (!mailboxOpen() || !viewer) return null;
  if (!canAdministerInstance(await instanceRoleOf(db, viewer.id))) return null;
  return latestMail(db);
}

/** The viewer's mail choices, for the Email section of their settings. */
export async function getMailChoices(viewer: Viewer) {
  return mailChoicesOf(db, viewer.id);
}

/** What an unsubscribe link names, for its page (which only shows a button: a GET never unsubscribes). */
export function describeUnsubscribeLink(token: string) {
  const named = readUnsubscribeToken(token);
  return named ? { kind: named.kind } : null;
}

/** The one-click unsubscribe (app/api/unsubscribe): the signed token is the whole authorization. */
export function unsubscribeNow(token: string) {
  return unsubscribeWithToken(db, token);
}
