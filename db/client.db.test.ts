import { describe, expect, it } from 'vitest';
import { ensureDatabase, migrateDatabase, rowsOf } from './client';

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
