// The For you feed timed for the same people at several scales of the benchmark community (bench:scale), in this
// process: getFeed exactly as the feed page calls it, each person several times after a warm-up pass (which ranks and
// stores each person's list, as their first view would); then the cost of ranking a list again, reported beside it.
import { sql } from 'drizzle-orm';
import { closeDatabase, installDatabase, rowsOf } from '../db/client';
import { getFeed } from '../lib/recommend/feed';
import { rankAndStoreForYou } from '../lib/recommend/for-you-list';
import { personalizationOf } from '../lib/recommend/profile';
import { scales, type ScaleName } from './dataset/generate';
import { loadPeople, personIndexes } from './dataset/people';
import { seedBench } from './dataset/seed';
import { openBenchDatabase, type Engine } from './dataset/target';

export type ScaleTiming = { scale: ScaleName; people: number; calls: number; p50: number; p95: number; mean: number; items: number; rankP50: number; rankP95: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function runScale(options: { engine: Engine; scales: ScaleName[]; people: number; reps: number; seedMissing?: ScaleName[]; log?: (line: string) => void }) {
  const log = options.log ?? (() => {});
  // The same people everywhere: indexes that exist at the smallest scale.
  const smallest = Math.min(...options.scales.map((s) => scales[s].people));
  const indexes = personIndexes(smallest, options.people);
  const timings: ScaleTiming[] = [];
  for (const scale of options.scales) {
    const handle = await openBenchDatabase(options.engine, scale, { max: 4 });
    try {
      const [{ n }] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'users'`));
      const seeded = n > 0 && rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from users where email like '%@bench.hearth'`))[0]!.n > 0;
      if (!seeded) {
        if (!options.seedMissing?.includes(scale)) throw new Error(`The ${scale} benchmark database is not seeded: run npm run bench:seed -- --scale ${scale}${options.engine === 'pglite' ? ' --db pglite' : ''}`);
        log(`seeding ${scale}…`);
        await seedBench(handle, scale);
      }
      installDatabase(handle);
      const people = await loadPeople(handle.db, indexes);
      const viewers = people.map((p) => ({ id: p.id, handle: p.handle, name: p.name, image: null }));
      let items = 0;
      for (const v of viewers) items += (await getFeed(v, { mode: 'foryou' })).items.length; // warm-up
      const times: number[] = [];
      for (let r = 0; r < options.reps; r++) {
        for (const v of viewers) {
          const t0 = performance.now();
          await getFeed(v, { mode: 'foryou' });
          times.push(performance.now() - t0);
        }
      }
      times.sort((a, b) => a - b);
      // What the page does not wait for but Hearth still pays: ranking the list again (after the person's own
      // actions, or in the background when it is old or overtaken), timed the same way.
      const ranks: number[] = [];
      for (let r = 0; r < Math.max(1, Math.floor(options.reps / 2)); r++) {
        for (const v of viewers) {
          const t0 = performance.now();
          await rankAndStoreForYou(handle.db, v.id, await personalizationOf(handle.db, v.id));
          ranks.push(performance.now() - t0);
        }
      }
      ranks.sort((a, b) => a - b);
      const timing = {
        scale,
        people: viewers.length,
        calls: times.length,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        mean: times.reduce((s, t) => s + t, 0) / times.length,
        items: items / Math.max(1, viewers.length),
        rankP50: percentile(ranks, 50),
        rankP95: percentile(ranks, 95),
      };
      timings.push(timing);
      log(
        `${scale.padEnd(7)} ${String(scales[scale].posts).padStart(7)} posts  p50 ${timing.p50.toFixed(1).padStart(6)} ms  p95 ${timing.p95.toFixed(1).padStart(6)} ms  mean ${timing.mean.toFixed(1).padStart(6)} ms  (${timing.calls} calls, ${timing.items.toFixed(1)} items a page)` +
          `  ranking again: p50 ${timing.rankP50.toFixed(1)} ms, p95 ${timing.rankP95.toFixed(1)} ms`,
      );
    } finally {
      await handle.close();
      await closeDatabase();
    }
  }
  const p95 = (s: ScaleName) => timings.find((t) => t.scale === s)?.p95;
  const [a, b] = options.scales.slice(-2);
  const ratio = a && b && p95(a) && p95(b) ? p95(b)! / p95(a)! : NaN;
  return { timings, ratio, line: `scale p95_${b}_vs_${a}=${ratio.toFixed(2)}` };
}
