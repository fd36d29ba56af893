// Writing a processed image: one media row owned by its uploader, and its re-encoded sizes.
import type { Executor } from '@/db/client';
import { media, mediaVariants, type MediaKind } from '@/db/schema';
import type { ProcessedImage } from './process-image';

export async function storeImage(tx: Executor, ownerId: string, kind: MediaKind, processed: ProcessedImage): Promise<string> {
  const largest = processed.variants[processed.variants.length - 1];
  const [row] = await tx.insert(media).values({ ownerId, kind, width: largest.width, height: largest.height, sha256: processed.sha256 }).returning({ id: media.id });
  await tx
    .insert(mediaVariants)
    .values(processed.variants.map((v) => ({ mediaId: row.id, name: v.name, width: v.width, height: v.height, contentType: v.contentType, etag: v.etag, bytes: v.bytes })));
  return row.id;
}
