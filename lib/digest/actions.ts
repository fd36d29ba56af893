'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action-state';
import { nextDigestAt } from './send';
import { digestChoiceSchema } from './schemas';
import { digestSubscriptionOf, setDigest } from './subscription';

const when = (date: Date) => date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** The caller's own digest: Off deletes their subscription, Daily or Weekly writes it. Only ever their own row. */
export const setDigestAction = validatedActionWithUser(
  digestChoiceSchema,
  async ({ frequency }, viewer) => {
    const choice = frequency === 'off' ? null : frequency;
    const result = await db.transaction(async (tx) => {
      const { wasOn } = await setDigest(tx, viewer.id, choice);
      const [user] = await tx.select({ verified: users.emailVerified }).from(users).where(eq(users.id, viewer.id));
      return { wasOn, verified: Boolean(user?.verified), subscription: await digestSubscriptionOf(tx, viewer.id) };
    });
    revalidatePath('/settings/digest');
    if (!result.subscription) return { success: result.wasOn ? 'Email digest is off. No more digests will be sent.' : 'Email digest is off.' };
    const unconfirmed = result.verified ? '' : ' Your email address is not confirmed yet, so nothing is sent until it is.';
    return { success: `Email digest: ${result.subscription.frequency}. The next one comes on ${when(nextDigestAt(result.subscription))}.${unconfirmed}` };
  },
);
