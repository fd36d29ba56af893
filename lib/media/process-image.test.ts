import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { animated, gif, gifWithScript, jpegWithGps, noisyPng, pngBomb, polyglotGif, webp } from '@/test/fixtures/images';
import { ImageRejectedError, imageLimits, processImage, sniffImageType, variantFor } from './process-image';

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageRejectedError);
  return error as ImageRejectedError;
}

describe('sniffImageType', () => {
  it('reads the type from the bytes, whatever the name says', async () => {
    expect(sniffImageType(await jpegWithGps(40, 40))).toBe('jpeg');
    expect(sniffImageType(await noisyPng(8, 8))).toBe('png');
    expect(sniffImageType(await gif())).toBe('gif');
    expect(sniffImageType(await webp())).toBe('webp');
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('GIF8'))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe('processImage', () => {
  it('strips every piece of metadata: no EXIF, no GPS, no ICC, no XMP in any stored size', async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('HearthTestCam'); // the fixture really carries it
    const out = await processImage(input, { kind: 'avatar' });
    expect(out.variants.map((v) => v.name)).toEqual(['48', '128', '256']);
    for (const v of out.variants) {
      const meta = await sharp(v.bytes).metadata();
      expect(meta.format).toBe('webp');
      expect([meta.width, meta.height]).toEqual([v.width, v.height]);
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(v.bytes.toString('latin1')).not.toMatch(/HearthTestCam|secret-comment|GPS/);
      expect(v.etag).toMatch(/^"[\w-]{27}"$/);
    }
  });

  it('crops to the chosen square and resizes avatars to 48, 128 and 256', async () => {
    // Left half teal, right half orange: cropping the right third must give an orange avatar.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="300"><rect width="450" height="300" fill="#2f6f73"/><rect x="450" width="450" height="300" fill="#f08a00"/></svg>`;
    const input = await sharp(Buffer.from(svg)).png().toBuffer();
    const out = await processImage(input, { kind: 'avatar', crop: { x: 2 / 3, y: 0, width: 1 / 3, height: 1 } });
    const { data } = await sharp(out.variants[0].bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200); // red channel of the top-left pixel: orange, not teal
    expect(out.variants.every((v) => v.width === v.height)).toBe(true);
  });

  it('makes banners wide (3:1) and keeps only the first frame of a GIF', async () => {
    const out = await processImage(await gif(), { kind: 'banner' });
    expect(out.variants.map((v) => [v.width, v.height])).toEqual([[768, 256], [1536, 512]]);
    expect(out.source.type).toBe('gif');
    expect((await sharp(out.variants[0].bytes).metadata()).pages ?? 1).toBe(1);
  });

  it('accepts WebP and never enlarges post images', async () => {
    const out = await processImage(await webp(), { kind: 'post_image' });
    expect(out.variants.map((v) => v.width)).toEqual([300, 300]);
  });

  it('refuses what is not a PNG, JPEG, WebP or GIF, even when named like one', async () => {
    const error = await rejection(processImage(Buffer.from('this is a text file called photo.png'), { kind: 'avatar' }));
    expect(error.problem).toBe('not_an_image');
    expect(error.message).toContain('isn’t a PNG, JPEG, WebP or GIF');
    const svg = await rejection(processImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), { kind: 'avatar' }));
    expect(svg.problem).toBe('not_an_image');
  });

  it('refuses decompression bombs before decoding them', async () => {
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(imageLimits.maxBytes);
    const started = performance.now();
    const error = await rejection(processImage(bomb, { kind: 'avatar' }));
    expect(error.problem).toBe('too_many_pixels');
    expect(error.message).toBe('That image is 20000×20000 pixels; images can be at most 4096×4096.');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses truncated files with a clear message', async () => {
    const png = await noisyPng();
    const pngError = await rejection(processImage(png.subarray(0, Math.floor(png.length / 2)), { kind: 'avatar' }));
    expect(pngError.problem).toBe('damaged');
    const jpeg = await jpegWithGps();
    const jpegError = await rejection(processImage(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), { kind: 'avatar' }));
    expect(jpegError.message).toBe('That image is damaged or cut short, so we can’t read it. Try saving or exporting it again.');
  });

  it('refuses empty and oversized files', async () => {
    expect((await rejection(processImage(new Uint8Array(), { kind: 'avatar' }))).problem).toBe('empty');
    const big = new Uint8Array(imageLimits.maxBytes + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const error = await rejection(processImage(big, { kind: 'avatar' }));
    expect(error.problem).toBe('too_large');
    expect(error.message).toContain('at most 5 MB');
  });

  it('turns a GIF that is also JavaScript (GIF89a/*…*/=alert(1)//) into a clean WebP with no trace of the script', async () => {
    const polyglot = polyglotGif();
    // It really is both: a script a browser could run, and a GIF sharp reads (libvips takes the frame's 1×1 size,
    // not the 10799 pixels the screen descriptor claims, so it is not refused as too large).
    expect(() => new Function(polyglot.toString('latin1'))).not.toThrow();
    expect((await sharp(polyglot).metadata()).format).toBe('gif');
    const out = await processImage(polyglot, { kind: 'post_image' });
    expect(out.source).toMatchObject({ type: 'gif', width: 1, height: 1 });
    for (const v of out.variants) {
      expect(v.contentType).toBe('image/webp');
      expect(v.bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
      expect(v.bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
      expect(v.bytes.toString('latin1')).not.toMatch(/alert|document\.domain|\/\*|GIF8/);
      expect(() => new Function(v.bytes.toString('latin1'))).toThrow(); // no longer a script
    }
  });

  it('re-encodes a GIF carrying a script to a clean WebP: no trace of the payload in what is stored', async () => {
    const input = gifWithScript();
    expect(input.toString('latin1')).toContain('<script>alert("hearth-xss")</script>');
    for (const kind of ['post_image', 'avatar'] as const) {
      const out = await processImage(input, { kind });
      for (const v of out.variants) {
        expect(v.bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
        expect(v.bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
        expect(v.contentType).toBe('image/webp');
        const text = v.bytes.toString('latin1');
        expect(text).not.toMatch(/script|alert|hearth-xss|GIF8/i);
        const meta = await sharp(v.bytes).metadata();
        expect([meta.exif, meta.xmp, meta.icc, meta.comments]).toEqual([undefined, undefined, undefined, undefined]);
      }
    }
  });

  it('refuses HTML and SVG whatever they are called, and HTML behind a PNG signature', async () => {
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    expect((await rejection(processImage(html, { kind: 'post_image' }))).problem).toBe('not_an_image');
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(2)</script></svg>');
    expect((await rejection(processImage(svg, { kind: 'avatar' }))).problem).toBe('not_an_image');
    const disguised = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), html]);
    const error = await rejection(processImage(disguised, { kind: 'post_image' }));
    expect(error.problem).toBe('damaged');
    expect(error.message).toBe('That image is damaged or cut short, so we can’t read it. Try saving or exporting it again.');
  });

  it('refuses a picture longer than 4096 pixels on one side, even when its area is small', async () => {
    const long = await sharp({ create: { width: 5000, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
    const error = await rejection(processImage(long, { kind: 'post_image' }));
    expect(error.problem).toBe('too_many_pixels');
    expect(error.message).toBe('That image is 5000×4 pixels; images can be at most 4096×4096.');
  });

  it('keeps only the first frame of animated GIFs and WebPs (animation is not supported): a still WebP', async () => {
    for (const format of ['gif', 'webp'] as const) {
      const input = await animated(format);
      expect((await sharp(input).metadata()).pages).toBe(2);
      const out = await processImage(input, { kind: 'post_image' });
      const meta = await sharp(out.variants[0].bytes).metadata();
      expect(meta.pages ?? 1).toBe(1);
      expect([meta.width, meta.height]).toEqual([40, 30]); // one frame tall, not two
      const { data } = await sharp(out.variants[0].bytes).raw().toBuffer({ resolveWithObject: true });
      expect(data[0]).toBeGreaterThan(200); // red: the first frame
      expect(data[2]).toBeLessThan(60);
    }
  });

  it('stays unharmed: every hostile file at once is refused with a message, and a good one still goes through', async () => {
    const png = await noisyPng(64, 64);
    const hostile = [
      await pngBomb(),
      png.subarray(0, png.length - 40),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20)]),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]),
      new Uint8Array(imageLimits.maxBytes + 1).fill(0x47),
    ];
    const started = performance.now();
    const results = await Promise.allSettled(hostile.map((bytes) => processImage(bytes, { kind: 'post_image' })));
    for (const [i, r] of results.entries()) {
      expect(r.status, `hostile file ${i}`).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ImageRejectedError);
    }
    expect(performance.now() - started).toBeLessThan(5000);
    const good = await processImage(await webp(), { kind: 'post_image' });
    expect(good.variants).toHaveLength(2);
  });

  it('picks the stored size for a drawn size', () => {
    expect(variantFor('avatar', 40)).toBe('48');
    expect(variantFor('avatar', 96)).toBe('128');
    expect(variantFor('avatar', 1000)).toBe('256');
  });
});
