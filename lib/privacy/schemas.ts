import { z } from 'zod';
import { consentKinds } from './consent';

export const eraseAccountSchema = z.object({
  /** Required for accounts with a password; OAuth-only accounts need a fresh sign-in instead. */
  password: z.string().max(200).optional().default(''),
  confirmHandle: z.string().trim().min(1, 'Type your handle to confirm.').max(60),
  content: z.enum(['delete', 'keep'], { error: 'Choose what happens to your posts and comments.' }),
});

/** How recent a sign-in must be to erase an account that has no password. */
export const freshSignInMinutes = 10;

export const privacyItemSchema = z.object({
  table: z.string().min(1).max(64),
  key: z.string().min(1).max(300),
});

export const clearCategorySchema = z.object({
  table: z.string().min(1).max(64),
  confirm: z.literal('yes', { error: 'Tick the box to confirm you want all of them deleted.' }),
});

/** Rows per page in the dashboard's lists. */
export const privacyPageSize = 20;

export const consentSchema = z.object({
  kind: z.enum(consentKinds, { error: 'That is not one of Hearth’s consents.' }),
  value: z.enum(['on', 'off']),
});

const retentionChoice = z.enum(['30', '90', '365', 'keep'], { error: 'Choose 30, 90 or 365 days, or keep until you delete it.' });

/** One choice per kind of data: a number of days, or "keep". */
export const retentionSchema = z.object({
  signals: retentionChoice,
  search: retentionChoice,
  notifications: retentionChoice,
  profile: retentionChoice,
});

/** After withdrawing a consent: delete what it collected ("activity": views, opens and inferred scores). */
export const forgetCollectedSchema = z.object({
  scope: z.enum(['activity', 'inferred']),
  confirm: z.literal('yes', { error: 'Tick the box to confirm the deletion.' }),
});
