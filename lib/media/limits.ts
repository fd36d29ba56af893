// Upload limits and their messages, shared by the browser (early checks) and the server (the real ones).
export const imageLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxSide: 4096,
} as const;

/** What one form submission may carry in all: next.config.ts sets the Server Action body limit from it. */
export const maxUploadBytesPerSubmit = 6 * 1024 * 1024;

/** Of that, what the images may take: the rest is room for the form's other fields and the multipart framing. */
export const maxImageBytesPerSubmit = maxUploadBytesPerSubmit - 64 * 1024;

export const acceptedImageTypes = 'image/png,image/jpeg,image/webp,image/gif';

// Rounded up, so a file just over the limit never reads as "5.0 MB; at most 5 MB".
const mb = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;

export const imageMessages = {
  empty: 'Choose an image file first.',
  too_large: (bytes: number) => `That file is ${mb(bytes)}; images can be at most 5 MB.`,
  too_many: (max: number) => `A post holds at most ${max} images.`,
  too_large_together: (bytes: number) => `Together these images are ${mb(bytes)}; one post can carry up to 6 MB of images. Leave one out, or choose smaller ones.`,
  not_an_image: 'That file isn’t a PNG, JPEG, WebP or GIF image (we look at what is inside, not at its name).',
  too_many_pixels: (w: number, h: number) => `That image is ${w}×${h} pixels; images can be at most 4096×4096.`,
  damaged: 'That image is damaged or cut short, so we can’t read it. Try saving or exporting it again.',
};

/**
 * Why these chosen files cannot be sent, or null when they can — worded as the server words it. The browser asks
 * before submitting, because a submission over the Server Action body limit is refused by Next before Hearth's
 * action could explain anything; the server asks again, since nothing from the browser is trusted.
 */
export function imageFilesProblem(files: readonly { size: number }[], maxFiles = 1): string | null {
  if (files.length > maxFiles) return imageMessages.too_many(maxFiles);
  for (const [i, file] of files.entries()) {
    if (file.size > imageLimits.maxBytes) return (files.length > 1 ? `Image ${i + 1}: ` : '') + imageMessages.too_large(file.size);
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > maxImageBytesPerSubmit) return imageMessages.too_large_together(total);
  return null;
}
