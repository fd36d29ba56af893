// Once per run: a migrated database to copy from — a PGlite snapshot file, or a template database on the server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openMemoryPglite, openPostgres } from '../db/client';
import { adminUrl, testDatabaseKind, urlForDatabase } from './db-env';

export default async function setup(project: TestProject) {
  if (testDatabaseKind() === 'pglite') {
    const handle = openMemoryPglite();
    await migrateDatabase(handle);
    const snapshot = await handle.pglite!.dumpDataDir('none');
    await handle.close();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-')), 'migrated.tar');
    fs.writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
    project.provide('pgliteSnapshot', file);
    project.provide('templateDatabase', '');
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }

  const template = `hearth_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  const handle = openPostgres(urlForDatabase(template), { max: 2 });
  await migrateDatabase(handle);
  await handle.close();
  project.provide('templateDatabase', template);
  project.provide('pgliteSnapshot', '');
  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    // Databases of test files that crashed before their own clean-up.
    const leftovers = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`hearth_t_${process.pid}_%`}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}
