import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips a position', () => {
    const cursor = { createdAt: new Date('2026-05-01T10:20:30.123Z'), id: 'abc-123' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });
  it('ignores garbage instead of failing the page', () => {
    expect(decodeCursor('not-a-cursor')).toBeUndefined();
    expect(decodeCursor(Buffer.from('yesterday|x').toString('base64url'))).toBeUndefined();
    expect(decodeCursor('x'.repeat(500))).toBeUndefined();
    expect(decodeCursor(undefined)).toBeUndefined();
  });
});
