'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { themeCookie, themes } from './theme';

const themeSchema = z.object({ theme: z.enum(themes) });

/** Remembers the colour scheme in a cookie — signed-out visitors have one too, and it stores nothing about a person. */
export async function setThemeAction(formData: FormData) {
  const parsed = themeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  (await cookies()).set(themeCookie, parsed.data.theme, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}
