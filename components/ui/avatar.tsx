import { cn } from '@/lib/cn';
import { memo } from '@/lib/memo';
import { mediaVariantUrl } from '@/lib/media/urls';
import { avatarPlaceholder, avatarVariant, generatedAvatarUrl, isGeneratedImage, isUploadedImage } from '@/lib/profiles/avatar';

const shapeClass: Record<string, string> = { circle: 'rounded-full', rounded: 'rounded-[18%]', square: 'rounded-none' };

type Source = { src: string; uploaded: boolean; generated: boolean; shape: string };
// Where a picture comes from and its shape: a pure function of users.image (or the handle), asked for by every
// avatar on every page (two URL parses each). Kept, bounded.
const sources = memo<Source>(5_000);
function sourceOf(handle: string, image: string | null | undefined): Source {
  return sources(image || `\u0000${handle}`, () => {
    const src = image || generatedAvatarUrl(handle);
    const generated = isGeneratedImage(src);
    const shape = generated ? (new URLSearchParams(src.split('?')[1] ?? '').get('shape') ?? 'circle') : 'circle';
    return { src, uploaded: isUploadedImage(src), generated, shape };
  });
}

/**
 * A person's picture. `image` is users.image: an uploaded avatar (/api/media/<id>?v=…, served at the size drawn and
 * twice that for sharp screens), a generated one (/api/avatar/…, an SVG carrying its own shape), an external URL
 * (OAuth), or null — then the default generated avatar for the handle. Until the picture loads (or if it fails), the
 * person's colour and initial stand in its place.
 */
export function Avatar({
  name,
  handle,
  image,
  size = 40,
  className,
  alt = '',
}: {
  /** The person's name: its initial is the placeholder. */
  name: string;
  handle: string;
  image?: string | null;
  size?: number;
  className?: string;
  /** Empty when the name is shown beside it (the usual case); else e.g. "Maya Kim's avatar". */
  alt?: string;
}) {
  const { src, uploaded, generated, shape } = sourceOf(handle, image);
  const srcSet = uploaded ? `${mediaVariantUrl(src, avatarVariant(size))} 1x, ${mediaVariantUrl(src, avatarVariant(size * 2))} 2x` : undefined;
  const placeholder = avatarPlaceholder(name, handle, src);
  return (
    <span
      className={cn('relative inline-grid shrink-0 select-none place-items-center overflow-hidden font-semibold leading-none', shapeClass[shape] ?? 'rounded-full', className)}
      style={{ width: size, height: size, backgroundColor: placeholder.background, color: placeholder.ink, fontSize: Math.round(size * 0.42) }}
    >
      <span aria-hidden="true">{placeholder.initial}</span>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={uploaded ? mediaVariantUrl(src, avatarVariant(size)) : src}
        srcSet={srcSet}
        alt={alt}
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
        data-avatar={uploaded ? 'uploaded' : generated ? 'generated' : 'external'}
        className="absolute inset-0 size-full object-cover"
      />
    </span>
  );
}
