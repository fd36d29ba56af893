// URLs of uploaded images. A URL carries a version (`?v=`) derived from the image and the visibility of what holds
// it (the owner's profile, or the group), so a change of visibility changes every URL of the image: browsers and
// shared caches that kept the old answer are never asked for it again by Hearth's pages. The media route long-caches
// only a public image asked for under its current version; anything else is revalidated on every use.
// Pure and free of secrets: the version reveals nothing a viewer cannot see (visibility is shown on the profile and
// the group), and knowing it grants nothing — the route decides access on every request.
import type { GroupVisibility } from '@/db/schema/groups';
import type { MediaKind } from '@/db/schema/media';
import type { ProfileVisibility } from '@/db/schema/profiles';

const mediaPrefix = '/api/media/';

/** What a version depends on besides the image itself: the visibility of its profile or group (null: none). */
export function mediaAudience(kind: MediaKind | string, holder: { profileVisibility?: ProfileVisibility | null; groupVisibility?: GroupVisibility | null }): string | null {
  if (kind === 'avatar' || kind === 'banner') return `profile:${holder.profileVisibility ?? 'members'}`;
  if (kind === 'group_icon' || kind === 'group_banner') return holder.groupVisibility ? `group:${holder.groupVisibility}` : null;
  // Post images follow their post and are never long-cached: they need no version.
  return null;
}

/** A short version (FNV-1a, base 36) of an image under an audience: stable while both stay the same. */
export function mediaVersion(mediaId: string, audience: string): string {
  let hash = 0x811c9dc5;
  for (const ch of `${mediaId}|${audience}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** The URL of an image (without a size), carrying its current version when it has one. */
export function mediaUrl(mediaId: string, audience: string | null): string {
  return audience ? `${mediaPrefix}${mediaId}?v=${mediaVersion(mediaId, audience)}` : `${mediaPrefix}${mediaId}`;
}

/** A profile's avatar or banner. */
export const profileMediaUrl = (mediaId: string, visibility: ProfileVisibility) => mediaUrl(mediaId, mediaAudience('avatar', { profileVisibility: visibility }));

/** A group's icon or banner. */
export const groupMediaUrl = (mediaId: string, visibility: GroupVisibility) => mediaUrl(mediaId, mediaAudience('group_icon', { groupVisibility: visibility }));

/** One stored size of the image at `url` (from mediaUrl), keeping its version: `/api/media/<id>/<size>?v=…`. */
export function mediaVariantUrl(url: string, size: string): string {
  const at = url.indexOf('?');
  return at < 0 ? `${url}/${size}` : `${url.slice(0, at)}/${size}${url.slice(at)}`;
}

export const isMediaUrl = (url: string | null | undefined) => Boolean(url?.startsWith(mediaPrefix));
