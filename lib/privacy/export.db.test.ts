// The export archive: it unzips, every registry entry is in it, and it holds the person's posts and avatar bytes.
import { and, eq, isNull, ne } from 'drizzle-orm';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { consentLog, feedControls, interestScores, mediaVariants, posts, users } from '@/db/schema';
import { setConsent } from './consents';
import { decayed } from '@/lib/recommend/weights';
import type { Viewer } from '@/lib/auth/viewer';
import { GET } from '@/app/api/export/route';
import { actAs } from '@/test/actions';
import { databaseFingerprint, expectAllowed, expectRefused, routeAnswer } from '@/test/proofs';
import { seedHeavyPerson } from '@/test/privacy';
import { exportArchive, type Manifest } from './export';
import { registry } from './registry';
import { rateLimitsOn, rateLimitsOff } from '@/test/rate-limits';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));

let heavy: Awaited<ReturnType<typeof seedHeavyPerson>>;
const nasty = '<img src=x onerror="alert(1)"> & </pre><script>alert(2)</script>';

beforeAll(async () => {
  heavy = await seedHeavyPerson();
  const [first] = await db.select({ id: posts.id }).from(posts).where(eq(posts.authorId, heavy.user.id)).limit(1);
  await db.update(posts).set({ body: nasty }).where(eq(posts.id, first.id));
});

async function unzip(stream: ReadableStream<Uint8Array>) {
  return unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe('export archive', () => {
  it('has a manifest and one JSON file per registry entry, each described', async () => {
    const files = await unzip(exportArchive(db, heavy.user.id, heavy.user.handle));
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as Manifest;
    expect(manifest.format).toBe('hearth-export/1');
    expect(manifest.handle).toBe(heavy.user.handle);
    for (const entry of registry) {
      const path = `data/${entry.table}.json`;
      expect(files[path], path).toBeDefined();
      const rows = JSON.parse(strFromU8(files[path])) as unknown[];
      const described = manifest.files.find((f) => f.path === path);
      expect(described).toMatchObject({ table: entry.table, purpose: entry.purpose, retention: entry.retention, rows: rows.length });
      expect(rows.length).toBe(await entry.count(db, heavy.user.id));
    }
    // Every file in the archive is described, and every described file is there.
    expect(new Set(manifest.files.map((f) => f.path))).toEqual(new Set(Object.keys(files)));
  });

  it('holds their post text and the very bytes of their avatar, and no password hash', async () => {
    const files = await unzip(exportArchive(db, heavy.user.id, heavy.user.handle));
    const theirPosts = JSON.parse(strFromU8(files['data/posts.json'])) as { body: string }[];
    const stored = await db.select({ body: posts.body }).from(posts).where(eq(posts.authorId, heavy.user.id));
    expect(theirPosts.map((p) => p.body).sort()).toEqual(stored.map((p) => p.body).sort());
    const variants = await db.select().from(mediaVariants).where(eq(mediaVariants.mediaId, heavy.avatarId));
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) {
      const file = Object.entries(files).find(([path]) => path.startsWith(`images/${heavy.avatarId}-${v.name}.`));
      expect(file, v.name).toBeDefined();
      expect(Buffer.from(file![1]).equals(v.bytes)).toBe(true);
    }
    const media = JSON.parse(strFromU8(files['data/media.json'])) as { variants: { file: string; base64?: string }[] }[];
    expect(media.flatMap((m) => m.variants).every((v) => v.file && v.base64 === undefined)).toBe(true);
    const everything = Object.values(files).map((f) => strFromU8(f, true)).join('\n');
    expect(everything).not.toContain('argon2');
    expect(everything).toContain(heavy.user.email);
  });

  it('holds the algorithm’s state: interests with their score as it stands now and their weight, every feed control with its history, the consent log', async () => {
    const me = heavy.user.id;
    const DAY = 86_400_000;
    const now = new Date();
    // One topic valued 60 days ago, one chosen, one feed control ended, one consent changed.
    await db.insert(interestScores).values({ userId: me, tag: 'exportfade', inferred: 8, inferredAt: new Date(now.getTime() - 60 * DAY), signalCounts: { reaction: 2 } });
    await db.insert(interestScores).values({ userId: me, tag: 'exportpinned', choice: 'more', inferred: 0 });
    const [control] = await db.select().from(feedControls).where(and(eq(feedControls.userId, me), isNull(feedControls.endedAt))).limit(1);
    expect(control).toBeDefined();
    await db.update(feedControls).set({ endedAt: now }).where(eq(feedControls.id, control.id));
    await db.transaction((tx) => setConsent(tx, me, 'email_notifications', true, 'privacy'));

    const files = await unzip(exportArchive(db, me, heavy.user.handle));
    const interests = JSON.parse(strFromU8(files['data/interest_scores.json'])) as { tag: string; choice: string | null; inferredNow: number; inferredStored: number; weight: number; signalCounts: Record<string, number> }[];
    const fade = interests.find((i) => i.tag === 'exportfade')!;
    expect(fade.inferredStored).toBe(8);
    // The score as the feed uses it today (two half-lives on), not the stored number.
    expect(fade.inferredNow).toBeCloseTo(decayed(8, new Date(now.getTime() - 60 * DAY), new Date()), 2);
    expect(fade.inferredNow).toBeCloseTo(2, 1);
    expect(fade.weight).toBeGreaterThan(0);
    expect(fade.signalCounts).toEqual({ reaction: 2 });
    expect(interests.find((i) => i.tag === 'exportpinned')).toMatchObject({ choice: 'more', inferredNow: 0, weight: 2 });
    expect(interests).toHaveLength((await db.select().from(interestScores).where(eq(interestScores.userId, me))).length);

    const controls = JSON.parse(strFromU8(files['data/feed_controls.json'])) as { id: string; kind: string; target: string; endedAt: string | null }[];
    expect(controls.find((c) => c.id === control.id)).toMatchObject({ kind: control.kind, target: control.target, endedAt: now.toISOString() });
    expect(controls).toHaveLength((await db.select().from(feedControls).where(eq(feedControls.userId, me))).length);

    const log = JSON.parse(strFromU8(files['data/consent_log.json'])) as { kind: string; oldValue: boolean; newValue: boolean }[];
    expect(log).toContainEqual(expect.objectContaining({ kind: 'email_notifications', oldValue: false, newValue: true }));
    expect(log).toHaveLength((await db.select().from(consentLog).where(eq(consentLog.userId, me))).length);
  });

  it('escapes everything in index.html', async () => {
    const files = await unzip(exportArchive(db, heavy.user.id, heavy.user.handle));
    const html = strFromU8(files['index.html']);
    expect(html).toContain('<h1>Everything Hearth keeps about @');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(2)');
    for (const entry of registry) expect(html).toContain(`data/${entry.table}.json`);
  });

  it('is served only to the signed-in person, never cached', async () => {
    actAs(null);
    const refused = await GET();
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const viewer: Viewer = { id: heavy.user.id, handle: heavy.user.handle, name: 'Demo', image: null };
    actAs(viewer);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="hearth-${heavy.user.handle}-\\d{4}-\\d{2}-\\d{2}\\.zip"`));
    const files = await unzip(response.body!);
    expect(JSON.parse(strFromU8(files['data/users.json']))[0]).toMatchObject({ id: heavy.user.id });
  });

  it('proved: the archive is the caller’s own and writes nothing; signed out, nothing is handed out', async () => {
    const viewer: Viewer = { id: heavy.user.id, handle: heavy.user.handle, name: 'Demo', image: null };
    const [someoneElse] = await db.select({ id: users.id, email: users.email }).from(users).where(ne(users.id, heavy.user.id)).limit(1);
    actAs(null);
    await expectRefused(() => routeAnswer(GET()), { error: 'Sign in to download your data.', others: [heavy.user.id, someoneElse.id] });
    actAs(viewer);
    const before = await databaseFingerprint();
    const answer = await expectAllowed(() => routeAnswer(GET()), { effect: async () => expect(await databaseFingerprint(), 'an export writes nothing').toEqual(before) });
    const files = unzipSync(answer.body as Uint8Array);
    expect(JSON.parse(strFromU8(files['data/users.json'])).map((u: { id: string }) => u.id)).toEqual([heavy.user.id]);
    const everything = Object.values(files).map((f) => strFromU8(f)).join('\n');
    expect(everything).toContain(heavy.user.email);
    expect(everything, 'another person’s email is not in it').not.toContain(someoneElse.email);
  });
});

describe('export limits', () => {
  it('refuses an eleventh archive within the hour, and an abandoned download stops', async () => {
    // Limits are off in tests except those about them (vitest.config.ts).
    rateLimitsOn();
    const viewer: Viewer = { id: heavy.user.id, handle: heavy.user.handle, name: 'Demo', image: null };
    actAs(viewer);
    let status = 200;
    for (let i = 0; i < 12 && status === 200; i++) {
      const response = await GET();
      status = response.status;
      await response.body?.cancel();
    }
    expect(status).toBe(429);
    const refused = await GET();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/Try again in/);
    rateLimitsOff();
  });
});
