// The smoke version of `npm run bench:faults`, on the PostgreSQL pass only: instead of restarting the shared server,
// the test ends this test file's own backend connections (pg_terminate_backend on its own database) under a small
// write load, and checks that reads are retried, the pool recovers at once and no acknowledged write is lost.
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tcpProxy } from '../test/tcp-proxy';
import { ensureDatabase, openPostgres, rowsOf, type Database } from './client';
import { isConnectionError } from './connection';
import { posts, profiles, users } from './schema';

// Server only (see above): PGlite has no connection to drop. The PostgreSQL pass runs it.
describe.runIf(process.env.HEARTH_TEST_DB === 'postgres')('surviving dropped connections (PostgreSQL)', () => {
  let db: Database;
  let admin: postgres.Sql;
  let database: string;
  let authorId: string;

  /** Ends every connection this file's pool holds to its database, as a server restart would. */
  const terminate = async () =>
    (await admin<{ n: number }[]>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`)[0].n;

  beforeAll(async () => {
    const { adminUrl } = await import('../test/db-env');
    db = (await ensureDatabase()).db;
    database = rowsOf<{ d: string }>(await db.execute(sql`select current_database() as d`))[0].d;
    admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    const [user] = await db.insert(users).values({ name: 'Fault', email: 'fault@example.test', handle: 'fault_smoke' }).returning({ id: users.id });
    await db.insert(profiles).values({ userId: user.id });
    authorId = user.id;
  });
  afterAll(() => admin?.end());

  it('a read whose connection is terminated mid-query is tried again and answers', async () => {
    const read = db.execute(sql`select pg_sleep(0.6), 42 as answer`);
    await new Promise((r) => setTimeout(r, 250));
    expect(await terminate()).toBeGreaterThan(0);
    const [row] = rowsOf<{ answer: number }>(await read);
    expect(Number(row.answer)).toBe(42);
  });

  it('a write in a transaction that loses its connection fails with a connection error, and is not repeated', async () => {
    const marker = `fault-smoke-${Date.now()}`;
    const write = db.transaction(async (tx) => {
      await tx.insert(posts).values({ authorId, body: marker, bodyHtml: '' });
      await tx.execute(sql`select pg_sleep(0.6)`);
    });
    // Its outcome is taken at once: the dropped socket can reject the transaction before terminate() answers, and a
    // rejection with no handler yet is an unhandled one (it made this test flaky in CI).
    const outcome = write.then(
      () => null,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 250));
    await terminate();
    const error = await outcome;
    expect(isConnectionError(error)).toBe(true);
    const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from posts where body = ${marker}`));
    expect(rows[0].n).toBe(0); // rolled back by the server, and never written a second time
  });

  it('after a 2.5 s outage (a proxy to the server taken down), writing resumes within a second of it coming back', async () => {
    // postgres.js's own backoff (3^retries / 100 s, up to 20 s) waited 5–16 s here; Hearth's pool waits at most 0.5 s.
    const { adminUrl } = await import('../test/db-env');
    const server = new URL(adminUrl());
    const proxy = await tcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const url = new URL(adminUrl());
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${database}`;
    const handle = openPostgres(url.toString(), { max: 4 });
    try {
      await handle.db.execute(sql`select 1`);
      await proxy.down();
      let stop = false;
      // A busy Hearth keeps trying while the database is away.
      const load = (async () => {
        while (!stop) {
          await handle.db.insert(posts).values({ authorId, body: 'during the outage', bodyHtml: '' }).catch(() => {});
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      await new Promise((r) => setTimeout(r, 2500));
      await proxy.up();
      const back = performance.now();
      await handle.db.insert(posts).values({ authorId, body: 'after the outage', bodyHtml: '' });
      expect(performance.now() - back).toBeLessThan(1000);
      stop = true;
      await load;
    } finally {
      await handle.close();
      await proxy.down();
    }
  });

  it('under a write load with connections terminated twice, every acknowledged write is kept and writing resumes at once', async () => {
    const acknowledged: string[] = [];
    const unexpected: unknown[] = [];
    let failed = 0;
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const marker = `fault-load-${w}-${i}`;
        try {
          await db.transaction(async (tx) => {
            await tx.insert(posts).values({ authorId, body: marker, bodyHtml: '' });
          });
          acknowledged.push(marker);
        } catch (error) {
          if (!isConnectionError(error)) unexpected.push(error); // nothing but the connection may fail
          failed++;
        }
      }
    };
    const workers = Array.from({ length: 4 }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, 300));
    await terminate();
    await new Promise((r) => setTimeout(r, 300));
    await terminate();
    const afterFault = acknowledged.length;
    const resumed = performance.now();
    // Writing resumes without reopening anything: the next acknowledged write comes within a second.
    while (acknowledged.length === afterFault && performance.now() - resumed < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(performance.now() - resumed).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await Promise.all(workers);

    const stored = new Set(rowsOf<{ body: string }>(await db.execute(sql`select body from posts where body like 'fault-load-%'`)).map((r) => r.body));
    expect(unexpected).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(acknowledged.filter((m) => !stored.has(m))).toEqual([]); // lost = 0
    expect(failed).toBeLessThan(acknowledged.length);
  });
});
