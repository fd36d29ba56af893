// What the edit-profile form may contain, with messages a person can act on. Shared by the form and the action.
import { z } from 'zod';
import { avatarShapes, profileLayouts, profileVisibilities } from '@/db/schema/profiles';
import { handleSchema } from '@/lib/auth/schemas';
import { avatarBackgrounds, isAvatarStyle } from './avatar';
import { profileLimits } from './limits';
import { checkAccent, isBannerGradient } from './theme';

/** How long a former handle keeps redirecting to its person (and stays theirs to take back). */
export const handleRedirectDays = 30;


const text = (max: number, what: string) => z.string().trim().max(max, `${what} can be at most ${max} characters.`);

/** A profile link: http or https only, no passwords in it, at most 300 characters. Empty means "no link here". */
export const linkSchema = z
  .string()
  .trim()
  .max(profileLimits.linkLength, `Links can be at most ${profileLimits.linkLength} characters.`)
  .transform((value, ctx) => {
    if (!value) return '';
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
    let url: URL;
    try {
      url = new URL(withScheme);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'That doesn’t look like a web address — try https://example.com.' });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: 'Only web links (http:// or https://) can go on a profile.' });
      return z.NEVER;
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'Links can’t contain a user name or password.' });
      return z.NEVER;
    }
    if (!url.hostname.includes('.')) {
      ctx.addIssue({ code: 'custom', message: 'That doesn’t look like a web address — try https://example.com.' });
      return z.NEVER;
    }
    return url.toString();
  });

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

export function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length <= 64;
  } catch {
    return false;
  }
}

const baseProfileSchema = z.object({
  name: z.string().trim().min(1, 'Tell us what to call you.').max(profileLimits.name, `Names can be at most ${profileLimits.name} characters.`),
  handle: handleSchema,
  pronouns: text(profileLimits.pronouns, 'Pronouns'),
  bio: z.string().max(profileLimits.bio, `Your bio can be at most ${profileLimits.bio} characters.`).transform((s) => s.replace(/\r\n/g, '\n').trim()),
  location: text(profileLimits.location, 'Location'),
  link1: linkSchema.optional().default(''),
  link2: linkSchema.optional().default(''),
  link3: linkSchema.optional().default(''),
  link4: linkSchema.optional().default(''),
  /** '' (Hearth's accent) or a colour (the form's 'custom' choice is replaced by accentCustom before this runs). */
  accent: z
    .string()
    .trim()
    .toLowerCase()
    .default('')
    .superRefine((value, ctx) => {
      const check = value ? checkAccent(value) : null;
      if (check && !check.ok) ctx.addIssue({ code: 'custom', message: check.message });
    }),
  bannerGradient: z.string().refine(isBannerGradient, 'Choose one of the banner gradients.'),
  layout: z.enum(profileLayouts, 'Choose a layout.'),
  avatarStyle: z.string().refine(isAvatarStyle, 'Choose one of the avatar styles.'),
  avatarBackground: z
    .string()
    .trim()
    .toLowerCase()
    .default('')
    .refine((v) => v === '' || (avatarBackgrounds as readonly string[]).includes(v), 'Choose one of the background colours.'),
  avatarShape: z.enum(avatarShapes, 'Choose an avatar shape.'),
  visibility: z.enum(profileVisibilities, 'Choose who can see your profile.'),
  showPosts: checkbox,
  showGroups: checkbox,
  showInterests: checkbox,
  showMilestones: checkbox,
  suggestMe: checkbox,
  interests: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/, 'Unknown interest.')).max(profileLimits.interests, `Showcase at most ${profileLimits.interests} interests.`),
  pinnedPostId: z.string().trim().max(64).default(''),
  timeZone: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isTimeZone(v), 'Choose a time zone from the list.'),
});

/**
 * The form as the schema reads it: checkboxes named interest_<slug> become one `interests` list (FormData keeps
 * one value per name), and the "custom" accent choice takes the typed colour.
 */
function normalizeForm(raw: unknown) {
  if (!raw || typeof raw !== 'object') return raw;
  const input = raw as Record<string, unknown>;
  const interests = Object.keys(input)
    .filter((k) => k.startsWith('interest_') && (input[k] === 'on' || input[k] === 'true'))
    .map((k) => k.slice('interest_'.length));
  const accent = input.accent === 'custom' ? (input.accentCustom ?? '') : input.accent;
  return { ...input, accent, interests };
}

export const profileSchema = z.preprocess(
  normalizeForm,
  baseProfileSchema.transform(({ link1, link2, link3, link4, ...rest }) => ({ ...rest, links: [link1, link2, link3, link4].filter(Boolean) })),
);

/** Crop chosen in the browser, as fractions of the upright picture. */
const fraction = z.coerce.number().min(0).max(1);

export const imageUploadSchema = z.object({
  kind: z.enum(['avatar', 'banner'], 'Unknown image kind.'),
  cropX: fraction.optional(),
  cropY: fraction.optional(),
  cropWidth: fraction.optional(),
  cropHeight: fraction.optional(),
});

export const removeImageSchema = z.object({ kind: z.enum(['avatar', 'banner'], 'Unknown image kind.') });

export const timeZoneSchema = z.object({ timeZone: z.string().trim().refine(isTimeZone, 'Unknown time zone.') });
