// Readiness for a load balancer (/readyz): the database answers, and every migration this build was made with is
// applied to it. Liveness (/healthz) needs nothing of this: scripts/server.mjs answers it without Next.
import 'server-only';
import { sql } from 'drizzle-orm';
import { db as appDatabase, rowsOf, type Database } from '@/db/client';
import journal from '@/db/migrations/meta/_journal.json';
import { log } from '@/lib/log';

export type Readiness = { ready: true; migrations: number } | { ready: false; reason: string };

interface JournalEntry {
  when: number;
  tag: string;
}

/** How long a readiness probe waits for the database before it says no (balancers give up after a few seconds). */
export const readinessTimeoutMs = 2000;

/**
 * The committed migrations (db/migrations/meta/_journal.json, built into this bundle) that are not in the applied
 * list. Drizzle's migrator records each applied migration with its journal time (`created_at` = `when`).
 */
export function missingMigrations(committed: readonly JournalEntry[], appliedAt: readonly number[]): string[] {
  const applied = new Set(appliedAt.map(Number));
  return committed.filter((entry) => !applied.has(entry.when)).map((entry) => entry.tag);
}

/** The SQLSTATE of an error or of one it wraps (drizzle wraps driver errors). */
function codeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

class Timeout extends Error {}

async function check(database: Database, committed: readonly JournalEntry[]): Promise<Readiness> {
  try {
    await database.execute(sql`select 1`);
  } catch (error) {
    log.error({ err: error }, '[readyz] the database did not answer');
    return { ready: false, reason: 'the database is unreachable' };
  }
  let appliedAt: number[];
  try {
    const rows = rowsOf<{ created_at: string | number }>(await database.execute(sql`select created_at from drizzle.__drizzle_migrations`));
    appliedAt = rows.map((row) => Number(row.created_at));
  } catch (error) {
    // 42P01 undefined_table, 3F000 invalid_schema_name: the migrator never ran here.
    if (['42P01', '3F000'].includes(codeOf(error) ?? '')) return { ready: false, reason: 'no migrations have been applied' };
    log.error({ err: error }, '[readyz] could not read the applied migrations');
    return { ready: false, reason: 'the applied migrations could not be read' };
  }
  const missing = missingMigrations(committed, appliedAt);
  if (missing.length > 0) return { ready: false, reason: `${missing.length} migration(s) not applied: ${missing.join(', ')}` };
  return { ready: true, migrations: committed.length };
}

/**
 * Whether this instance can serve: `select 1` answers and every committed migration is applied. Never throws; a
 * database that does not answer within the time limit counts as unreachable. (Rows for migrations newer than this
 * build are fine: during a rolling deploy the old instances keep serving a database the new build has migrated.)
 */
export async function readiness(
  database: Database = appDatabase,
  { timeoutMs = readinessTimeoutMs, committed = journal.entries }: { timeoutMs?: number; committed?: readonly JournalEntry[] } = {},
): Promise<Readiness> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), timeoutMs);
  });
  try {
    return await Promise.race([check(database, committed), limit]);
  } catch (error) {
    if (error instanceof Timeout) return { ready: false, reason: `the database did not answer within ${timeoutMs} ms` };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
