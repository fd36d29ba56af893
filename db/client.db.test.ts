import { describe, expect, it } from 'vitest';
import { ensureDatabase, migrateDatabase, migrationsFolder, openPostgres, rowsOf } from './client';

describe('the database', () => {
  it('applies migrations idempotently: running them again changes nothing', async () => {
    const handle = await ensureDatabase();
    const count = async () => rowsOf<{ n: number }>(await handle.db.execute('select count(*)::int as n from drizzle.__drizzle_migrations'))[0].n;
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(2);
    await migrateDatabase(handle);
    expect(await count()).toBe(before);
  });

  it('has the same extensions on PGlite and on a server (trigram similarity works)', async () => {
    const { db } = await ensureDatabase();
    const [row] = rowsOf<{ s: number }>(await db.execute(`select similarity('ceramics', 'ceramic') as s`));
    expect(Number(row.s)).toBeGreaterThan(0.5);
  });
});

// Server only: embedded PGlite admits one process (a lock file refuses a second), so two instances cannot start on it.
// The PostgreSQL pass of .ci/run runs these.
describe.runIf(process.env.HEARTH_TEST_DB === 'postgres')('migrations on a PostgreSQL server', () => {
  it('two instances starting at once on an empty database both succeed, and migrate it once', async () => {
    const { adminUrl, urlForDatabase } = await import('../test/db-env');
    const postgres = (await import('postgres')).default;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    const name = `hearth_race_${process.pid}_${Date.now().toString(36)}`;
    await admin.unsafe(`create database "${name}"`);
    const a = openPostgres(urlForDatabase(name));
    const b = openPostgres(urlForDatabase(name));
    try {
      await Promise.all([migrateDatabase(a), migrateDatabase(b)]);
      const applied = rowsOf<{ n: number }>(await a.db.execute('select count(*)::int as n from drizzle.__drizzle_migrations'))[0].n;
      const files = (await import('node:fs')).readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).length;
      expect(applied).toBe(files);
    } finally {
      await a.close();
      await b.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});

// Server only: embedded PGlite runs in this process with no connection pool and no wire protocol, so there is nothing
// to prepare (db/connection.ts shouldPrepare acts on postgres.js alone). The PostgreSQL pass of .ci/run runs it.
describe.runIf(process.env.HEARTH_TEST_DB === 'postgres')('prepared statements on a PostgreSQL server', () => {
  // Statements the server holds for this connection pool's sessions, read from a connection of the same pool.
  const preparedOn = async (handle: Awaited<ReturnType<typeof openPostgres>>) =>
    (await handle.postgres!`select statement from pg_prepared_statements`).map((r) => String(r.statement));

  it('a statement run twice is prepared, gives the same answer, and is prepared again after a migration changes its table', async () => {
    const { adminUrl, urlForDatabase } = await import('../test/db-env');
    const postgres = (await import('postgres')).default;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    const name = `hearth_prepare_${process.pid}_${Date.now().toString(36)}`;
    await admin.unsafe(`create database "${name}"`);
    const on = openPostgres(urlForDatabase(name), { max: 2 });
    const off = openPostgres(urlForDatabase(name), { max: 2, preparedStatements: false });
    try {
      await on.db.execute(`create table prepare_probe (id int primary key, label text)`);
      await on.db.execute(`insert into prepare_probe values (1, 'one'), (2, 'two')`);
      const { sql } = await import('drizzle-orm');
      const read = (handle: typeof on, id: number) => handle.db.execute(sql`select * from prepare_probe where id = ${id} /* probe */`);
      const text = 'select * from prepare_probe where id = $1 /* probe */';

      expect(rowsOf(await read(on, 1))).toEqual([{ id: 1, label: 'one' }]);
      expect(rowsOf(await read(on, 2))).toEqual([{ id: 2, label: 'two' }]);
      expect(rowsOf(await read(on, 1))).toEqual([{ id: 1, label: 'one' }]);
      // Prepared on the connection that ran it the second time (or later): the pool has two, so look on both.
      const seen = new Set<string>();
      for (let i = 0; i < 4; i++) for (const s of await preparedOn(on)) seen.add(s);
      expect([...seen]).toContain(text);

      // A migration changes the table under the prepared statement: the next read still answers, with the new column.
      await on.db.execute(`alter table prepare_probe add column if not exists note text default 'n'`);
      for (let i = 0; i < 3; i++) expect(rowsOf(await read(on, 2))).toEqual([{ id: 2, label: 'two', note: 'n' }]);

      // Turned off (DB_PREPARED_STATEMENTS=off): the same reads prepare nothing.
      for (let i = 0; i < 3; i++) expect(rowsOf(await read(off, 1))).toEqual([{ id: 1, label: 'one', note: 'n' }]);
      for (let i = 0; i < 4; i++) expect(await preparedOn(off)).not.toContain(text);
    } finally {
      await on.close();
      await off.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
