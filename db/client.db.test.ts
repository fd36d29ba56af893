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
