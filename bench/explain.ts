// `npm run bench:explain -- [--scale medium] [--person 0] [--mode foryou|following] [--top 5]`: runs one person's feed
// on the PostgreSQL benchmark database, lists every query it made with its time, and prints EXPLAIN ANALYZE of the
// slowest. How the plans in bench/README.md were found.
import { closeDatabase, installDatabase } from '../db/client';
import { getFeed } from '../lib/recommend/feed';
import { isScale } from './dataset/generate';
import { loadPeople } from './dataset/people';
import { openBenchDatabase } from './dataset/target';

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const scale = valueOf('--scale') ?? 'medium';
const person = Number(valueOf('--person') ?? 0);
const mode = valueOf('--mode') === 'following' ? 'following' : 'foryou';
const top = Number(valueOf('--top') ?? 4);
if (!isScale(scale)) throw new Error('--scale tiny|small|medium|large');

const handle = await openBenchDatabase('postgres', scale);
installDatabase(handle);
const client = handle.postgres!;
type Seen = { query: string; params: unknown[]; ms: number };
let log: Seen[] | null = null;
const original = client.unsafe.bind(client);
// Every query drizzle sends goes through unsafe(); time each (the promise is thenable, awaited by drizzle).
(client as unknown as { unsafe: typeof client.unsafe }).unsafe = ((query: string, params?: unknown[], opts?: object) => {
  const pending = original(query, params as never, opts as never);
  if (log) {
    const entry: Seen = { query, params: params ?? [], ms: 0 };
    const t0 = performance.now();
    log.push(entry);
    const then = pending.then.bind(pending);
    (pending as unknown as { then: unknown }).then = (ok: (v: unknown) => unknown, fail: (e: unknown) => unknown) =>
      then((v: unknown) => {
        entry.ms = performance.now() - t0;
        return ok ? ok(v) : v;
      }, fail);
  }
  return pending;
}) as typeof client.unsafe;

try {
  const [p] = await loadPeople(handle.db, [person]);
  const viewer = { id: p!.id, handle: p!.handle, name: p!.name, image: null };
  await getFeed(viewer, { mode }); // warm
  log = [];
  const t0 = performance.now();
  const feed = await getFeed(viewer, { mode });
  const total = performance.now() - t0;
  const seen = log;
  log = null;
  console.log(`${mode} feed of ${p!.handle} at ${scale}: ${feed.items.length} items, ${seen.length} queries, ${total.toFixed(1)} ms`);
  for (const q of seen) console.log(`${q.ms.toFixed(1).padStart(7)} ms  ${q.query.replace(/\s+/g, ' ').slice(0, 110)}`);
  for (const q of [...seen].sort((a, b) => b.ms - a.ms).slice(0, top)) {
    console.log(`\n── ${q.ms.toFixed(1)} ms ── ${q.query.replace(/\s+/g, ' ').slice(0, 200)}`);
    const plan = await original(`explain (analyze, buffers) ${q.query}`, q.params as never);
    for (const row of plan as unknown as Record<string, string>[]) console.log(row['QUERY PLAN']);
  }
} finally {
  await handle.close();
  await closeDatabase();
}
