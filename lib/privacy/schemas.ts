import { z } from 'zod';

export const eraseAccountSchema = z.object({
  /** Required for accounts with a password; OAuth-only accounts need a fresh sign-in instead. */
  password: z.string().max(200).optional().default(''),
  confirmHandle: z.string().trim().min(1, 'Type your handle to confirm.').max(60),
  content: z.enum(['delete', 'keep'], { error: 'Choose what happens to your posts and comments.' }),
});

/** How recent a sign-in must be to erase an account that has no password. */
export const freshSignInMinutes = 10;
