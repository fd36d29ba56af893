// Reading stored images for the media route: first whether the viewer may see one, from its metadata alone (the
// owner's visibility, the group's, the post's), then its bytes, only for an answer that carries them.
import 'server-only';
import { and, eq, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { groupMembers, groups, media, mediaVariants, postImages, posts, profiles } from '@/db/schema';
import { visiblePosts } from '@/lib/posts/visibility';
import type { Viewer } from '@/lib/auth/viewer';
import { mediaAccess } from '@/lib/profiles/visibility';
import { mediaAudience, mediaVersion } from './urls';

/**
 * One size of an image the viewer may see. `cache` says whether everyone may see it (so shared caches may keep
 * it); `current` whether the version asked for (`?v=`, lib/media/urls.ts) is the image's current one.
 */
export type MediaGrant = { mediaId: string; variant: string; etag: string; contentType: string; cache: 'public' | 'private'; current: boolean };

/**
 * Whether the viewer may see one size of a stored image, decided without reading its bytes: null when it does not
 * exist or the viewer may not see it (the same answer).
 */
export async function getMediaAccess(viewer: Viewer | null, mediaId: string, variant: string, version: string | null = null): Promise<MediaGrant | null> {
  if (!/^[0-9a-f-]{36}$/i.test(mediaId) || !/^[a-z0-9_-]{1,16}$/i.test(variant)) return null;
  const viewerId = viewer?.id ?? null;
  const [row] = await db
    .select({
      kind: media.kind,
      ownerId: media.ownerId,
      profileVisibility: profiles.visibility,
      groupVisibility: groups.visibility,
      viewerIsMember: sql<boolean>`${groupMembers.userId} is not null`,
      etag: mediaVariants.etag,
      contentType: mediaVariants.contentType,
    })
    .from(mediaVariants)
    .innerJoin(media, eq(media.id, mediaVariants.mediaId))
    .leftJoin(profiles, eq(profiles.userId, media.ownerId))
    // A group's icon or banner is the group's: the group that shows it, and the viewer's membership of it.
    .leftJoin(groups, or(eq(groups.iconMediaId, media.id), eq(groups.bannerMediaId, media.id)))
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), viewerId ? eq(groupMembers.userId, viewerId) : sql`false`))
    .where(and(eq(mediaVariants.mediaId, mediaId), eq(mediaVariants.name, variant)))
    .limit(1);
  if (!row) return null;
  const grant = (cache: 'public' | 'private'): MediaGrant => {
    const audience = mediaAudience(row.kind, { profileVisibility: row.profileVisibility, groupVisibility: row.groupVisibility });
    const current = audience !== null && version === mediaVersion(mediaId, audience);
    return { mediaId, variant, etag: row.etag, contentType: row.contentType, cache, current };
  };
  if (row.kind === 'post_image') {
    // A post's image is seen exactly by those who may see the post.
    const [visible] = await db
      .select({ one: sql`1` })
      .from(postImages)
      .innerJoin(posts, eq(posts.id, postImages.postId))
      .where(and(eq(postImages.mediaId, mediaId), visiblePosts(viewerId)))
      .limit(1);
    return visible ? grant('private') : null;
  }
  const access = mediaAccess({
    kind: row.kind,
    ownerId: row.ownerId,
    ownerVisibility: row.profileVisibility ?? 'members',
    viewerId,
    group: row.groupVisibility ? { visibility: row.groupVisibility, viewerIsMember: Boolean(row.viewerIsMember) } : null,
  });
  return access.allowed ? grant(access.cache) : null;
}

/** The bytes of a size the viewer was granted (getMediaAccess), or null if the image was deleted meanwhile. */
export async function readMediaBytes(grant: MediaGrant): Promise<Buffer | null> {
  const [row] = await db
    .select({ bytes: mediaVariants.bytes })
    .from(mediaVariants)
    .where(and(eq(mediaVariants.mediaId, grant.mediaId), eq(mediaVariants.name, grant.variant)))
    .limit(1);
  return row?.bytes ?? null;
}
