import { cn } from '@/lib/cn';
import { avatarVariant, generatedAvatarUrl, isGeneratedImage, isUploadedImage } from '@/lib/profiles/avatar';

/**
 * A person's picture. `image` is users.image: an uploaded avatar (/api/media/<id>, served at the size drawn and
 * twice that for sharp screens), a generated one (/api/avatar/…, an SVG carrying its own shape), an external URL
 * (OAuth), or null — then the default generated avatar for the handle.
 */
export function Avatar({
  name,
  handle,
  image,
  size = 40,
  className,
  alt = '',
}: {
  name: string;
  handle: string;
  image?: string | null;
  size?: number;
  className?: string;
  /** Empty when the name is shown beside it (the usual case); else e.g. "Maya Kim's avatar". */
  alt?: string;
}) {
  const src = image || generatedAvatarUrl(handle);
  const uploaded = isUploadedImage(src);
  const generated = isGeneratedImage(src);
  const srcSet = uploaded ? `${src}/${avatarVariant(size)} 1x, ${src}/${avatarVariant(size * 2)} 2x` : undefined;
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={uploaded ? `${src}/${avatarVariant(size)}` : src}
      srcSet={srcSet}
      alt={alt}
      title={alt ? undefined : name}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      data-avatar={uploaded ? 'uploaded' : generated ? 'generated' : 'external'}
      className={cn('inline-block shrink-0 object-cover', !generated && 'rounded-full', className)}
      style={{ width: size, height: size }}
    />
  );
}
