'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { themeCookie, themes } from './theme';

const themeSchema = z.object({ theme: z.enum(themes) });

/**
 * Remembers the colour scheme in a cookie — signed-out visitors have one too, and it stores nothing about a person.
 * Anything but one of the three themes (only a hand-made request sends one) is answered, and nothing is set.
 */
export async function setThemeAction(formData: FormData): Promise<{ error: string } | undefined> {
  const parsed = themeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: 'Choose the system, light or dark theme.' };
  (await cookies()).set(themeCookie, parsed.data.theme, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}
