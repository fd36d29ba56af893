// Where a person's picture comes from: an uploaded image (served from /api/media) or a generated one
// (DiceBear, deterministic from the handle, served as SVG from /api/avatar). users.image holds the chosen URL,
// so every query that already reads it (header, post cards) shows the current avatar without another query.
import type { AvatarShape, ProfileVisibility } from '@/db/schema/profiles';
import { isMediaUrl, profileMediaUrl } from '@/lib/media/urls';
import { memo } from '@/lib/memo';

/** DiceBear styles offered (all CC0, from @dicebear/collection). */
export const avatarStyles = [
  { id: 'thumbs', label: 'Thumbs' },
  { id: 'lorelei', label: 'Portrait' },
  { id: 'notionists', label: 'Sketch' },
  { id: 'shapes', label: 'Shapes' },
  { id: 'glass', label: 'Glass' },
  { id: 'rings', label: 'Rings' },
  { id: 'identicon', label: 'Pattern' },
] as const;

export type AvatarStyle = (typeof avatarStyles)[number]['id'];

export function isAvatarStyle(value: string): value is AvatarStyle {
  return avatarStyles.some((s) => s.id === value);
}

/** Background colours for generated avatars ('' = picked from the handle). */
export const avatarBackgrounds = ['fbe7dc', 'ffd5dc', 'ffdfbf', 'f9f1c5', 'c1f0c1', 'b6e3f4', 'd1d4f9', 'c0aede', '2f6f73', '1f1a17'] as const;

export const avatarShapeLabels: Record<AvatarShape, string> = { circle: 'Circle', rounded: 'Rounded square', square: 'Square' };

export const avatarShapeRadius: Record<AvatarShape, number> = { circle: 50, rounded: 18, square: 0 };

export type GeneratedAvatar = { style: string; background: string; shape: AvatarShape };

export const defaultGeneratedAvatar: GeneratedAvatar = { style: 'thumbs', background: '', shape: 'circle' };

function hashOf(text: string) {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h;
}

/** The background actually used: the chosen one, or one picked from the handle so people differ by default. */
export function resolvedBackground(handle: string, background: string) {
  return background || avatarBackgrounds[hashOf(handle.toLowerCase()) % 8];
}

type Placeholder = { initial: string; background: string; ink: string };
// A pure function of its arguments, asked for by every avatar on every page (a feed draws a dozen): kept, bounded.
const placeholders = memo<Placeholder>(5_000);

/**
 * What an avatar shows until its picture arrives: the person's colour (the generated avatar's background, or the one
 * their handle picks) with their initial, in a text colour that reads on it.
 */
export function avatarPlaceholder(name: string, handle: string, image?: string | null): Placeholder {
  return placeholders(`${name}\u0000${handle}\u0000${image ?? ''}`, () => placeholderOf(name, handle, image));
}

function placeholderOf(name: string, handle: string, image?: string | null): Placeholder {
  const fromUrl = image && isGeneratedImage(image) ? new URLSearchParams(image.split('?')[1] ?? '').get('bg') : null;
  const hex = fromUrl && /^[0-9a-f]{6}$/i.test(fromUrl) ? fromUrl : resolvedBackground(handle, '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const initial = Array.from((name.trim() || handle).normalize('NFC'))[0]?.toLocaleUpperCase('en') ?? '?';
  // Dark ink on light colours, white on dark ones: whichever contrasts more.
  return { initial, background: `#${hex}`, ink: (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#1f1a17' : '#ffffff' };
}

/** URL of a generated avatar: a pure function of the handle and the options, so it can be cached for ever. */
export function generatedAvatarUrl(handle: string, options: GeneratedAvatar = defaultGeneratedAvatar) {
  const style = isAvatarStyle(options.style) ? options.style : 'thumbs';
  const params = new URLSearchParams({ bg: resolvedBackground(handle, options.background), shape: options.shape });
  return `/api/avatar/${style}/${encodeURIComponent(handle.toLowerCase())}?${params}`;
}

export const isUploadedImage = isMediaUrl;
export const isGeneratedImage = (image: string | null | undefined) => Boolean(image?.startsWith('/api/avatar/'));

/**
 * The value users.image should hold for a profile's current avatar. An uploaded one's URL carries the profile's
 * visibility in its version (lib/media/urls.ts), so whatever changes the visibility writes users.image again.
 */
export function avatarImageFor(handle: string, profile: { avatarMediaId: string | null; visibility: ProfileVisibility } & GeneratedAvatar) {
  return profile.avatarMediaId ? profileMediaUrl(profile.avatarMediaId, profile.visibility) : generatedAvatarUrl(handle, profile);
}

/** The stored size to fetch for an avatar drawn at `size` CSS pixels (and twice that for sharp screens). */
export function avatarVariant(size: number) {
  return size <= 48 ? '48' : size <= 128 ? '128' : '256';
}
