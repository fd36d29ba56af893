// The one image pipeline: sniff the real type from the bytes, refuse bombs and damaged files, crop, resize to a
// few sizes and re-encode to WebP with every piece of metadata (EXIF, GPS, ICC, XMP, comments) left behind.
// Avatars and banners use it now; group icons, group banners and post images reuse it.
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import type { MediaKind } from '@/db/schema/media';
import { imageLimits, imageMessages } from './limits';

export { imageLimits, imageMessages };

export type SniffedType = 'png' | 'jpeg' | 'webp' | 'gif';

type Variant = { name: string; width: number; height: number };

/** Per kind: the crop's aspect ratio (width / height; none = keep the picture's own) and the sizes stored. */
export const imageKinds: Record<MediaKind, { aspect?: number; variants: Variant[] }> = {
  avatar: { aspect: 1, variants: [48, 128, 256].map((s) => ({ name: String(s), width: s, height: s })) },
  group_icon: { aspect: 1, variants: [48, 128, 256].map((s) => ({ name: String(s), width: s, height: s })) },
  banner: { aspect: 3, variants: [{ name: '768', width: 768, height: 256 }, { name: '1536', width: 1536, height: 512 }] },
  group_banner: { aspect: 3, variants: [{ name: '768', width: 768, height: 256 }, { name: '1536', width: 1536, height: 512 }] },
  // Height 0: scale to the width, keeping the picture's proportions (never enlarged).
  post_image: { variants: [{ name: '640', width: 640, height: 0 }, { name: '1280', width: 1280, height: 0 }] },
};

/** Which part of the (upright) picture to keep, as fractions of its width and height. */
export type CropBox = { x: number; y: number; width: number; height: number };

export type ProcessedVariant = { name: string; width: number; height: number; contentType: 'image/webp'; etag: string; bytes: Buffer };

export type ProcessedImage = {
  kind: MediaKind;
  source: { type: SniffedType; width: number; height: number; bytes: number };
  sha256: string;
  variants: ProcessedVariant[];
};

export type ImageProblem = 'empty' | 'too_large' | 'not_an_image' | 'too_many_pixels' | 'damaged';

/** An upload Hearth refuses, with a message the person can act on. */
export class ImageRejectedError extends Error {
  constructor(
    readonly problem: ImageProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ImageRejectedError';
  }
}

/** The real type of an image, from its first bytes (never from the file name or the browser's claim). */
export function sniffImageType(bytes: Uint8Array): SniffedType | null {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (bytes.length >= 6 && (at(0, 0x47, 0x49, 0x46, 0x38, 0x37, 0x61) || at(0, 0x47, 0x49, 0x46, 0x38, 0x39, 0x61))) return 'gif';
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  return null;
}

function clampCrop(crop: CropBox | undefined, width: number, height: number, aspect: number | undefined) {
  let box = crop
    ? {
        left: Math.round(Math.min(Math.max(crop.x, 0), 1) * width),
        top: Math.round(Math.min(Math.max(crop.y, 0), 1) * height),
        width: Math.round(Math.min(Math.max(crop.width, 0), 1) * width),
        height: Math.round(Math.min(Math.max(crop.height, 0), 1) * height),
      }
    : { left: 0, top: 0, width, height };
  box.width = Math.max(1, Math.min(box.width, width - box.left));
  box.height = Math.max(1, Math.min(box.height, height - box.top));
  if (aspect) {
    // Keep the chosen centre and cut the box down to the kind's shape (a square for avatars).
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    let w = box.width;
    let h = Math.round(w / aspect);
    if (h > box.height) {
      h = box.height;
      w = Math.round(h * aspect);
    }
    w = Math.max(1, Math.min(w, width));
    h = Math.max(1, Math.min(h, height));
    box = {
      left: Math.round(Math.min(Math.max(cx - w / 2, 0), width - w)),
      top: Math.round(Math.min(Math.max(cy - h / 2, 0), height - h)),
      width: w,
      height: h,
    };
  }
  return box;
}

function isDecodeError(error: unknown) {
  const message = String((error as Error)?.message ?? error);
  return /corrupt|premature|truncat|unexpected end|invalid|bad|unsupported image format|not a known file format|read error|VipsJpeg|vipspng|gifload|webpload|pngload|jpegload|Input buffer/i.test(message);
}

/**
 * Checks and processes an uploaded image. Throws ImageRejectedError (with a message for the person) for empty,
 * oversized, non-image, too-many-pixel and damaged files; anything else that goes wrong is a bug and rethrown.
 */
export async function processImage(input: Uint8Array, options: { kind: MediaKind; crop?: CropBox }): Promise<ProcessedImage> {
  const spec = imageKinds[options.kind];
  if (input.byteLength === 0) throw new ImageRejectedError('empty', imageMessages.empty);
  if (input.byteLength > imageLimits.maxBytes) throw new ImageRejectedError('too_large', imageMessages.too_large(input.byteLength));
  const type = sniffImageType(input);
  if (!type) throw new ImageRejectedError('not_an_image', imageMessages.not_an_image);

  // Only the first frame of animations; refuse to decode more pixels than the limit allows (decompression bombs),
  // and fail on truncated or corrupt data instead of padding it with grey.
  const open = (limitInputPixels: number | false) => sharp(input, { pages: 1, limitInputPixels, failOn: 'truncated', sequentialRead: true });

  let meta: Metadata;
  try {
    // Reads the header only: the claimed size is known before a single pixel is decoded.
    meta = await open(false).metadata();
  } catch (error) {
    if (isDecodeError(error)) throw new ImageRejectedError('damaged', imageMessages.damaged);
    throw error;
  }
  if (meta.format !== type && !(type === 'jpeg' && meta.format === 'jpeg')) {
    throw new ImageRejectedError('not_an_image', imageMessages.not_an_image);
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (!width || !height) throw new ImageRejectedError('damaged', imageMessages.damaged);
  if (width > imageLimits.maxSide || height > imageLimits.maxSide) {
    throw new ImageRejectedError('too_many_pixels', imageMessages.too_many_pixels(width, height));
  }

  // Decode once, upright (EXIF orientation applied), into raw pixels: nothing but pixels survives this step.
  let raw: { data: Buffer; info: OutputInfo };
  try {
    raw = await open(imageLimits.maxSide * imageLimits.maxSide).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (isDecodeError(error) || /pixel limit/i.test(String(error))) throw new ImageRejectedError('damaged', imageMessages.damaged);
    throw error;
  }
  const { info } = raw;
  const box = clampCrop(options.crop, info.width, info.height, spec.aspect);
  const fromRaw = () => sharp(raw.data, { raw: { width: info.width, height: info.height, channels: info.channels as 4 } });

  const variants: ProcessedVariant[] = [];
  for (const v of spec.variants) {
    const resized = fromRaw()
      .extract(box)
      .resize(v.height ? { width: v.width, height: v.height, fit: 'cover' } : { width: v.width, withoutEnlargement: true })
      .webp({ quality: 82, effort: 4 });
    const { data, info: out } = await resized.toBuffer({ resolveWithObject: true });
    variants.push({
      name: v.name,
      width: out.width,
      height: out.height,
      contentType: 'image/webp',
      etag: `"${createHash('sha256').update(data).digest('base64url').slice(0, 27)}"`,
      bytes: data,
    });
  }

  return {
    kind: options.kind,
    source: { type, width, height, bytes: input.byteLength },
    sha256: createHash('sha256').update(input).digest('hex'),
    variants,
  };
}

/** The variant to show at a given CSS size (and its double for sharp screens). */
export function variantFor(kind: MediaKind, cssWidth: number): string {
  const list = imageKinds[kind].variants;
  return (list.find((v) => v.width >= cssWidth) ?? list[list.length - 1]).name;
}

/** An SVG drawn as PNG bytes (the demo seed's "photos" and test fixtures). Never used on uploads: SVG is refused. */
export function rasterizeSvg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png().toBuffer();
}
