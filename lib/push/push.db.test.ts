// Web Push: a person's devices and choices through the actions (their own only), and delivery — encrypted for the
// browser, signed with VAPID, sent to the push service (a local HTTP server standing in for it) once however many
// instances try at the same moment, saying nothing but a kind and a link; a device the service forgot is removed.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import ece from 'http_ece';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { notificationPreferences, notifications, pushSubscriptions, users } from '@/db/schema';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { removePushDeviceAction, savePushKindsAction, subscribePushAction } from './actions';
import { deliverPush, type PushSend } from './deliver';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0' }) }));

let n = 0;
async function person(name: string) {
  const handle = `${name.toLowerCase()}_push${++n}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  return { id: u.id, handle, name, image: null };
}

/** A browser's push keys, as PushManager.subscribe makes them. */
function browserKeys() {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey().toString('base64url'), authText: auth.toString('base64url') };
}

// The push service: records what it is sent; answers 410 for endpoints under /gone.
type Received = { path: string; headers: http.IncomingHttpHeaders; body: Buffer };
const received: Received[] = [];
let service: http.Server;
let base = '';
beforeAll(async () => {
  service = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(req.url?.startsWith('/gone') ? 410 : 201).end();
    });
  });
  await new Promise<void>((r) => service.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => service.close(() => r())));

/** web-push's own request (encryption, VAPID, TTL), sent over plain HTTP to the stand-in service. */
const send: PushSend = async (subscription, payload, options) => {
  const details = webpush.generateRequestDetails(subscription, payload, options);
  const response = await fetch(details.endpoint, { method: details.method, headers: details.headers as Record<string, string>, body: details.body ? new Uint8Array(details.body as Buffer) : undefined });
  if (response.status >= 400) throw Object.assign(new Error(`push service answered ${response.status}`), { statusCode: response.status });
  return { statusCode: response.status };
};

const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:admin@example.org' };

describe('push devices and choices', () => {
  it('subscribing stores this browser for the person; the same browser again is one device; signed out changes nothing', async () => {
    const ana = await person('Ana');
    actAs(ana);
    const keys = browserKeys();
    const endpoint = `https://push.example.org/send/${crypto.randomUUID()}`;
    expect((await expectAllowed(() => call(subscribePushAction, { endpoint, p256dh: keys.p256dh, auth: keys.authText }), { changes: [pushSubscriptions] })).success).toMatch(/on for this device/);
    await expectAllowed(() => call(subscribePushAction, { endpoint, p256dh: keys.p256dh, auth: keys.authText }), { changes: [pushSubscriptions] });
    const rows = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, ana.id));
    expect(rows.map((r) => [r.endpoint, r.device])).toEqual([[endpoint, 'Firefox on Linux']]);
    expect((await call(subscribePushAction, { endpoint: 'http://plain.example.org/x', p256dh: keys.p256dh, auth: keys.authText })).fieldErrors?.endpoint).toBe('Push addresses are https.');
    actAs(null);
    await expectRefused(() => call(subscribePushAction, { endpoint: `${endpoint}-2`, p256dh: keys.p256dh, auth: keys.authText }), { error: /sign in/i });
    expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, `${endpoint}-2`))).toEqual([]);
  });

  it('removing a device: one’s own only — someone else’s id removes nothing', async () => {
    const ana = await person('Ana');
    const ben = await person('Ben');
    const [mine] = await db.insert(pushSubscriptions).values({ userId: ana.id, endpoint: `https://push.example.org/${crypto.randomUUID()}`, p256dh: 'k', auth: 'a', device: 'Phone' }).returning();
    actAs(ben);
    await expectRefused(() => call(removePushDeviceAction, { id: mine.id }), { error: /not one of yours/ });
    expect(await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.id, mine.id))).toHaveLength(1);
    actAs(ana);
    expect((await expectAllowed(() => call(removePushDeviceAction, { id: mine.id }), { changes: [pushSubscriptions] })).success).toMatch(/no more pushes/);
    expect(await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.id, mine.id))).toHaveLength(0);
  });

  it('push choices set which kinds are pushed and leave what is notified in Hearth as it was', async () => {
    const ana = await person('Ana');
    await db.insert(notificationPreferences).values({ userId: ana.id, kind: 'follow', enabled: false });
    const ben = await person('Ben');
    actAs(ana);
    const saved = await expectAllowed(() => call(savePushKindsAction, { push: ['reply', 'mention'] }), {
      changes: [notificationPreferences],
      effect: async () => expect(await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, ben.id)), 'another person’s choices are untouched').toEqual([]),
    });
    expect(saved.success).toMatch(/pushed/);
    const prefs = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, ana.id));
    expect(prefs.filter((p) => p.push).map((p) => p.kind).sort()).toEqual(['mention', 'reply']);
    expect(prefs.find((p) => p.kind === 'follow')?.enabled).toBe(false);
    expect((await call(savePushKindsAction, { push: ['nonsense'] })).fieldErrors?.push).toMatch(/./);
    await expectRefused(() => call(savePushKindsAction, { push: ['nonsense'] }), { error: 'Please fix the highlighted fields.', caller: ana, others: [ben.id] });
    actAs(null);
    await expectRefused(() => call(savePushKindsAction, { push: [] }), { error: 'Your session has ended — please sign in again.', others: [ana.id, ben.id] });
  });
});

describe('push delivery', () => {
  async function scene(kind: 'reply' | 'follow', pushOn: boolean) {
    const ana = await person('Ana');
    const keys = browserKeys();
    const path = `/send/${crypto.randomUUID()}`;
    await db.insert(pushSubscriptions).values({ userId: ana.id, endpoint: `${base}${path}`, p256dh: keys.p256dh, auth: keys.authText, device: 'Laptop' });
    await db.insert(notificationPreferences).values({ userId: ana.id, kind, enabled: true, push: pushOn });
    const [note] = await db.insert(notifications).values({ userId: ana.id, kind, link: '/p/some-post', data: { excerpt: 'secret words of a reply' } }).returning();
    return { ana, keys, path, note };
  }

  it('sends once, encrypted for the browser and signed with VAPID, however many instances try at the same moment', async () => {
    const { keys, path, note } = await scene('reply', true);
    const outcomes = await Promise.all([deliverPush(db, note.id, vapid, send), deliverPush(db, note.id, vapid, send), deliverPush(db, note.id, vapid, send)]);
    expect(outcomes.filter((o) => o.claimed)).toHaveLength(1);
    const mine = received.filter((r) => r.path === path);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.headers['content-encoding']).toBe('aes128gcm');
    expect(mine[0]!.headers.authorization).toMatch(/^vapid t=.+, k=/);
    expect(mine[0]!.headers.ttl).toBe('3600');
    // The browser can read it, and it says only the kind and where to look.
    const plain = JSON.parse(ece.decrypt(mine[0]!.body, { version: 'aes128gcm', privateKey: keys.ecdh, authSecret: keys.auth.toString('base64url') }).toString('utf8'));
    expect(plain).toEqual({ title: 'New reply', body: 'Open Hearth to see it.', url: '/p/some-post', tag: 'reply' });
    expect((await db.select({ at: notifications.pushedAt }).from(notifications).where(eq(notifications.id, note.id)))[0]!.at).not.toBeNull();
  });

  it('sends nothing for a kind the person did not turn push on for', async () => {
    const { path, note } = await scene('follow', false);
    expect(await deliverPush(db, note.id, vapid, send)).toEqual({ claimed: false, sent: 0, removed: 0 });
    expect(received.filter((r) => r.path === path)).toHaveLength(0);
  });

  it('forgets a device the push service says is gone (410)', async () => {
    const ana = await person('Ana');
    const keys = browserKeys();
    await db.insert(pushSubscriptions).values({ userId: ana.id, endpoint: `${base}/gone/${crypto.randomUUID()}`, p256dh: keys.p256dh, auth: keys.authText, device: 'Old phone' });
    await db.insert(notificationPreferences).values({ userId: ana.id, kind: 'mention', enabled: true, push: true });
    const [note] = await db.insert(notifications).values({ userId: ana.id, kind: 'mention', link: '/p/x' }).returning();
    expect(await deliverPush(db, note.id, vapid, send)).toEqual({ claimed: true, sent: 0, removed: 1 });
    expect(await db.select().from(pushSubscriptions).where(and(eq(pushSubscriptions.userId, ana.id)))).toEqual([]);
  });
});
