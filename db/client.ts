// The one database of Hearth: postgres.js to a server when DATABASE_URL is set, else embedded PGlite in DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, Logger } from 'drizzle-orm';
import { PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
// The one thing db/ takes from lib/: the validated settings (lib/env.ts depends on nothing of Hearth's).
import { dataDir, env } from '../lib/env';
import { resilientClient } from './connection';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction on it: what domain functions that write take. */
export type Executor = Database | Transaction;

/** Extensions used by Hearth's SQL; loaded in JS for PGlite, created by the first migration on a server. */
export const pgliteExtensions = { pg_trgm };

export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Database;
  /** Where the data lives, for messages: a directory, a URL without password, or "memory". */
  location: string;
  close(): Promise<void>;
  /** The underlying PGlite, when embedded (tests dump and load snapshots through it). */
  pglite?: PGlite;
  /** The underlying postgres.js client, on a server. */
  postgres?: postgres.Sql;
}

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

function redact(url: string) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

/**
 * How the pool behaves when the server goes away and comes back (a restart, a failover, a killed backend).
 * postgres.js reconnects by itself; these keep that quick and keep a dead connection from lingering.
 */
export const postgresPoolOptions = {
  max: 10,
  // Idle connections are closed after 30 s and every connection is renewed after 30 min, so a pool never holds a
  // connection older than the server it talks to for long.
  idle_timeout: 30,
  max_lifetime: 30 * 60,
  // A server that does not answer at all fails the attempt after 5 s (the default waits 30 s).
  connect_timeout: 5,
  // Seconds between reconnection attempts. The default grows 3× per failed attempt up to 20 s, so after an outage
  // of a few seconds the pool could sit idle long after the server was back; here it is at most half a second.
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
} as const;

export interface PoolSettings {
  max?: number;
  /** Seconds an idle connection is kept. */
  idleTimeout?: number;
  /** Seconds to wait for a connection to open. */
  connectTimeout?: number;
}

/** `logger` sees every statement before it is sent (the db suite's guard, test/sql-guard.ts). */
export function openPostgres(url: string, options: PoolSettings & { logger?: Logger; preparedStatements?: boolean } = {}): DatabaseHandle {
  const raw = postgres(url, {
    ...postgresPoolOptions,
    // At least two connections: migrations hold a lock on one while running on another.
    max: Math.max(2, options.max ?? postgresPoolOptions.max),
    idle_timeout: options.idleTimeout ?? postgresPoolOptions.idle_timeout,
    connect_timeout: options.connectTimeout ?? postgresPoolOptions.connect_timeout,
    onnotice: () => {},
  });
  // Safe reads are retried on a dropped connection; writes never are (see db/connection.ts).
  const client = resilientClient(raw, { prepare: options.preparedStatements ?? true });
  const db = drizzlePostgres({ client, schema, logger: options.logger }) as unknown as Database;
  return { kind: 'postgres', db, location: redact(url), postgres: raw, close: () => raw.end({ timeout: 5 }) };
}

/**
 * PGlite does no locking: two processes on one data directory lose data silently.
 * A lock file holding the owner's pid makes the second one fail with a clear message instead.
 */
function acquireDirectoryLock(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  const take = () => fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  try {
    take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database in ${dir} is in use by another process (pid ${holder}). ` +
          'Stop that process first (a running `npm run dev`, `npm start` or script), or set DATA_DIR to another directory.',
      );
    }
    fs.rmSync(lockFile, { force: true }); // stale: its owner is gone
    take();
  }
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function openPglite(dataDir: string): DatabaseHandle {
  fs.mkdirSync(dataDir, { recursive: true });
  const dir = path.join(dataDir, 'pglite');
  const release = acquireDirectoryLock(dir);
  let client: PGlite;
  try {
    fs.mkdirSync(dir, { recursive: true });
    client = new PGlite(dir, { extensions: pgliteExtensions });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    location: dir,
    pglite: client,
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}

/** An in-memory PGlite, optionally started from a dumped snapshot (tests). */
export function openMemoryPglite(snapshot?: Blob, options: { logger?: Logger } = {}): DatabaseHandle {
  const client = new PGlite({ extensions: pgliteExtensions, loadDataDir: snapshot });
  const db = drizzlePglite({ client, schema, logger: options.logger }) as unknown as Database;
  return { kind: 'pglite', db, location: 'memory', pglite: client, close: () => client.close() };
}

/** Applies committed migrations. On a server, an advisory lock keeps two instances starting together from racing. */
export async function migrateDatabase(handle: DatabaseHandle) {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  // The lock is held on a connection of its own while the migrator runs its transaction on another.
  const lockConnection = await handle.postgres!.reserve();
  try {
    await lockConnection`select pg_advisory_lock(hashtext('hearth:migrations'))`;
    try {
      await migratePostgres(handle.db as never, { migrationsFolder });
    } finally {
      await lockConnection`select pg_advisory_unlock(hashtext('hearth:migrations'))`;
    }
  } finally {
    lockConnection.release();
  }
}

type Slot = { handle?: DatabaseHandle; ready?: Promise<DatabaseHandle> };
// Next bundles instrumentation, pages and actions separately: the handle lives on globalThis so they share one.
const slot: Slot = ((globalThis as { __hearthDatabase?: Slot }).__hearthDatabase ??= {});

/** Opens the database from the environment on first use. */
export function getDatabase(): DatabaseHandle {
  if (!slot.handle) {
    // DB_POOL_MAX, DB_IDLE_TIMEOUT_S and DB_CONNECT_TIMEOUT_S, validated in lib/env.ts; unset ones keep postgresPoolOptions'.
    const pool = { max: env.DB_POOL_MAX, idleTimeout: env.DB_IDLE_TIMEOUT_S, connectTimeout: env.DB_CONNECT_TIMEOUT_S, preparedStatements: env.DB_PREPARED_STATEMENTS === 'on' };
    slot.handle = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, pool) : openPglite(dataDir);
  }
  return slot.handle;
}

/** Installs a handle as the process's database (tests, scripts). */
export function installDatabase(handle: DatabaseHandle) {
  slot.handle = handle;
  slot.ready = Promise.resolve(handle);
}

/** Opens and migrates the database once per process. */
export function ensureDatabase(): Promise<DatabaseHandle> {
  slot.ready ??= (async () => {
    const handle = getDatabase();
    await migrateDatabase(handle);
    return handle;
  })().catch((error) => {
    slot.ready = undefined;
    throw error;
  });
  return slot.ready;
}

export async function closeDatabase() {
  const handle = slot.handle;
  slot.handle = undefined;
  slot.ready = undefined;
  await handle?.close();
}

/** The one `db`: a lazy view of the process's database, so importing it never opens a connection. */
export const db: Database = new Proxy({} as Database, {
  // Libraries check `is(db, PgDatabase)` (the Auth.js adapter does): answer without opening the database.
  getPrototypeOf: () => PgDatabase.prototype,
  get(_target, prop) {
    const real = getDatabase().db as unknown as Record<PropertyKey, unknown>;
    const value = real[prop];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/** Rows of a raw `db.execute()` result, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
