// Upload limits and their messages, shared by the browser (early checks) and the server (the real ones).
export const imageLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxSide: 4096,
} as const;

/** What one form submission may carry in all (next.config.ts sets the same Server Action body limit). */
export const maxUploadBytesPerSubmit = 6 * 1024 * 1024;

export const acceptedImageTypes = 'image/png,image/jpeg,image/webp,image/gif';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const imageMessages = {
  empty: 'Choose an image file first.',
  too_large: (bytes: number) => `That file is ${mb(bytes)}; images can be at most 5 MB.`,
  not_an_image: 'That file isn’t a PNG, JPEG, WebP or GIF image (we look at what is inside, not at its name).',
  too_many_pixels: (w: number, h: number) => `That image is ${w}×${h} pixels; images can be at most 4096×4096.`,
  damaged: 'That image is damaged or cut short, so we can’t read it. Try saving or exporting it again.',
};
