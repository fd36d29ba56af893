import { describe, expect, it } from 'vitest';
import { createPostSchema, normalizeTags, tagsSchema } from './schemas';

describe('normalizeTags', () => {
  it('lowercases, strips #, turns spaces into dashes and drops duplicates', () => {
    expect(normalizeTags('#Ceramics, Night Photography, ceramics')).toEqual(['ceramics', 'night-photography']);
  });
  it('splits on # as well as commas', () => {
    expect(normalizeTags('#a1 #b2')).toEqual(['a1', 'b2']);
  });
  it('folds accents and removes symbols', () => {
    expect(normalizeTags('Café ☕ Crème')).toEqual(['cafe-creme']);
  });
});

describe('tagsSchema', () => {
  it('allows at most five tags of 2–30 characters', () => {
    expect(tagsSchema.safeParse('a,b').success).toBe(false);
    expect(tagsSchema.safeParse('one,two,three,four,five,six').success).toBe(false);
    expect(tagsSchema.parse('one,two')).toEqual(['one', 'two']);
  });
});

describe('createPostSchema', () => {
  it('needs some text and caps the length', () => {
    expect(createPostSchema.safeParse({ body: '   ', tags: '' }).success).toBe(false);
    expect(createPostSchema.safeParse({ body: 'x'.repeat(10_001), tags: '' }).success).toBe(false);
    expect(createPostSchema.parse({ body: ' hi ', tags: '' }).body).toBe('hi');
  });
});
