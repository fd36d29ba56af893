// Plants the benchmark community into an empty (or earlier benchmark) database, table by table, and reports rows
// per second. Refuses a database that holds anyone who is not a benchmark person.
import { sql } from 'drizzle-orm';
import { migrateDatabase, rowsOf, type DatabaseHandle } from '../../db/client';
import { hashPassword } from '../../lib/auth/password';
import { rebuildInferredProfiles } from '../../lib/recommend/rebuild';
import { BENCH_PASSWORD, generateCommunity, scales, type ScaleName } from './generate';
import { copyRows } from './write';

export type SeedReport = { table: string; rows: number; seconds: number }[];

/** The start of today in UTC: the dataset's "now", so two seedings on one day are identical. */
export const seedingDay = (at = new Date()) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/** Empties a benchmark database (after checking it is one) and applies the migrations. */
export async function resetBenchDatabase(handle: DatabaseHandle) {
  const hasUsers = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'users'`))[0]!.n > 0;
  if (hasUsers) {
    const [{ n }] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from users where email not like '%@bench.hearth'`));
    if (n > 0) throw new Error(`${handle.location} holds ${n} people who are not benchmark people: not touching it.`);
  }
  const wipe = 'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;';
  if (handle.pglite) await handle.pglite.exec(wipe);
  else await handle.postgres!.unsafe(wipe);
  await migrateDatabase(handle);
}

export async function seedBench(handle: DatabaseHandle, scaleName: ScaleName, options: { seed?: number; now?: Date; log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const now = options.now ?? seedingDay();
  const started = performance.now();
  await resetBenchDatabase(handle);
  const community = generateCommunity(scaleName, { seed: options.seed, now, passwordHash: await hashPassword(BENCH_PASSWORD) });
  const report: SeedReport = [];
  for (const table of community.tables) {
    const t0 = performance.now();
    const rows = await copyRows(handle, table);
    const seconds = (performance.now() - t0) / 1000;
    report.push({ table: table.table, rows, seconds });
    log(`${table.table.padEnd(20)} ${String(rows).padStart(9)} rows  ${seconds.toFixed(1).padStart(6)} s  ${Math.round(rows / Math.max(seconds, 1e-3)).toLocaleString('en').padStart(9)} rows/s`);
  }
  // The interest profile from every engagement, exactly as the app keeps it (lib/recommend/rebuild.ts).
  let t0 = performance.now();
  await rebuildInferredProfiles(handle.db, now);
  const [{ n: scores }] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from interest_scores`));
  report.push({ table: 'interest_scores', rows: scores, seconds: (performance.now() - t0) / 1000 });
  log(`${'interest_scores'.padEnd(20)} ${String(scores).padStart(9)} rows  ${report.at(-1)!.seconds.toFixed(1).padStart(6)} s  (rebuilt from the engagement above)`);
  t0 = performance.now();
  await handle.db.execute(sql`analyze`);
  log(`analyze ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const rows = report.reduce((s, r) => s + r.rows, 0);
  const seconds = (performance.now() - started) / 1000;
  return { report, rows, seconds, rowsPerSecond: rows / seconds, community, now, scale: scales[scaleName] };
}
