// `npm run bench:seed -- [--scale tiny|small|medium|large] [--db postgres|pglite] [--seed N]`: plants the benchmark
// community (bench/dataset/generate.ts) into the scale's benchmark database and prints rows per second.
import { closeDatabase } from '../db/client';
import { isScale } from './dataset/generate';
import { seedBench } from './dataset/seed';
import { databaseUrl, isEngine, openBenchDatabase, pgliteDir } from './dataset/target';

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const scale = valueOf('--scale') ?? 'medium';
const engine = valueOf('--db') ?? 'postgres';
const seed = valueOf('--seed');
if (!isScale(scale)) {
  console.error(`Unknown scale "${scale}": use tiny, small, medium or large.`);
  process.exit(2);
}
if (!isEngine(engine)) {
  console.error(`Unknown database "${engine}": use postgres or pglite.`);
  process.exit(2);
}
if (seed !== undefined && !/^\d+$/.test(seed)) {
  console.error(`--seed takes a whole number, not "${seed}".`);
  process.exit(2);
}

const handle = await openBenchDatabase(engine, scale);
console.log(`Seeding the ${scale} benchmark community into ${engine === 'postgres' ? databaseUrl(scale) : pgliteDir(scale)}`);
try {
  const result = await seedBench(handle, scale, { seed: seed ? Number(seed) : undefined, log: console.log });
  console.log(`seed scale=${scale} db=${engine} rows=${result.rows} seconds=${result.seconds.toFixed(1)} rows_per_s=${Math.round(result.rowsPerSecond)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
  await closeDatabase();
}
