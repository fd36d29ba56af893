import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLike, parseQuery, prefixPattern, prefixTsQuery } from './text';

describe('parseQuery', () => {
  it('trims, collapses whitespace, drops control characters and bounds the length', () => {
    expect(parseQuery('  raku \n\t firing\u0000 ')).toEqual({ text: 'raku firing', term: 'raku firing', sigil: null, short: false });
    expect(parseQuery('x'.repeat(300))!.text).toHaveLength(100);
    expect(parseQuery('   ')).toBeNull();
    expect(parseQuery(undefined)).toBeNull();
  });

  it('notes #tag and @handle, and calls one or two characters short', () => {
    expect(parseQuery('#Ceramics')).toMatchObject({ term: 'ceramics', sigil: '#', short: false });
    expect(parseQuery('@ma')).toMatchObject({ term: 'ma', sigil: '@', short: true });
    expect(parseQuery('#')).toBeNull();
    expect(parseQuery('ab')!.short).toBe(true);
    expect(parseQuery('abc')!.short).toBe(false);
  });
});

describe('LIKE patterns', () => {
  it('escape % _ and backslash', () => {
    expect(escapeLike('100%_\\')).toBe('100\\%\\_\\\\');
    expect(containsPattern('a%')).toBe('%a\\%%');
    expect(prefixPattern('_x')).toBe('\\_x%');
  });
});

describe('prefixTsQuery', () => {
  it('keeps words only, every one required, the last as a prefix', () => {
    expect(prefixTsQuery('glaze te')).toBe('glaze & te:*');
    expect(prefixTsQuery("a & b | !c:* ('d')")).toBe('a & b & c & d:*');
    expect(prefixTsQuery('Crème brûlée')).toBe('crème & brûlée:*');
    expect(prefixTsQuery('&&& |||')).toBeNull();
  });
});
