import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { imageFilesProblem, imageLimits, imageMessages, maxImageBytesPerSubmit, maxUploadBytesPerSubmit } from './limits';

const MB = 1024 * 1024;
const file = (size: number) => ({ size });

describe('imageFilesProblem (the browser asks before sending, the server again)', () => {
  it('lets through what the server takes: one image up to exactly 5 MB, nothing chosen, several that fit together', () => {
    expect(imageFilesProblem([])).toBeNull();
    expect(imageFilesProblem([file(imageLimits.maxBytes)])).toBeNull();
    expect(imageFilesProblem([file(2 * MB), file(2 * MB), file(1 * MB)], 4)).toBeNull();
  });

  it('refuses one byte over 5 MB with the server’s own words, never rounding down to “5.0 MB”', () => {
    expect(imageFilesProblem([file(imageLimits.maxBytes + 1)])).toBe('That file is 5.1 MB; images can be at most 5 MB.');
    expect(imageFilesProblem([file(imageLimits.maxBytes + 1)])).toBe(imageMessages.too_large(imageLimits.maxBytes + 1));
    // The outside test's case: a 6 MB file, which would otherwise hit the Server Action body limit.
    expect(imageFilesProblem([file(6 * MB)])).toBe('That file is 6.0 MB; images can be at most 5 MB.');
    expect(imageFilesProblem([file(40 * MB)])).toBe('That file is 40.0 MB; images can be at most 5 MB.');
  });

  it('names which of several images is too large, as the post action does', () => {
    expect(imageFilesProblem([file(MB), file(5.5 * MB)], 4)).toBe('Image 2: That file is 5.5 MB; images can be at most 5 MB.');
  });

  it('refuses more files than the form takes', () => {
    expect(imageFilesProblem([file(1), file(1)])).toBe(imageMessages.too_many(1));
    expect(imageFilesProblem(Array.from({ length: 5 }, () => file(1)), 4)).toBe('A post holds at most 4 images.');
  });

  it('refuses images that together would not fit in one submission', () => {
    expect(imageFilesProblem([file(3 * MB), file(3 * MB)], 4)).toBe(
      'Together these images are 6.0 MB; one post can carry up to 6 MB of images. Leave one out, or choose smaller ones.',
    );
    expect(imageFilesProblem([file(maxImageBytesPerSubmit / 2), file(maxImageBytesPerSubmit / 2)], 4)).toBeNull();
  });
});

describe('the Server Action body limit', () => {
  it('is the limit the browser checks against, with room for one largest image and the rest of its form', () => {
    // Next reads '6mb' with the `bytes` package: 1 mb = 1024 × 1024 bytes.
    const setting = String(nextConfig.experimental?.serverActions?.bodySizeLimit);
    const limit = /^\d+$/.test(setting) ? Number(setting) : Number(/^(\d+(?:\.\d+)?)mb$/i.exec(setting)?.[1]) * MB;
    expect(limit).toBe(maxUploadBytesPerSubmit);
    expect(maxImageBytesPerSubmit).toBeLessThan(limit);
    expect(imageLimits.maxBytes).toBeLessThanOrEqual(maxImageBytesPerSubmit);
  });
});
