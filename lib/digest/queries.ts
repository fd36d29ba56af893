import 'server-only';
// The digest's settings page and its preview, for the signed-in person only (each function takes the viewer).
import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { getSiteSettings } from '@/lib/admin/site';
import { originOf } from '@/lib/auth/origin';
import type { Viewer } from '@/lib/auth/viewer';
import { buildDigest, type Digest } from './build';
import { nextDigestAt, renderDigestMail, siteOrigin } from './send';
import { digestSubscriptionOf, type DigestSubscription } from './subscription';

const DAY = 86_400_000;

export type DigestSettings = { subscription: DigestSubscription | null; nextAt: Date | null; emailConfirmed: boolean };

export async function getDigestSettings(viewer: Viewer): Promise<DigestSettings> {
  const [subscription, [user]] = await Promise.all([
    digestSubscriptionOf(db, viewer.id),
    db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, viewer.id)).limit(1),
  ]);
  return { subscription, nextAt: subscription ? nextDigestAt(subscription) : null, emailConfirmed: Boolean(user?.verified) };
}

export type DigestPreview = DigestSettings & { digest: Digest; mail: { subject: string; body: string } };

/**
 * What the next digest would hold if it were made now, by the same builder and the same mail text as the job. Made
 * during a visit, it starts at the last digest (or a period ago) rather than at this visit, which would leave it
 * empty; the page says so. Reads only: nothing is recorded.
 */
export async function getDigestPreview(viewer: Viewer, now = new Date()): Promise<DigestPreview> {
  const settings = await getDigestSettings(viewer);
  const frequency = settings.subscription?.frequency ?? 'weekly';
  const since = settings.subscription?.lastSentAt ?? new Date(now.getTime() - (frequency === 'daily' ? 1 : 7) * DAY);
  const [digest, site] = await Promise.all([buildDigest(db, viewer.id, { since, now }), getSiteSettings(db)]);
  // Links as this visit sees the site (AUTH_URL when set, as in the mail).
  const origin = originOf(await headers()) ?? siteOrigin();
  const mail = renderDigestMail(digest, { siteName: site.name, origin, name: viewer.name, frequency });
  return { ...settings, digest, mail };
}
