// Per test file: a database of its own, so files never collide — loaded from the PGlite snapshot, or copied from the template.
import fs from 'node:fs';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';
import { closeDatabase, openMemoryPglite, openPostgres, installDatabase } from '../db/client';
import { adminUrl, testDatabaseKind, urlForDatabase } from './db-env';
import { sqlGuard } from './sql-guard';

if (testDatabaseKind() === 'pglite') {
  const snapshot = new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);
  // Every statement passes the subquery column guard (test/sql-guard.ts) on both engines.
  installDatabase(openMemoryPglite(snapshot, { logger: sqlGuard }));
  afterAll(() => closeDatabase());
} else {
  const name = `hearth_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${inject('templateDatabase')}"`);
      break;
    } catch (error) {
      // Two files copying the template at the same instant can briefly see each other.
      if (attempt > 20 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  installDatabase(openPostgres(urlForDatabase(name), { max: 5, logger: sqlGuard }));
  afterAll(async () => {
    await closeDatabase();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });
}
