// `npm run bench:load -- [--db postgres|pglite] [--scale medium] [--duration 20] [--ramp 2] [--rounds 3] [--connections 16,64] [--port 3500]
// [--people 48] [--build] [--smoke]`: the production build on the seeded benchmark database, driven by autocannon, signed
// in as a rotating set of seeded people. Each page is measured against the floor (the cheapest signed-in page) in the
// same run, so the ratios hold on a busy machine; at the top connection count the floor and the verdict's pages are
// measured in `--rounds` alternating rounds (3), and the verdict's ratios are the rounds' medians. The last line:
//   load foryou_p95_vs_floor=<ratio> following_p95_vs_floor=<ratio> errors=<n> rss_mb=<n>
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { closeDatabase, rowsOf } from '../db/client';
import { isScale, scales, type ScaleName } from './dataset/generate';
import { loadPeople, personIndexes, type BenchPerson } from './dataset/people';
import { seedBench } from './dataset/seed';
import { mean } from './quality/stats';
import { engineEnv, isEngine, openBenchDatabase, type Engine } from './dataset/target';
import { drive as driveAt, ensureBuild, formatTable, mintCookies, settle, type Result, type Target, startBenchServer } from './http-load';

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const smoke = args.includes('--smoke');
const engine = valueOf('--db') ?? (smoke ? 'pglite' : 'postgres');
const scale = valueOf('--scale') ?? (smoke ? 'tiny' : 'medium');
const duration = Number(valueOf('--duration') ?? (smoke ? 2 : 20));
// Each measured run starts with this long a ramp, left out of its figures (see drive in ./http-load.ts).
const ramp = Number(valueOf('--ramp') ?? (smoke ? 0.5 : 2));
// The floor and the pages of the verdict are measured this many times at the top connection count, alternating; the
// verdict's ratios are the medians of the rounds' (a 2-core machine shared with others drifts between runs).
const rounds = Number(valueOf('--rounds') ?? (smoke ? 1 : 3));
const connectionsList = (valueOf('--connections') ?? (smoke ? '4,8' : '16,64')).split(',').map(Number);
const port = Number(valueOf('--port') ?? process.env.BENCH_PORT ?? 3500);
const peopleCount = Number(valueOf('--people') ?? (smoke ? 8 : 48));
const only = valueOf('--only')?.split(',');
if (!isEngine(engine) || !isScale(scale) || !(duration > 0) || !(ramp >= 0) || !(Number.isInteger(rounds) && rounds >= 1) || connectionsList.some((c) => !(c > 0)) || !(port > 0)) {
  console.error('Usage: tsx bench/load.ts [--db postgres|pglite] [--scale tiny|small|medium|large] [--duration s] [--ramp s] [--rounds n] [--connections 16,64] [--port n] [--people n] [--build] [--smoke]');
  process.exit(2);
}

const SECRET = crypto.randomBytes(33).toString('base64url');
const origin = `http://127.0.0.1:${port}`;

const startServer = (env: Record<string, string>) => startBenchServer(port, SECRET, env);

const drive = (route: string, targets: Target[], connections: number, seconds: number, serverPid: number, rampSeconds = 0) => driveAt(origin, route, targets, connections, seconds, serverPid, rampSeconds);

async function fetchOnce(t: Target) {
  const res = await fetch(origin + t.path, { headers: { cookie: t.cookie }, redirect: 'manual' });
  const body = await res.text();
  return { status: res.status, body };
}

async function waitForServer(probe: Target, server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const { status } = await fetchOnce(probe);
      if (status === 200) return;
      if (status !== 502 && status !== 503) throw new Error(`the floor page answered ${status}: is the build missing app/(main)/bench/floor?`);
    } catch (error) {
      if ((error as Error).message.startsWith('the floor')) throw error;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the server did not answer within 60 s');
}

function median(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Student's t, two-sided 95 %, for n - 1 degrees of freedom (n ≤ 10; 1.96 beyond). */
const t95 = [NaN, 12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26];
function confidence(xs: number[]) {
  const m = mean(xs);
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
  return { mean: m, half: ((t95[xs.length - 1] ?? 1.96) * sd) / Math.sqrt(xs.length) };
}

async function main() {
  const started = Date.now();
  ensureBuild(args.includes('--build'));
  const s = scale as ScaleName;
  const e = engine as Engine;
  const handle = await openBenchDatabase(e, s);
  let server: ChildProcess | undefined;
  try {
    const [{ n }] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'users'`));
    const seeded = n > 0 && rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from users where email like '%@bench.hearth'`))[0]!.n > 0;
    if (!seeded) {
      if (!smoke && s !== 'tiny') throw new Error(`The ${s} benchmark database is not seeded: run npm run bench:seed -- --scale ${s}${e === 'pglite' ? ' --db pglite' : ''}`);
      await seedBench(handle, s);
    }
    // Earlier runs' sessions would pile up in user_sessions; each run signs in afresh.
    await handle.db.execute(sql`delete from user_sessions where device = 'Benchmark'`);
    const P = scales[s].people;
    const forYou = await loadPeople(handle.db, personIndexes(P, peopleCount));
    const following = await loadPeople(handle.db, personIndexes(P, Math.max(2, Math.round(peopleCount / 2)), true));
    const cookies = await mintCookies([...forYou, ...following], handle.db, SECRET);
    // Every run ranks its readers' For you lists afresh, in the pre-flight (as a first view does). Lists left by an
    // earlier run would reach their refresh age (10 minutes) at a moment that depends on when that run was, and the
    // 48 re-rankings would then land inside some measured window and not others (a run measured 7.1× for that).
    await handle.db.execute(sql`delete from for_you_lists where user_id in (${sql.join(forYou.map((p) => sql`${p.id}`), sql`, `)})`);
    const c = (p: BenchPerson) => cookies.get(p.id)!;
    // Profiles visited: a spread of seeded people, each page seen by someone else.
    const routes: Record<string, Target[]> = {
      floor: forYou.map((p) => ({ cookie: c(p), path: '/bench/floor' })),
      following: following.map((p) => ({ cookie: c(p), path: '/feed' })),
      foryou: forYou.map((p) => ({ cookie: c(p), path: '/feed' })),
      group: forYou.filter((p) => p.groupSlug).map((p) => ({ cookie: c(p), path: `/g/${p.groupSlug}` })),
      profile: forYou.map((p, i) => ({ cookie: c(p), path: `/u/${forYou[(i * 7 + 3) % forYou.length]!.handle}` })),
    };
    await handle.close();
    await closeDatabase();

    const log = fs.createWriteStream(path.join(os.tmpdir(), `hearth-bench-load-${port}.log`));
    server = startServer(engineEnv(e, s));
    server.stdout!.pipe(log);
    server.stderr!.pipe(log);
    await waitForServer(routes.floor[0]!, server);
    const pid = server.pid!;

    // Every page once per person must answer 200 (a redirect would mean the session was refused), then warm up.
    const selected = Object.keys(routes).filter((r) => !only || only.includes(r) || r === 'floor');
    for (const route of selected) {
      for (const t of routes[route]!) {
        const { status } = await fetchOnce(t);
        if (status !== 200) throw new Error(`${route} ${t.path} answered ${status} before the run`);
      }
    }
    for (const route of selected) await drive(route, routes[route]!, Math.min(8, connectionsList[0]!), smoke ? 1 : 3, pid);
    // Whatever those first views left running after their responses (a background ranking) ends before the run.
    const settled = await settle(pid, smoke ? 5 : 60);
    console.error(`  the server ${settled.idle ? 'settled' : 'was still busy'} after ${settled.seconds.toFixed(1)} s of background work`);

    const results: Result[] = [];
    for (const connections of connectionsList) {
      for (const route of selected) {
        const r = await drive(route, routes[route]!, connections, duration, pid, ramp);
        results.push(r);
        console.error(`  ${route} @${connections}: p95 ${r.p95.toFixed(0)} ms, ${r.rps.toFixed(1)} req/s, ${r.cpuMs.toFixed(1)} ms of server CPU a request`);
      }
    }

    const head = ['route', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'p95 all', 'non-2xx', 'errors', 'rss MB', 'cpu ms', 'p95/floor'];
    const floorP95 = new Map(results.filter((r) => r.route === 'floor').map((r) => [r.connections, r.p95]));
    const lines = results.map((r) => [r.route, r.connections, r.rps.toFixed(1), r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.p95All.toFixed(0), r.non2xx, r.errors, r.rssMb.toFixed(0), r.cpuMs.toFixed(1), (r.p95 / floorP95.get(r.connections)!).toFixed(2)].map(String));
    console.log(`\nLoad benchmark: ${s} scale on ${e === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}, ${duration} s per run after a ${ramp} s ramp, ${forYou.length + following.length} people signed in, ${os.cpus().length} CPUs (shared)`);
    console.log(formatTable(head, lines));
    const top = Math.max(...connectionsList);
    const verdictRoutes = ['foryou', 'following'].filter((r) => selected.includes(r));
    // Round 1 is the table's; the others measure the floor and the verdict's pages again, in the same order.
    const roundResults: Result[][] = [results.filter((r) => r.connections === top)];
    for (let round = 2; round <= rounds; round++) {
      const again: Result[] = [];
      for (const route of ['floor', ...verdictRoutes]) {
        const r = await drive(route, routes[route]!, top, duration, pid, ramp);
        again.push(r);
        console.error(`  round ${round}: ${route} @${top}: p95 ${r.p95.toFixed(0)} ms, ${r.rps.toFixed(1)} req/s`);
      }
      roundResults.push(again);
    }
    const all = [...results, ...roundResults.slice(1).flat()];
    const ratios = (route: string) => roundResults.map((rs) => rs.find((r) => r.route === route)!.p95 / rs.find((r) => r.route === 'floor')!.p95);
    const ratio = (route: string) => (verdictRoutes.includes(route) ? median(ratios(route)).toFixed(2) : 'n/a');
    if (rounds > 1) {
      for (const route of verdictRoutes) {
        const xs = ratios(route);
        const { mean, half } = confidence(xs);
        console.log(`${route} p95/floor at ${top} connections, ${rounds} rounds: ${xs.map((x) => x.toFixed(2)).join(' ')} — median ${median(xs).toFixed(2)}, mean ${mean.toFixed(2)} ± ${half.toFixed(2)} (95 % CI)`);
      }
    }
    const errors = all.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
    const rss = Math.max(...all.map((r) => r.rssMb));
    console.log(`(ratios at ${top} connections${rounds > 1 ? `, the verdict's the medians of ${rounds} rounds` : ''}; p95 all = the p95 with the ramp's answers too; cpu ms = server CPU time (user + system) per answered request; errors = connection errors + timeouts + non-2xx answers; total ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    console.log(`load foryou_p95_vs_floor=${ratio('foryou')} following_p95_vs_floor=${ratio('following')} errors=${errors} rss_mb=${rss.toFixed(0)}`);
    if (smoke && errors > 0) process.exitCode = 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    await handle.close().catch(() => {});
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
