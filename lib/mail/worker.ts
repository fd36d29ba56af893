// The mail worker: sends what waits in `outbox` over SMTP. Any number of workers (one per app instance) may run at
// once; each message is sent once because a worker first claims rows in one statement (`for update skip locked`,
// so two workers never take the same row) and holds them under a lease. A worker that dies mid-send leaves a lease
// that runs out, and the row is taken again; every row keeps one Message-ID (from its id), so a receiving server
// that saw the first copy can tell the second is the same message. A failed send is tried again after 30 s, 1, 2,
// 4 … minutes; after the last attempt the row is 'failed' with the server's answer in `last_error`.
import os from 'node:os';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database, Executor } from '@/db/client';
import { rowsOf } from '@/db/client';
import { isConnectionError } from '@/db/connection';
import { outbox, users } from '@/db/schema';
import { getSiteSettings } from '@/lib/admin/site';
import { env } from '@/lib/env';
import { onMailQueued, type MailKind } from './outbox';
import { mailKindEnabled } from './preferences';
import { renderMail } from './render';
import { unsubscribeUrls, type OptionalKind } from './unsubscribe';
import { log } from '@/lib/log';

export const maxAttempts = 8;
/** Longer than the transport's timeouts together, so a live worker's claim never runs out mid-send. */
export const leaseSeconds = 120;
export const pollMs = 3_000;

/** Seconds to wait after the n-th failed attempt: 30 s doubling, at most 6 hours. */
export function retryDelaySeconds(attempts: number) {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

type OutboxRow = typeof outbox.$inferSelect;

/**
 * Claims up to `limit` due messages for this worker: queued ones whose time has come, and ones whose claim ran
 * out. One statement: the inner select skips rows another worker has locked, the update marks them 'sending'
 * with a lease and counts the attempt.
 */
export async function claimDue(db: Executor, limit = 10, now?: Date): Promise<OutboxRow[]> {
  // The database's clock, as every instance sees the same one (rows are queued with its now()); a test may pass a time.
  // The lease is cut to milliseconds: finish() finds the claim again by it, through a JavaScript Date.
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`clock_timestamp()`;
  const result = await db.execute(sql`
    update ${outbox} set status = 'sending', lease_until = date_trunc('milliseconds', ${at} + ${`${leaseSeconds} seconds`}::interval), attempts = ${outbox.attempts} + 1
    where ${outbox.id} in (
      select o.id from outbox o
      where (o.status = 'queued' and o.next_attempt_at <= ${at}) or (o.status = 'sending' and o.lease_until < ${at})
      order by o.next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(outbox).where(inArray(outbox.id, ids));
}

export type Sender = Pick<Transporter, 'sendMail'>;

export type WorkerConfig = { transport: Sender; from?: string; publicUrl?: string };

function hostOf(url: string | undefined) {
  try {
    return url ? new URL(url).hostname : 'localhost';
  } catch {
    return 'localhost';
  }
}

/** The address in "Name <address>" or a bare address. */
function addressOf(from: string) {
  return from.match(/<([^>]+)>/)?.[1] ?? from;
}

/** A row's Message-ID: the same for every attempt, so a second copy is recognisably the same message. */
export function messageIdOf(rowId: string, from: string) {
  const domain = addressOf(from).split('@')[1] || 'hearth.local';
  return `<${rowId}@${domain.replace(/[^a-zA-Z0-9.-]/g, '')}>`;
}

/** Whether a message may still go: 'account' mail always; other kinds only to a confirmed address, when on. */
async function stillWanted(db: Executor, row: OutboxRow): Promise<string | null> {
  if (row.kind === 'account' || !row.userId) return null;
  const [person] = await db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, row.userId)).limit(1);
  if (!person) return 'the account no longer exists';
  if (!person.verified) return 'the address is not confirmed yet';
  if (!(await mailKindEnabled(db, row.userId, row.kind as MailKind))) return 'the person turned this kind of mail off';
  return null;
}

async function finish(db: Executor, row: OutboxRow, set: { [K in keyof OutboxRow]?: OutboxRow[K] | SQL }) {
  // Only while this worker's claim holds: a row retaken after its lease ran out belongs to the other worker now.
  await db
    .update(outbox)
    .set({ ...set, leaseUntil: null })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), row.leaseUntil ? eq(outbox.leaseUntil, row.leaseUntil) : isNull(outbox.leaseUntil)));
}

export type DrainResult = { sent: number; failed: number; retried: number; skipped: number };

/** Claims and sends due messages until none are left (or `maxBatches` claims were made). */
export async function drainOutbox(db: Database, config: WorkerConfig, options: { batch?: number; maxBatches?: number; now?: () => Date } = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, retried: 0, skipped: 0 };
  // Unless a test travels in time, every time here is the database's (see claimDue).
  const now = options.now;
  const at = (plusSeconds = 0) => (now ? new Date(now().getTime() + plusSeconds * 1000) : sql`clock_timestamp() + ${`${plusSeconds} seconds`}::interval`);
  const site = await getSiteSettings(db);
  const publicUrl = config.publicUrl ?? env.AUTH_URL ?? 'http://localhost:3000';
  const from = config.from ?? env.MAIL_FROM ?? `${site.name.replace(/[<>"\r\n]/g, '')} <hearth@${hostOf(publicUrl)}>`;
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const rows = await claimDue(db, options.batch ?? 10, now?.());
    if (rows.length === 0) break;
    for (const row of rows) {
      const unwanted = await stillWanted(db, row);
      if (unwanted) {
        await finish(db, row, { status: 'skipped', lastError: `not sent: ${unwanted}` });
        result.skipped++;
        continue;
      }
      const origin = row.origin ?? publicUrl;
      const links = row.kind !== 'account' && row.userId ? unsubscribeUrls(origin, row.userId, row.kind as OptionalKind) : null;
      const rendered = renderMail({ subject: row.subject, body: row.body, kind: row.kind as MailKind, siteName: site.name, lang: site.mailLanguage, unsubscribeUrl: links?.page });
      try {
        await config.transport.sendMail({
          from,
          to: row.toAddress,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: messageIdOf(row.id, from),
          headers: links ? { 'List-Unsubscribe': `<${links.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined,
        });
        await finish(db, row, { status: 'sent', sentAt: at(), lastError: null });
        result.sent++;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        // A permanent refusal (5xx: no such mailbox, rejected) will not change by waiting.
        const code = (error as { responseCode?: number }).responseCode;
        const permanent = typeof code === 'number' && code >= 500 && code < 600;
        if (permanent || row.attempts >= maxAttempts) {
          await finish(db, row, { status: 'failed', lastError: message });
          result.failed++;
        } else {
          await finish(db, row, { status: 'queued', lastError: message, nextAttemptAt: at(retryDelaySeconds(row.attempts)) });
          result.retried++;
        }
      }
    }
  }
  return result;
}

/** The SMTP transport for SMTP_URL: smtp:// (STARTTLS when offered) or smtps:// (TLS from the start). */
export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 45_000 } as nodemailer.TransportOptions);
}

const workerName = `${os.hostname()}:${process.pid}`;

/**
 * Runs the worker in this process: every few seconds, and soon after a message is queued here. Every app instance
 * runs one (on PGlite and on a PostgreSQL server alike): the claims, not a single runner, make each message go
 * once. Returns a function that stops it (after the send in progress).
 */
/** `every`: how often it looks without being told (tests stretch it to show that the kick, not the poll, sent a message). */
export function startMailWorker(db: Database, config: WorkerConfig, every = pollMs) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drainOutbox(db, config)
      .then((r) => {
        if (r.sent || r.failed || r.retried || r.skipped) log.info(`[mail] ${workerName}: sent ${r.sent}, will retry ${r.retried}, failed ${r.failed}, not sent ${r.skipped}`);
      })
      .catch((error) => {
        // The database restarting is said in one line (every few seconds until it is back), not a stack each time.
        if (isConnectionError(error)) log.error('[mail] the database is unreachable; the mail worker tries again in a few seconds');
        else log.error({ err: error }, '[mail] the mail worker could not drain the outbox; it tries again in a few seconds');
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const timer = setInterval(tick, every);
  timer.unref();
  let soon: NodeJS.Timeout | null = null;
  // The row is written inside the caller's transaction: look a moment later, when it has committed.
  onMailQueued(() => {
    if (soon) return;
    soon = setTimeout(() => {
      soon = null;
      tick();
    }, 250);
    soon.unref();
  });
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    onMailQueued(null);
    await running;
  };
}
