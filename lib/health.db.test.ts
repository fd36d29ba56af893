// Readiness (/readyz) on a real database: ready once migrated, not ready with a reason when a committed migration is
// missing, when none was ever applied, or when the database does not answer in time. And the app pool's settings.
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db, openPostgres, rowsOf, type Database } from '@/db/client';
import journal from '@/db/migrations/meta/_journal.json';
import { GET } from '@/app/readyz/route';
import { missingMigrations, readiness } from './health';
import { log } from '@/lib/log';
import { databaseFingerprint, expectAllowed, expectRefused, routeAnswer } from '@/test/proofs';

type Row = { id: number; hash: string; created_at: string | number };
const lastTag = journal.entries[journal.entries.length - 1].tag;

async function appliedMigrations() {
  return rowsOf<Row>(await db.execute(sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at`));
}

/** Runs `body` with the newest applied migration's row deleted, and puts the row back afterwards. */
async function withoutLastMigration(body: () => Promise<void>) {
  const rows = await appliedMigrations();
  const last = rows[rows.length - 1];
  await db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last.id}`);
  try {
    await body();
  } finally {
    await db.execute(sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last.id}, ${last.hash}, ${last.created_at})`);
  }
}

describe('readiness', () => {
  it('is ready after migrations, counting every committed one', async () => {
    expect(await appliedMigrations()).toHaveLength(journal.entries.length);
    expect(await readiness()).toEqual({ ready: true, migrations: journal.entries.length });
  });

  it('is not ready, and names the migration, while a committed migration is not applied', async () => {
    await withoutLastMigration(async () => {
      expect(await readiness()).toEqual({ ready: false, reason: `1 migration(s) not applied: ${lastTag}` });
    });
    expect((await readiness()).ready).toBe(true);
  });

  it('is not ready on a database that was never migrated', async () => {
    await db.execute(sql`alter table drizzle.__drizzle_migrations rename to __drizzle_migrations_aside`);
    try {
      expect(await readiness()).toEqual({ ready: false, reason: 'no migrations have been applied' });
    } finally {
      await db.execute(sql`alter table drizzle.__drizzle_migrations_aside rename to __drizzle_migrations`);
    }
    expect((await readiness()).ready).toBe(true);
  });

  it('is not ready when the database does not answer in time, or cannot be reached', async () => {
    const silent = { execute: () => new Promise(() => {}) } as unknown as Database;
    const started = Date.now();
    expect(await readiness(silent, { timeoutMs: 50 })).toEqual({ ready: false, reason: 'the database did not answer within 50 ms' });
    expect(Date.now() - started).toBeLessThan(1000);
    const refused = { execute: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })) } as unknown as Database;
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    try {
      expect(await readiness(refused)).toEqual({ ready: false, reason: 'the database is unreachable' });
      // The cause goes to the log, not to whoever asks /readyz.
      expect(logged).toHaveBeenCalledWith({ err: expect.objectContaining({ code: 'ECONNREFUSED' }) }, '[readyz] the database did not answer');
    } finally {
      logged.mockRestore();
    }
  });

  it('compares by the time drizzle records for each migration, and tolerates migrations newer than this build', () => {
    const committed = [
      { when: 1, tag: '0000_a' },
      { when: 2, tag: '0001_b' },
      { when: 3, tag: '0002_c' },
    ];
    expect(missingMigrations(committed, [1, 2, 3])).toEqual([]);
    expect(missingMigrations(committed, [1, 3])).toEqual(['0001_b']);
    expect(missingMigrations(committed, [1, 2, 3, 4])).toEqual([]); // a rolling deploy: the database is ahead
    expect(missingMigrations(committed, [])).toEqual(['0000_a', '0001_b', '0002_c']);
  });
});

describe('GET /readyz', () => {
  it('answers 200 with a short JSON body when ready, 503 with the reason when not, never cached', async () => {
    const ok = await GET();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.json()).toEqual({ status: 'ready', migrations: journal.entries.length });

    await withoutLastMigration(async () => {
      const not = await GET();
      expect(not.status).toBe(503);
      expect(not.headers.get('cache-control')).toBe('no-store');
      expect(await not.json()).toEqual({ status: 'unavailable', reason: `1 migration(s) not applied: ${lastTag}` });
    });
  });

  it('proved: anyone is told the state and nothing else, and asking writes nothing', async () => {
    const tables = await databaseFingerprint();
    const answer = await expectAllowed(() => routeAnswer(GET()), { effect: async () => expect(await databaseFingerprint(), 'a probe writes nothing').toEqual(tables) });
    expect(answer.body, 'no personal data: the state and a count').toEqual({ status: 'ready', migrations: journal.entries.length });
    await withoutLastMigration(async () => {
      await expectRefused(() => routeAnswer(GET()), { error: `1 migration(s) not applied: ${lastTag}` });
    });
  });
});

describe('the app pool (DB_POOL_MAX, DB_IDLE_TIMEOUT_S, DB_CONNECT_TIMEOUT_S)', () => {
  it('opens postgres.js with them (no connection is made until a query)', async () => {
    const configured = openPostgres('postgres://nobody@127.0.0.1:9/none', { max: 3, idleTimeout: 7, connectTimeout: 2 });
    const defaults = openPostgres('postgres://nobody@127.0.0.1:9/none');
    try {
      expect(configured.postgres!.options).toMatchObject({ max: 3, idle_timeout: 7, connect_timeout: 2 });
      expect(defaults.postgres!.options).toMatchObject({ max: 10, idle_timeout: 30, connect_timeout: 5 });
    } finally {
      await configured.close();
      await defaults.close();
    }
  });
});
