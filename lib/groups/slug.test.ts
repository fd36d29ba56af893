import { describe, expect, it } from 'vitest';
import { slugSchema } from './schemas';
import { suggestSlug } from './slug';

describe('suggestSlug', () => {
  it('turns a name into an address the form accepts', () => {
    const cases: [string, string][] = [
      ['Night Photographers', 'night-photographers'],
      ['  Café Crème — Lovers!  ', 'cafe-creme-lovers'],
      ['Rock & Roll', 'rock-and-roll'],
      ['Trail   running 2026', 'trail-running-2026'],
    ];
    for (const [name, slug] of cases) {
      expect(suggestSlug(name), name).toBe(slug);
      expect(slugSchema.safeParse(slug).success, slug).toBe(true);
    }
  });

  it('stays within 40 characters and never ends on a dash', () => {
    const slug = suggestSlug('The very long name of a group of people who walk at dawn');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });

  it('suggests nothing for a name with no letters or digits', () => {
    expect(suggestSlug('!!! ???')).toBe('');
  });
});
