// The mail worker against a real SMTP server (smtp-server, in this process): each message once, even with two
// workers draining the same outbox at the same time; retries with backoff; a dead worker's claim taken over;
// multipart mail with the community's name, escaped; the one-click unsubscribe headers, and a POST to them.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, openPostgres, rowsOf, type Database } from '@/db/client';
import { mailPreferences, outbox, siteSettings, users } from '@/db/schema';
import { urlForDatabase, testDatabaseKind } from '@/test/db-env';
import { startMailCatcher } from '@/scripts/mail-catcher.mjs';
import { sendMail } from './outbox';
import { unsubscribeNow } from './queries';
import { mailKindEnabled } from './preferences';
import { claimDue, drainOutbox, leaseSeconds, maxAttempts, retryDelaySeconds, smtpTransport, startMailWorker, type Sender } from './worker';
import { GET, POST } from '@/app/api/unsubscribe/[token]/route';
import { databaseFingerprint } from '@/test/db-fingerprint';
import { expectAllowed, expectRefused } from '@/test/proofs';

vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

let catcher: Awaited<ReturnType<typeof startMailCatcher>>;

beforeAll(async () => {
  // A little delay per message, so two workers are really sending at the same time.
  catcher = await startMailCatcher({ delayMs: 15 });
});
afterAll(async () => {
  await catcher.close();
});
beforeEach(async () => {
  catcher.messages.length = 0;
  await db.delete(outbox);
});

async function person(handle: string, verified = true) {
  const [u] = await db
    .insert(users)
    .values({ name: handle, handle, email: `${handle}@example.org`, emailVerified: verified ? new Date() : null })
    .returning();
  return u;
}

const config = (transport: Sender = smtpTransport(catcher.url)) => ({ transport, from: 'Hearth <hearth@hearth.example>', publicUrl: 'https://hearth.example' });

describe('sending the outbox', () => {
  it('sends each message once when two workers (two app instances) drain the same rows at once', async () => {
    const count = 16;
    await db.insert(outbox).values(Array.from({ length: count }, (_, i) => ({ userId: null, toAddress: `race${i}@example.org`, subject: `Race ${i}`, body: `Message ${i}` })));
    // A second instance: on a PostgreSQL server its own pool of connections to the same database.
    let other: Database = db;
    let closeOther = async () => {};
    if (testDatabaseKind() === 'postgres') {
      const [{ name }] = rowsOf<{ name: string }>(await db.execute(sql`select current_database() as name`));
      const handle = openPostgres(urlForDatabase(name), { max: 3 });
      other = handle.db;
      closeOther = () => handle.close();
    }
    try {
      const [a, b] = await Promise.all([drainOutbox(db, config(), { batch: 3 }), drainOutbox(other, config(), { batch: 3 })]);
      expect(a.sent + b.sent).toBe(count);
      // On a server the two really overlap: each sent some, and none twice.
      if (testDatabaseKind() === 'postgres') expect([a.sent > 0, b.sent > 0]).toEqual([true, true]);
    } finally {
      await closeOther();
    }
    expect(catcher.messages).toHaveLength(count);
    expect(new Set(catcher.messages.map((m) => m.to[0])).size).toBe(count);
    const ids = catcher.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(count);
    const rows = await db.select().from(outbox);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt && r.leaseUntil === null)).toBe(true);
    // The Message-ID is the row's: the same whichever worker sent it, and on any retry.
    for (const row of rows) expect(ids).toContain(`<${row.id}@hearth.example>`);
  });

  it('queues a failed send again with a growing wait, and gives up after the last attempt', async () => {
    await db.insert(outbox).values({ userId: null, toAddress: 'flaky@example.org', subject: 'Flaky', body: 'Try me' });
    const failing: Sender = { sendMail: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:25')) };
    // A minute ahead of the clock the row was queued by: due, whatever day the test runs.
    let now = new Date(Date.now() + 60_000);
    const first = await drainOutbox(db, config(failing), { now: () => now });
    expect(first).toMatchObject({ retried: 1, sent: 0 });
    let [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:25', leaseUntil: null });
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(retryDelaySeconds(1) * 1000);
    // Not due yet: nothing is claimed.
    expect(await drainOutbox(db, config(failing), { now: () => now })).toMatchObject({ retried: 0, failed: 0 });
    for (let attempt = 2; attempt <= maxAttempts; attempt++) {
      now = new Date(row.nextAttemptAt.getTime() + 1000);
      await drainOutbox(db, config(failing), { now: () => now });
      [row] = await db.select().from(outbox);
      expect(row.attempts).toBe(attempt);
      if (attempt < maxAttempts) expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(retryDelaySeconds(attempt) * 1000);
    }
    expect(row.status).toBe('failed');
    expect(retryDelaySeconds(2)).toBe(2 * retryDelaySeconds(1));
    // A failed message is not tried again.
    now = new Date(now.getTime() + 86_400_000);
    expect(await drainOutbox(db, config(), { now: () => now })).toMatchObject({ sent: 0 });
  });

  it('fails at once when the server refuses for good (5xx), and sends after a passing failure', async () => {
    await db.insert(outbox).values([
      { userId: null, toAddress: 'nobody@example.org', subject: 'Refused', body: 'x' },
      { userId: null, toAddress: 'later@example.org', subject: 'Later', body: 'y' },
    ]);
    const refusing: Sender = {
      sendMail: async (message) => {
        if (message.to === 'nobody@example.org') throw Object.assign(new Error('550 No such user here'), { responseCode: 550 });
        throw Object.assign(new Error('421 Try again later'), { responseCode: 421 });
      },
    };
    // By the database's clock (the rows were queued by its now()), then a minute past the retry's wait.
    expect(await drainOutbox(db, config(refusing))).toMatchObject({ failed: 1, retried: 1 });
    const later = new Date(Date.now() + 60_000 + 1000);
    expect(await drainOutbox(db, config(), { now: () => later })).toMatchObject({ sent: 1 });
    const rows = await db.select({ to: outbox.toAddress, status: outbox.status }).from(outbox);
    expect(Object.fromEntries(rows.map((r) => [r.to, r.status]))).toEqual({ 'nobody@example.org': 'failed', 'later@example.org': 'sent' });
    expect(catcher.messages.map((m) => m.to[0])).toEqual(['later@example.org']);
  });

  it('takes over the claim of a worker that died mid-send once its lease runs out, and not before', async () => {
    const now = new Date();
    const [stale, live] = await db
      .insert(outbox)
      .values([
        { userId: null, toAddress: 'stale@example.org', subject: 'Stale', body: 'x', status: 'sending', attempts: 1, leaseUntil: new Date(now.getTime() - 1000) },
        { userId: null, toAddress: 'live@example.org', subject: 'Live', body: 'y', status: 'sending', attempts: 1, leaseUntil: new Date(now.getTime() + leaseSeconds * 1000) },
      ])
      .returning();
    const claimed = await claimDue(db, 10, now);
    expect(claimed.map((r) => r.id)).toEqual([stale.id]);
    expect(claimed[0]).toMatchObject({ status: 'sending', attempts: 2 });
    // That claim is held now; once it too runs out, a worker sends the message (with the live one still left alone).
    expect(await claimDue(db, 10, now)).toEqual([]);
    const afterLease = new Date(now.getTime() + (leaseSeconds + 1) * 1000);
    await db.update(outbox).set({ leaseUntil: new Date(afterLease.getTime() + leaseSeconds * 1000) }).where(eq(outbox.id, live.id));
    expect(await drainOutbox(db, config(), { now: () => afterLease })).toMatchObject({ sent: 1 });
    expect(catcher.messages.map((m) => m.to[0])).toEqual(['stale@example.org']);
    const [liveRow] = await db.select().from(outbox).where(eq(outbox.id, live.id));
    expect(liveRow.status).toBe('sending');
  });
});

describe('the running worker', () => {
  it('sends a newly queued message within moments, before its next poll', async () => {
    // A poll a minute away: only the kick that queuing a message gives the worker can send it within the wait below,
    // however busy the machine is (a timed comparison with the real 3 s poll was at the machine's mercy).
    const stop = startMailWorker(db, config(), 60_000);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500)); // its first look, at start, finds nothing
      expect(catcher.messages).toHaveLength(0);
      await sendMail(db, { userId: null, to: 'soon@example.org', subject: 'Soon', body: 'Quick.' });
      await expect.poll(() => catcher.messages.length, { timeout: 20_000, interval: 50 }).toBe(1);
    } finally {
      await stop();
    }
    const [row] = await db.select().from(outbox).where(eq(outbox.toAddress, 'soon@example.org'));
    expect(row.status).toBe('sent');
  });
});

describe('what a message looks like', () => {
  it('is multipart text and HTML with the community’s name and language, everything from people escaped', async () => {
    await db
      .insert(siteSettings)
      .values({ id: 'site', name: 'Kiln & <Clay>', mailLanguage: 'de' })
      .onConflictDoUpdate({ target: siteSettings.id, set: { name: 'Kiln & <Clay>', mailLanguage: 'de' } });
    const maya = await person('maya_multipart');
    await sendMail(db, { userId: maya.id, to: maya.email, subject: 'Hello', body: 'Hi <script>alert(1)</script> "Maya",\n\nOpen https://hearth.example/x?a=1&b=2 now.' });
    await drainOutbox(db, { ...config(), from: undefined });
    const [mail] = catcher.messages;
    expect(mail.text).toContain('Hi <script>alert(1)</script> "Maya"');
    expect(mail.text).toContain('— Kiln & <Clay>');
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain('Kiln &amp; &lt;Clay&gt;');
    expect(mail.html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt; &quot;Maya&quot;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('<a href="https://hearth.example/x?a=1&amp;b=2"');
    // Account mail is always sent: no unsubscribe.
    expect(mail.headers['list-unsubscribe']).toBeUndefined();
    expect(mail.from).toContain('Kiln');
    await db.delete(siteSettings);
  });

  it('carries a one-click unsubscribe (RFC 8058) for mail a person can turn off; a POST to it turns that kind off', async () => {
    const sam = await person('sam_unsub');
    expect(await sendMail(db, { userId: sam.id, to: sam.email, subject: 'Your report was handled', body: 'Thank you.', kind: 'moderation', origin: 'https://hearth.example' })).toBe(true);
    await drainOutbox(db, config());
    const [mail] = catcher.messages;
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const url = mail.headers['list-unsubscribe']?.match(/^<(https:\/\/hearth\.example\/api\/unsubscribe\/[^>]+)>$/)?.[1];
    expect(url).toBeTruthy();
    // The footer links to the page with a button, in both parts.
    const page = url!.replace('/api/unsubscribe/', '/unsubscribe/');
    expect(mail.text).toContain(page);
    expect(mail.html).toContain(`href="${page}"`);
    const token = url!.split('/').pop()!;

    // Opening the link (a scanner, or a person) changes nothing, and sends the browser to the page with a button.
    const before = await databaseFingerprint();
    let opened = new Response();
    await expectAllowed(async () => (opened = await GET(new Request(url!), { params: Promise.resolve({ token }) })), {
      effect: async () => {
        expect(opened.status).toBe(303);
        expect(opened.headers.get('location')).toBe(`/unsubscribe/${token}`);
        expect(await databaseFingerprint(), 'opening the link wrote nothing').toEqual(before);
      },
    });
    expect(await mailKindEnabled(db, sam.id, 'moderation')).toBe(true);

    // A forged token (another person's id under Sam's signature) is refused and changes nothing, opened or posted.
    const other = await person('lee_unsub');
    const forged = token.replace(Buffer.from(sam.id).toString('base64url'), Buffer.from(other.id).toString('base64url'));
    const answer = async (response: Response) => ({ status: response.status, ...(await response.json()) });
    await expectRefused(async () => answer(await GET(new Request(url!.replace(token, forged)), { params: Promise.resolve({ token: forged }) })), {
      error: 'This unsubscribe link is not valid.',
      others: [sam.id, other.id],
    });
    await expectRefused(
      async () => answer(await POST(new Request(url!.replace(token, forged), { method: 'POST', body: 'List-Unsubscribe=One-Click' }), { params: Promise.resolve({ token: forged }) })),
      { error: 'This unsubscribe link is not valid.', others: [sam.id, other.id] },
    );
    expect(await unsubscribeNow(forged)).toEqual({ ok: false });
    expect(await unsubscribeNow('digest.x.y')).toEqual({ ok: false });
    expect(await db.select().from(mailPreferences).where(inArray(mailPreferences.userId, [sam.id, other.id]))).toEqual([]);

    let done = new Response();
    await expectAllowed(
      async () => (done = await POST(new Request(url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }), { params: Promise.resolve({ token }) })),
      { changes: [mailPreferences] },
    );
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ unsubscribed: 'moderation' });
    expect(await mailKindEnabled(db, sam.id, 'moderation')).toBe(false);
    expect(await mailKindEnabled(db, other.id, 'moderation')).toBe(true);

    // Turned off: not queued any more, and one queued before is not sent.
    expect(await sendMail(db, { userId: sam.id, to: sam.email, subject: 'Another notice', body: 'x', kind: 'moderation' })).toBe(false);
    await db.insert(outbox).values({ userId: sam.id, toAddress: sam.email, subject: 'Queued before', body: 'x', kind: 'moderation' });
    catcher.messages.length = 0;
    expect(await drainOutbox(db, config())).toMatchObject({ sent: 0, skipped: 1 });
    expect(catcher.messages).toEqual([]);
    // Account mail still goes.
    await sendMail(db, { userId: sam.id, to: sam.email, subject: 'Your password was changed', body: 'x' });
    expect(await drainOutbox(db, config())).toMatchObject({ sent: 1 });
  });

  it('sends an unconfirmed address only account mail', async () => {
    const kim = await person('kim_unconfirmed', false);
    await sendMail(db, { userId: kim.id, to: kim.email, subject: 'A moderation notice', body: 'x', kind: 'moderation' });
    await sendMail(db, { userId: kim.id, to: kim.email, subject: 'Confirm your email address for Hearth', body: 'x' });
    expect(await drainOutbox(db, config())).toMatchObject({ sent: 1, skipped: 1 });
    expect(catcher.messages.map((m) => m.subject)).toEqual(['Confirm your email address for Hearth']);
    const [skipped] = await db.select().from(outbox).where(eq(outbox.kind, 'moderation'));
    expect(skipped).toMatchObject({ status: 'skipped', lastError: 'not sent: the address is not confirmed yet' });
  });
});
