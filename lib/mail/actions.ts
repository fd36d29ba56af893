'use server';
// The person's own mail choices, and the unsubscribe button of the page a mail's footer links to.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db/client';
import { type ActionState, validatedAction, validatedActionWithUser } from '@/lib/action-state';
import { saveMailChoices } from './preferences';
import { unsubscribeWithToken } from './unsubscribe';

const kindWords = { digest: 'the digest', moderation: 'moderation mail' } as const;

const mailChoicesSchema = z.object({
  moderation: z.literal('on').optional(),
  digest: z.enum(['off', 'daily', 'weekly'], 'Choose how often the digest comes, or off.'),
});

/** The signed-in person's own choices: moderation mail on or off, the digest off, daily or weekly. */
export const saveMailChoicesAction = validatedActionWithUser(
  mailChoicesSchema,
  async (input, viewer): Promise<ActionState> => {
    await db.transaction((tx) => saveMailChoices(tx, viewer.id, { moderation: input.moderation === 'on', digest: input.digest }));
    revalidatePath('/notifications');
    return { success: 'Saved. Mail about your account (sign-in links, password) always comes.' };
  },
);

const unsubscribeSchema = z.object({ token: z.string().min(20, 'That link is incomplete — copy all of it.').max(300) });

/** Anyone holding a mail's signed unsubscribe link: turns off the kind of mail it names, for the person it names. */
export const unsubscribeAction = validatedAction(unsubscribeSchema, async ({ token }): Promise<ActionState> => {
  const result = await unsubscribeWithToken(db, token);
  if (!result.ok) return { error: 'This unsubscribe link is not valid. Copy the whole link from the mail, or change your mail choices under Notifications after signing in.' };
  return { success: `Done: you will get no more ${kindWords[result.kind]}. You can turn it on again under Notifications.` };
});
