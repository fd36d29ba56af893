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
  /** An instance invite code (`/sign-up?invite=CODE`), when registration is invite-only. */
  inviteCode: z.string().trim().max(100).optional(),
  /** The answer to the approval question, when registration needs approval. */
  approvalAnswer: z.string().trim().max(1000, 'Answers are at most 1,000 characters.').optional(),
});

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(200),
  redirectTo: z.string().optional(),
  /** Second step of a sign-in with two-factor: a code from the app or a recovery code, or a passkey's answer (JSON). */
  code: z.string().trim().max(40, 'That code is too long.').optional(),
  passkey: z.string().max(20_000).optional(),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export const finishSignUpSchema = z.object({
  token: z.string().min(20, 'That link is incomplete — copy all of it.').max(200),
  password: z.string().min(1, 'Enter the password you chose.').max(200),
});

/** A stand-in origin: a redirect target is judged by where a browser would resolve it against any origin. */
const siteOrigin = 'https://hearth.invalid';

/**
 * Only same-site paths may be redirected to after sign-in. The target is parsed as a browser would (WHATWG URL:
 * tabs and newlines dropped, backslashes read as slashes, dot segments resolved), and kept only if it stays on this
 * origin; what is returned is the parsed path, so the browser follows exactly what was checked. A path that parses
 * to start with two slashes ("/.//evil.example") would be read as another host once sent alone: refused too.
 */
export function safeRedirect(target: string | undefined, fallback = '/feed') {
  if (!target) return fallback;
  let url: URL;
  try {
    url = new URL(target, siteOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== siteOrigin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
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

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(20, 'That link is incomplete — copy all of it.').max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' });
