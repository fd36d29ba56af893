// Reading stored images for the media route, with the owner's visibility applied.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { media, mediaVariants, postImages, posts, profiles } from '@/db/schema';
import { visiblePosts } from '@/lib/posts/visibility';
import type { Viewer } from '@/lib/auth/viewer';
import { mediaAccess } from '@/lib/profiles/visibility';

export type ServedImage = { bytes: Buffer; etag: string; contentType: string; cache: 'public' | 'private' };

/** One size of a stored image, or null when it does not exist or the viewer may not see it (the same answer). */
export async function getMediaVariant(viewer: Viewer | null, mediaId: string, variant: string): Promise<ServedImage | null> {
  if (!/^[0-9a-f-]{36}$/i.test(mediaId) || !/^[a-z0-9_-]{1,16}$/i.test(variant)) return null;
  const [row] = await db
    .select({
      kind: media.kind,
      ownerId: media.ownerId,
      visibility: profiles.visibility,
      bytes: mediaVariants.bytes,
      etag: mediaVariants.etag,
      contentType: mediaVariants.contentType,
    })
    .from(mediaVariants)
    .innerJoin(media, eq(media.id, mediaVariants.mediaId))
    .leftJoin(profiles, eq(profiles.userId, media.ownerId))
    .where(and(eq(mediaVariants.mediaId, mediaId), eq(mediaVariants.name, variant)))
    .limit(1);
  if (!row) return null;
  if (row.kind === 'post_image') {
    // A post's image is seen exactly by those who may see the post.
    const [visible] = await db
      .select({ one: sql`1` })
      .from(postImages)
      .innerJoin(posts, eq(posts.id, postImages.postId))
      .where(and(eq(postImages.mediaId, mediaId), visiblePosts(viewer?.id ?? null)))
      .limit(1);
    if (!visible) return null;
    return { bytes: row.bytes, etag: row.etag, contentType: row.contentType, cache: 'private' };
  }
  const access = mediaAccess({ kind: row.kind, ownerId: row.ownerId, ownerVisibility: row.visibility ?? 'members', viewerId: viewer?.id ?? null });
  if (!access.allowed) return null;
  return { bytes: row.bytes, etag: row.etag, contentType: row.contentType, cache: access.cache };
}
