import { z } from 'zod';

/** Words that would collide with routes, staff or the system if used as a handle. */
export const reservedHandles = new Set([
  'admin', 'administrator', 'api', 'app', 'auth', 'discover', 'explore', 'feed', 'g', 'groups', 'hearth',
  'help', 'home', 'login', 'logout', 'me', 'mod', 'moderator', 'new', 'notifications', 'null', 'p', 'privacy',
  'root', 'search', 'settings', 'sign_in', 'sign_out', 'sign_up', 'signin', 'signout', 'signup', 'staff',
  'support', 'system', 'u', 'undefined', 'user', 'users', 'www',
]);

export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Handles are at least 3 characters.')
  .max(30, 'Handles are at most 30 characters.')
  .regex(/^[a-z0-9_]+$/, 'Use only letters a–z, digits and underscores.')
  .refine((h) => !reservedHandles.has(h), 'That handle is reserved — try another.');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address, like maya@example.com.'));

export const passwordSchema = z
  .string()
  .min(10, 'Passwords are at least 10 characters.')
  // argon2 of a megabyte is a cheap denial of service; no person needs more than this.
  .max(200, 'Passwords are at most 200 characters.');

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Tell us what to call you.').max(60, 'Names are at most 60 characters.'),
  handle: handleSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(200),
  redirectTo: z.string().optional(),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

/** Only same-site paths may be redirected to after sign-in. */
export function safeRedirect(target: string | undefined, fallback = '/feed') {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  return target;
}

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'Choose a password you have not used here.' });

export const emailChangeSchema = z.object({
  newEmail: emailSchema,
  currentPassword: z.string().min(1, 'Enter your current password.').max(200),
});

export const confirmEmailSchema = z.object({ token: z.string().min(20, 'That link is incomplete — copy all of it.').max(200) });
