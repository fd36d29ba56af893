// The generated-avatar route (GET /api/avatar/[style]/[seed]) through its handler: anyone gets the same picture for
// the same URL, a picture that runs nothing and says nothing about anyone; anything but a known style, colour and
// shape is not found; and no request writes a row.
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/avatar/[style]/[seed]/route';
import { databaseFingerprint, expectAllowed, expectRefused, routeAnswer } from '@/test/proofs';

const ask = (style: string, seed: string, query = '') =>
  [new Request(`http://hearth.test/api/avatar/${style}/${encodeURIComponent(seed)}${query}`), { params: Promise.resolve({ style, seed }) }] as const;

describe('GET /api/avatar/[style]/[seed]', () => {
  it('draws the same picture for the same URL, for anyone, cached publicly, running nothing and writing nothing', async () => {
    const tables = await databaseFingerprint();
    const first = await expectAllowed(() => routeAnswer(GET(...ask('thumbs', 'Maya_K', '?bg=1a2b3c&shape=square'))), {
      effect: async () => expect(await databaseFingerprint(), 'a drawing writes nothing').toEqual(tables),
    });
    expect(first).toMatchObject({ status: 200 });
    const { headers } = first;
    const body = first.body as string;
    expect(headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(body).toMatch(/^<svg[\s>]/);
    expect(body).toContain('1a2b3c');
    expect(body).not.toMatch(/<script|onload=|javascript:/i);
    // The seed is taken case-blind, and another seed draws another picture.
    expect((await routeAnswer(GET(...ask('thumbs', 'maya_k', '?bg=1a2b3c&shape=square')))).body).toBe(body);
    expect((await routeAnswer(GET(...ask('thumbs', 'someone_else', '?bg=1a2b3c&shape=square')))).body).not.toBe(body);
  });

  it('answers “not found” to an unknown style, colour or shape, or an overlong seed, and writes nothing', async () => {
    for (const [style, seed, query] of [
      ['pixel-art', 'maya', ''],
      ['thumbs', 'maya', '?bg=red'],
      ['thumbs', 'maya', '?bg=1a2b3c"><script>'],
      ['thumbs', 'maya', '?shape=star'],
      ['thumbs', 'x'.repeat(65), ''],
    ]) {
      await expectRefused(() => routeAnswer(GET(...ask(style, seed, query))), { error: 'Not found' });
    }
  });
});
