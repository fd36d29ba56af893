// `npm run bench:cluster -- [--scale medium] [--instances 2] [--duration 20] [--connections 16,64] [--people 48]
// [--trials 20] [--cap-ms 10000] [--build] [--smoke]`: For you with one Hearth instance, then with N behind nginx (deploy/nginx.conf,
// e2e/support/cluster.ts), on this machine and one PostgreSQL server — the throughput, the latency, the errors, where
// the CPU went — and how long an action through one instance takes to show on another: a person mutes someone
// through instance A, then instance B's For you is read until the muted person has left the suggested people.
// The last line:
//   cluster two_vs_one_rps=<n> errors=<n> stale_after_action_ms_p95=<n>
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { closeDatabase, openPostgres, rowsOf, type DatabaseHandle } from '../db/client';
import { startCluster, type Cluster } from '../e2e/support/cluster';
import { isScale, scales, type ScaleName } from './dataset/generate';
import { loadPeople, personIndexes } from './dataset/people';
import { seedBench } from './dataset/seed';
import { openBenchDatabase, serverUrl } from './dataset/target';
import { actionId, callAction, commandCpuSeconds, drive, ensureBuild, formatTable, machineCpu, mintCookies, percentile, settle, treeCpuSeconds, type Result, type Target } from './http-load';

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const smoke = args.includes('--smoke');
const scale = valueOf('--scale') ?? (smoke ? 'tiny' : 'medium');
const instanceCount = Number(valueOf('--instances') ?? 2);
const duration = Number(valueOf('--duration') ?? (smoke ? 3 : 20));
const connectionsList = (valueOf('--connections') ?? (smoke ? '8' : '16,64')).split(',').map(Number);
const peopleCount = Number(valueOf('--people') ?? (smoke ? 8 : 48));
const trials = Number(valueOf('--trials') ?? (smoke ? 4 : 20));
// A trial that has not seen the action after this long counts as this long (the old in-memory cache kept
// suggestions 5 minutes: waiting it out 20 times is no benchmark).
const capMs = Number(valueOf('--cap-ms') ?? (smoke ? 5000 : 10_000));
if (!isScale(scale) || !(instanceCount >= 2) || !(duration > 0) || connectionsList.some((c) => !(c > 0)) || !(peopleCount > 0) || !(trials > 0)) {
  console.error('Usage: tsx bench/cluster.ts [--scale tiny|small|medium|large] [--instances 2] [--duration s] [--connections 16,64] [--people n] [--trials n] [--build] [--smoke]');
  process.exit(2);
}

const say = (line: string) => console.error(`  ${line}`);
const SECRET = crypto.randomBytes(33).toString('base64url');

type Row = Result & { setup: string; appCpuMs: number; nginxCpuMs: number; pgCpuMs: number; loadCpuMs: number; busyPct: number };

/** One autocannon run, with where the machine's CPU went meanwhile: the app, nginx, PostgreSQL, the load generator. */
async function measure(setup: string, origin: string, targets: Target[], connections: number, seconds: number, appPids: number[], nginxPid: number): Promise<Row> {
  const machine = machineCpu();
  const nginx = treeCpuSeconds(nginxPid);
  const pg = commandCpuSeconds('postgres');
  const own = process.cpuUsage();
  const r = await drive(origin, 'foryou', targets, connections, seconds, appPids);
  const load = process.cpuUsage(own);
  const after = machineCpu();
  const per = (cpuSeconds: number) => (r.requests ? (cpuSeconds * 1000) / r.requests : NaN);
  return {
    ...r,
    setup,
    appCpuMs: r.cpuMs,
    nginxCpuMs: per(treeCpuSeconds(nginxPid) - nginx),
    pgCpuMs: per(commandCpuSeconds('postgres') - pg),
    loadCpuMs: per((load.user + load.system) / 1e6),
    busyPct: ((after.busy - machine.busy) / Math.max(1e-9, after.total - machine.total)) * 100,
  };
}

/**
 * The people a /feed page suggests, by their "Follow <name>" buttons (on /feed only the suggestions have them; the
 * list's items arrive in the streamed part of the page, so the list element itself is not where to look).
 */
async function suggestedPeople(origin: string, cookie: string) {
  const response = await fetch(`${origin}/feed`, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  const html = await response.text();
  const names = [...html.matchAll(/<button[^>]*>Follow ([^<]+)<\/button>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/&quot;/g, '"'));
  return { status: response.status, names, html };
}

type Trial = { viewer: string; actedOn: string; observedOn: string; staleMs: number; seen: boolean; reads: number };

/**
 * Mutes, through one instance, the first person another instance suggests to the viewer (both instances have just
 * rendered the viewer's feed, so each holds whatever it keeps in memory), then reads the other instance's feed until
 * that person is gone. Stale time = when the first request that no longer showed them was sent, after the action was
 * acknowledged: 0 when the very next request is right.
 */
async function staleness(cluster: Cluster, viewers: { id: string; cookie: string }[], db: postgres.Sql, muteId: string) {
  const results: Trial[] = [];
  const muted: { viewer: string; target: string }[] = [];
  let errors = 0;
  for (let t = 0; t < trials; t++) {
    const viewer = viewers[t % viewers.length]!;
    const actOn = cluster.instances[t % cluster.instances.length]!;
    const observe = cluster.instances[(t + 1) % cluster.instances.length]!;
    const warm = await Promise.all([suggestedPeople(actOn.url, viewer.cookie), suggestedPeople(observe.url, viewer.cookie)]);
    if (warm.some((w) => w.status !== 200)) {
      errors += 1;
      continue;
    }
    const name = warm[1].names[0];
    if (!name) {
      const file = path.join(os.tmpdir(), `hearth-bench-cluster-${viewer.id}.html`);
      fs.writeFileSync(file, warm[1].html);
      throw new Error(`instance ${observe.name} suggests nobody to viewer ${viewer.id} (the page is in ${file}): the staleness trial needs someone to mute`);
    }
    const [person] = await db<{ id: string }[]>`select id from users where name = ${name}`;
    const answer = await callAction(actOn.url, '/feed', muteId, viewer.cookie, { kind: 'user', target: person!.id, duration: 'always' });
    const acknowledged = performance.now();
    if (answer.status !== 200 || !answer.text.includes('Muted ')) {
      errors += 1;
      say(`the mute through instance ${actOn.name} failed (${answer.status}): ${answer.text.slice(0, 160)}`);
      continue;
    }
    muted.push({ viewer: viewer.id, target: person!.id });
    for (let reads = 1; ; reads++) {
      const sent = performance.now();
      const now = await suggestedPeople(observe.url, viewer.cookie);
      if (now.status !== 200) errors += 1;
      else if (!now.names.includes(name)) {
        results.push({ viewer: viewer.id, actedOn: actOn.name, observedOn: observe.name, staleMs: sent - acknowledged, seen: true, reads });
        break;
      }
      if (performance.now() - acknowledged > capMs) {
        results.push({ viewer: viewer.id, actedOn: actOn.name, observedOn: observe.name, staleMs: capMs, seen: false, reads });
        break;
      }
    }
  }
  return { results, muted, errors };
}

/** The benchmark community: a fresh tiny one for the smoke (dropped afterwards), else the seeded scale's database. */
async function benchDatabase(): Promise<{ handle: DatabaseHandle; url: string; drop?: () => Promise<void> }> {
  if (smoke) {
    const name = `hearth_cluster_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = postgres(`${serverUrl()}/postgres`, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end({ timeout: 5 });
    const url = `${serverUrl()}/${name}`;
    const handle = openPostgres(url, { max: 4 });
    await seedBench(handle, scale as ScaleName);
    const drop = async () => {
      const again = postgres(`${serverUrl()}/postgres`, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`).finally(() => again.end({ timeout: 5 }));
    };
    return { handle, url, drop };
  }
  const s = scale as ScaleName;
  const handle = await openBenchDatabase('postgres', s);
  const seeded = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from users where email like '%@bench.hearth'`))[0]!.n > 0;
  if (!seeded) {
    if (s !== 'tiny') throw new Error(`The ${s} benchmark database is not seeded: run npm run bench:seed -- --scale ${s}`);
    await seedBench(handle, s);
  }
  return { handle, url: `${serverUrl()}/hearth_bench_${s}` };
}

async function main() {
  const started = Date.now();
  ensureBuild(args.includes('--build'));
  const muteId = actionId('lib/recommend/actions.ts', 'muteAction');
  const { handle, url, drop } = await benchDatabase();
  let cluster: Cluster | undefined;
  let sqlClient: postgres.Sql | undefined;
  let muted: { viewer: string; target: string }[] = [];
  try {
    await handle.db.execute(sql`delete from user_sessions where device = 'Benchmark'`);
    const P = scales[scale as ScaleName].people;
    const readers = await loadPeople(handle.db, personIndexes(P, peopleCount));
    const cookies = await mintCookies(readers, handle.db, SECRET);
    // Each run ranks its readers' lists afresh in the pre-flight, as bench:load does (README there).
    await handle.db.execute(sql`delete from for_you_lists where user_id in (${sql.join(readers.map((p) => sql`${p.id}`), sql`, `)})`);
    await handle.close();
    await closeDatabase();

    cluster = await startCluster({ instances: instanceCount, databaseUrl: url, env: { AUTH_SECRET: SECRET, HEARTH_MAILBOX: 'off' }, log: say });
    const targets: Target[] = readers.map((p) => ({ cookie: cookies.get(p.id)!, path: '/feed' }));
    const [a] = cluster.instances;
    const appPids = cluster.instances.map((i) => i.pid);

    // Every reader's For you must answer 200 on every instance (a redirect would be a refused session), then warm up.
    for (const instance of cluster.instances) {
      for (const t of targets) {
        const response = await fetch(instance.url + t.path, { headers: { cookie: t.cookie }, redirect: 'manual' });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`For you answered ${response.status} on instance ${instance.name} before the run`);
      }
    }
    await drive(a!.url, 'warm-up', targets, Math.min(8, connectionsList[0]!), smoke ? 1 : 3, [a!.pid]);
    await drive(cluster.url, 'warm-up', targets, Math.min(8, connectionsList[0]!), smoke ? 1 : 3, appPids);
    const settled = await settle(appPids, smoke ? 5 : 60);
    say(`the instances ${settled.idle ? 'settled' : 'were still busy'} after ${settled.seconds.toFixed(1)} s of background work`);

    const rows: Row[] = [];
    for (const connections of connectionsList) {
      const one = await measure('1 instance, direct', a!.url, targets, connections, duration, [a!.pid], cluster.nginxPid);
      rows.push(one);
      say(`one @${connections}: ${one.rps.toFixed(1)} req/s, p95 ${one.p95.toFixed(0)} ms, machine ${one.busyPct.toFixed(0)} % busy`);
      await settle(appPids, smoke ? 3 : 20);
      const two = await measure(`${instanceCount} instances, nginx`, cluster.url, targets, connections, duration, appPids, cluster.nginxPid);
      rows.push(two);
      say(`${instanceCount} @${connections}: ${two.rps.toFixed(1)} req/s, p95 ${two.p95.toFixed(0)} ms, machine ${two.busyPct.toFixed(0)} % busy`);
      await settle(appPids, smoke ? 3 : 20);
    }

    sqlClient = postgres(url, { max: 1, onnotice: () => {} });
    const viewers = readers.map((p) => ({ id: p.id, cookie: cookies.get(p.id)! }));
    const trial = await staleness(cluster, viewers, sqlClient, muteId);
    muted = trial.muted;

    const head = ['setup', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'app cpu ms', 'nginx ms', 'pg ms', 'loadgen ms', 'busy %'];
    const lines = rows.map((r) =>
      [r.setup, r.connections, r.rps.toFixed(1), r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.errors + r.non2xx, r.appCpuMs.toFixed(1), r.nginxCpuMs.toFixed(1), r.pgCpuMs.toFixed(1), r.loadCpuMs.toFixed(1), r.busyPct.toFixed(0)].map(String),
    );
    console.log(`\nCluster benchmark: For you at ${scale} scale on PostgreSQL, ${duration} s per run, ${readers.length} people signed in, ${os.cpus().length} CPUs (shared by the instances, nginx, PostgreSQL and the load generator)`);
    console.log(formatTable(head, lines));
    console.log('(cpu columns: CPU time per answered request — app = the instances measured, nginx, pg = every postgres process on the machine, loadgen = this process; busy % = the whole machine)');
    const stale = trial.results.map((r) => r.staleMs).sort((x, y) => x - y);
    const unseen = trial.results.filter((r) => !r.seen).length;
    const firstRead = trial.results.filter((r) => r.seen && r.reads === 1).length;
    console.log(
      `\nAn action on one instance, seen on another (${trial.results.length} trials: a mute through one instance, then the other's suggested people read until the muted person is gone):\n` +
        `  stale after the action: p50 ${percentile(stale, 50).toFixed(1)} ms, p95 ${percentile(stale, 95).toFixed(1)} ms, max ${(stale.at(-1) ?? NaN).toFixed(1)} ms; ` +
        `${firstRead} of ${trial.results.length} right on the first request after the action` +
        (unseen ? `; ${unseen} not seen within ${capMs / 1000} s (counted as ${capMs} ms)` : ''),
    );
    const top = Math.max(...connectionsList);
    const oneTop = rows.find((r) => r.connections === top && r.setup.startsWith('1 '))!;
    const twoTop = rows.find((r) => r.connections === top && !r.setup.startsWith('1 '))!;
    const errors = rows.reduce((sum, r) => sum + r.errors + r.non2xx, 0) + trial.errors;
    console.log(`(ratio at ${top} connections; errors = connection errors + timeouts + non-2xx answers, and failed actions or reads in the trials; total ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    console.log(`cluster two_vs_one_rps=${(twoTop.rps / oneTop.rps).toFixed(2)} errors=${errors} stale_after_action_ms_p95=${percentile(stale, 95).toFixed(0)}`);
    if (smoke && (errors > 0 || unseen > 0 || trial.results.length === 0)) process.exitCode = 1;
  } finally {
    // The mutes the trials made are undone, so the benchmark community stays as seeded.
    if (sqlClient) {
      for (const m of muted) await sqlClient`delete from feed_controls where user_id = ${m.viewer} and kind = 'mute_user' and target = ${m.target}`.catch(() => {});
      await sqlClient.end({ timeout: 5 });
    }
    await cluster?.stop();
    await handle.close().catch(() => {});
    await closeDatabase();
    await drop?.();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
