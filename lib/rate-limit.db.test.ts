import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { rateLimits, users } from '@/db/schema';
import { actAs, call } from '@/test/actions';
import { clientAddress, consume, limitPerson, purgeExpiredLimits, rules, waitMessage } from './rate-limit';
import { webp } from '@/test/fixtures/images';
import { rateLimitsOn, rateLimitsOff } from '@/test/rate-limits';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

// Limits are off in the other tests (vitest.config.ts); these are about them.
beforeAll(() => {
  rateLimitsOn();
});
afterAll(() => {
  rateLimitsOff();
});

describe('rate limits in the database', () => {
  it('allows up to the limit in a window, then refuses with the time to wait', async () => {
    const now = new Date('2026-11-29T10:00:10Z');
    const check = [{ rule: rules.signInPerIpMinute, subject: '203.0.113.7' }];
    for (let i = 0; i < rules.signInPerIpMinute.limit; i++) expect((await consume(db, check, now)).allowed).toBe(true);
    const refused = await consume(db, check, now);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 50, message: 'Too many attempts. Try again in 50 seconds.' });
    // Another address is unaffected; the next window starts fresh.
    expect((await consume(db, [{ rule: rules.signInPerIpMinute, subject: '203.0.113.8' }], now)).allowed).toBe(true);
    expect((await consume(db, check, new Date('2026-11-29T10:01:00Z'))).allowed).toBe(true);
  });

  it('limits an account whatever address the attempts come from, ignoring case', async () => {
    const now = new Date('2026-11-29T11:00:00Z');
    let last;
    for (let i = 0; i <= rules.signInPerAccount.limit; i++) {
      last = await consume(db, [{ rule: rules.signInPerAccount, subject: i % 2 ? 'Maya@Example.org' : 'maya@example.org' }], now);
    }
    expect(last).toMatchObject({ allowed: false, message: 'Too many attempts. Try again in 60 minutes.' });
  });

  it('counts correctly under concurrent attempts (one atomic upsert each)', async () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const check = [{ rule: rules.signInPerIpHour, subject: '198.51.100.1' }];
    const results = await Promise.all(Array.from({ length: 40 }, () => consume(db, check, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(rules.signInPerIpHour.limit);
  });

  it('slows down posting: one post per five seconds per person, with a clear message', async () => {
    const { createPostAction } = await import('@/lib/posts/actions');
    const [u] = await db.insert(users).values({ name: 'Quick', email: 'quick@example.org', handle: 'quick_poster' }).returning();
    actAs({ id: u.id, handle: u.handle, name: 'Quick', image: null });
    // The limit counts in fixed five-second windows; the clock stands still (test/rate-limits.ts), so both posts
    // fall in one (near a window's end the second post once began a new window and was allowed).
    expect((await call(createPostAction, { body: 'One', tags: '' })).error).toBeUndefined();
    const second = await call(createPostAction, { body: 'Two', tags: '' });
    expect(second.error).toMatch(/^You’re going a little fast\. Try again in [1-5] seconds?\.$/);
    expect(second.values?.body).toBe('Two');
  });

  it('counts each image of a post as an upload, with avatars and group images', async () => {
    const { createPostAction } = await import('@/lib/posts/actions');
    const [u] = await db.insert(users).values({ name: 'Snap', email: 'snap@example.org', handle: 'snap_uploads' }).returning();
    actAs({ id: u.id, handle: u.handle, name: 'Snap', image: null });
    for (let i = 0; i < rules.upload.limit - 1; i++) await limitPerson(db, u.id, rules.upload); // 29 uploads so far
    const data = new FormData();
    data.set('body', 'Two photos');
    data.set('tags', '');
    for (const name of ['a.webp', 'b.webp']) data.append('images', new File([new Uint8Array(await webp())], name));
    const refused = await createPostAction({}, data);
    expect(refused.fieldErrors?.images).toMatch(/^You’re going a little fast\. Try again in \d+ (seconds?|minutes?)\.$/);
  });

  it('stores no address or email in the clear, and purges finished windows', async () => {
    const rows = await db.select().from(rateLimits);
    expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113|maya/i);
    await purgeExpiredLimits(db, new Date('2030-01-01T00:00:00Z'));
    expect(Number((await db.select({ n: count() }).from(rateLimits))[0].n)).toBe(0);
  });
});

describe('clientAddress', () => {
  it('takes the right-most forwarded address (never the client-written left-most) and groups IPv6 by /64', () => {
    expect(clientAddress('203.0.113.7, 10.0.0.1')).toBe('10.0.0.1');
    expect(clientAddress('2001:db8:85a3:1234:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:85a3:1234::/64');
    expect(clientAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress(null)).toBe('unknown');
  });
  it('says how long to wait in words', () => {
    expect(waitMessage(1)).toBe('Too many attempts. Try again in 1 second.');
    expect(waitMessage(61)).toBe('Too many attempts. Try again in 2 minutes.');
    expect(waitMessage(86_000, 'Slow down.')).toBe('Slow down. Try again in 24 hours.');
  });
});
