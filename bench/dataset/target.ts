// Where the benchmarks keep their data, apart from everything else: on a PostgreSQL server a database per scale
// (hearth_bench_<scale>, never the tests' database), embedded a directory per scale under .bench-data/.
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { migrateDatabase, openPglite, openPostgres, type DatabaseHandle } from '../../db/client';
import type { ScaleName } from './generate';

export type Engine = 'postgres' | 'pglite';

/** The server the benchmarks use (without a database name): BENCH_PG_URL, or the local PostgreSQL. */
export const serverUrl = () => (process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');

export const databaseName = (scale: ScaleName) => `hearth_bench_${scale}`;
export const databaseUrl = (scale: ScaleName) => `${serverUrl()}/${databaseName(scale)}`;
export const pgliteDir = (scale: ScaleName) => path.resolve(process.env.BENCH_DATA_DIR ?? '.bench-data', scale);

/** Creates the scale's database on the server when it does not exist yet. */
export async function ensureServerDatabase(scale: ScaleName) {
  const admin = postgres(`${serverUrl()}/postgres`, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as one from pg_database where datname = ${databaseName(scale)}`;
    if (!row) await admin.unsafe(`create database ${databaseName(scale)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** The environment a Hearth process (next start) needs to use this benchmark database. */
export function engineEnv(engine: Engine, scale: ScaleName): Record<string, string> {
  return engine === 'postgres' ? { DATABASE_URL: databaseUrl(scale) } : { DATABASE_URL: '', DATA_DIR: pgliteDir(scale) };
}

/** Opens the scale's database and brings an earlier seeding up to the current migrations. */
export async function openBenchDatabase(engine: Engine, scale: ScaleName, options: { max?: number } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (engine === 'postgres') {
    await ensureServerDatabase(scale);
    handle = openPostgres(databaseUrl(scale), { max: options.max ?? 4 });
  } else {
    fs.mkdirSync(pgliteDir(scale), { recursive: true });
    handle = openPglite(pgliteDir(scale));
  }
  await migrateDatabase(handle);
  return handle;
}

export const isEngine = (s: string | undefined): s is Engine => s === 'postgres' || s === 'pglite';
