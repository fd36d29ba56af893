'use server';
// A person's Web Push: this browser's subscription (added, removed), and the kinds of notification pushed to their
// devices. Only their own rows; an endpoint already held by another account is taken over (the browser is now theirs).
import { and, eq, sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db/client';
import { notificationKinds, notificationPreferences, pushSubscriptions } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action-state';
import { describeUserAgent } from '@/lib/auth/user-agent';

const key = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'The browser sent a key Hearth cannot read.').max(200);
const subscribeSchema = z.object({
  endpoint: z.string().url('The browser sent no push address.').max(1000).refine((u) => u.startsWith('https://'), 'Push addresses are https.'),
  p256dh: key,
  auth: key,
});

export const subscribePushAction = validatedActionWithUser(
  subscribeSchema,
  async (input, viewer) => {
    const device = describeUserAgent((await headers()).get('user-agent'));
    await db
      .insert(pushSubscriptions)
      .values({ userId: viewer.id, endpoint: input.endpoint, p256dh: input.p256dh, auth: input.auth, device })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId: viewer.id, p256dh: input.p256dh, auth: input.auth, device, createdAt: sql`now()` } });
    revalidatePath('/notifications');
    return { success: 'Push notifications are on for this device.' };
  },
);

export const removePushDeviceAction = validatedActionWithUser(
  z.object({ id: z.string().min(1).max(100) }),
  async (input, viewer) => {
    const gone = await db
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.id, input.id), eq(pushSubscriptions.userId, viewer.id)))
      .returning({ id: pushSubscriptions.id });
    if (gone.length === 0) return { error: 'That device is not one of yours, or was already removed.' };
    revalidatePath('/notifications');
    return { success: 'That device gets no more pushes.' };
  },
);

/** Which kinds are pushed: every kind not ticked is not; what the person sees in Hearth itself is left as it is. */
export const savePushKindsAction = validatedActionWithUser(
  z.object({ push: z.array(z.enum(notificationKinds)).max(notificationKinds.length).default([]) }),
  async (input, viewer) => {
    await db
      .insert(notificationPreferences)
      .values(notificationKinds.map((kind) => ({ userId: viewer.id, kind, enabled: true, push: input.push.includes(kind) })))
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { push: sql`excluded.push` } });
    revalidatePath('/notifications');
    return { success: input.push.length ? 'Saved. Those kinds are pushed to your devices.' : 'Saved. Nothing is pushed.' };
  },
);
