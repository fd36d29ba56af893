// The machinery bench:load and bench:cluster share: the production build, sessions minted as Auth.js makes them, an
// autocannon run over a rotation of signed-in people with every response's own latency, and meters of the CPU and
// memory the servers' processes use (from /proc).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import type { Database } from '../db/client';
import type { BenchPerson } from './dataset/people';

const COOKIE = 'authjs.session-token';

function newestSource(dir: string): number {
  let newest = 0;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (d.name === 'node_modules' || d.name.startsWith('.')) continue;
    const p = path.join(dir, d.name);
    newest = Math.max(newest, d.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds when asked, when there is no build, or when app/, components/, lib/ or db/ changed since the last one. */
export function ensureBuild(force: boolean) {
  const buildId = path.resolve('.next', 'BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changed = Math.max(...['app', 'components', 'lib', 'db'].map((d) => newestSource(path.resolve(d))));
  if (!force && built > changed) return;
  console.log('Building Hearth for production (next build)…');
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('next build failed');
}

export type Target = { cookie: string; path: string };

/** A session for each person as Auth.js would make it: a user_sessions row named in a JWT encrypted with `secret`. */
export async function mintCookies(people: BenchPerson[], db: Database, secret: string) {
  const now = new Date();
  const cookies = new Map<string, string>();
  for (const p of people) {
    const sid = crypto.randomUUID();
    await db.execute(sql`insert into user_sessions (id, user_id, device, created_at, last_seen_at) values (${sid}, ${p.id}, 'Benchmark', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)`);
    const token = await encode({ secret, salt: COOKIE, token: { sub: p.id, name: p.name, uid: p.id, sv: 0, sat: now.getTime(), sid } });
    cookies.set(p.id, `${COOKIE}=${token}`);
  }
  return cookies;
}

type Proc = { pid: number; comm: string; stat: string[] };

/** Every process with its name and its /proc stat fields after the name. */
function processes(): Proc[] {
  const all: Proc[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      all.push({ pid: Number(entry), comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), stat: text.slice(text.lastIndexOf(')') + 2).split(' ') });
    } catch {
      // gone
    }
  }
  return all;
}

/** The server and its children (a server may fork a worker), each with its /proc stat fields after the name. */
export function processTree(pid: number): { pid: number; stat: string[] }[] {
  return processes().filter((p) => p.pid === pid || Number(p.stat[1]) === pid);
}

/** Resident memory of the server's tree, in MB. */
export function treeRssMb(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p.pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) / 1024;
    } catch {
      // gone
    }
  }
  return total;
}

const cpuOf = (list: { stat: string[] }[]) => list.reduce((ticks, p) => ticks + Number(p.stat[11]) + Number(p.stat[12]), 0) / 100;

/** CPU seconds the server's tree has used (user + system; clock ticks are 1/100 s on Linux). */
export function treeCpuSeconds(pid: number): number {
  return cpuOf(processTree(pid));
}

/** CPU seconds used by every process of this name (e.g. `postgres`: the server and all its backends, whoever uses them). */
export function commandCpuSeconds(comm: string): number {
  return cpuOf(processes().filter((p) => p.comm === comm));
}

/** The whole machine's CPU time so far, busy and in all, in seconds summed over its cores (/proc/stat). */
export function machineCpu(): { busy: number; total: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = fields[3]! + fields[4]!; // idle + iowait
  return { busy: (total - idle) / 100, total: total / 100 };
}

/** Waits until the servers are idle (under 10 % of a core for half a second), at most `limit` seconds. */
export async function settle(pids: number | number[], limit: number) {
  const list = Array.isArray(pids) ? pids : [pids];
  const cpu = () => list.reduce((sum, pid) => sum + treeCpuSeconds(pid), 0);
  const started = Date.now();
  while (Date.now() - started < limit * 1000) {
    const before = cpu();
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (cpu() - before < 0.05) return { idle: true, seconds: (Date.now() - started) / 1000 };
  }
  return { idle: false, seconds: limit };
}

/** `p95All`: the p95 of every answer, the ramp's included (see drive). */
export type Result = { route: string; connections: number; requests: number; rps: number; p50: number; p95: number; p99: number; p95All: number; non2xx: number; errors: number; rssMb: number; cpuMs: number };

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * autocannon against `origin` for `seconds`, every request the next target in the rotation. Memory is the peak of the
 * servers' trees (sampled every 250 ms), cpuMs their CPU time per answered request.
 *
 * With `rampSeconds`, the run lasts that much longer and the answers to requests sent in its first `rampSeconds` are
 * left out of the counts and percentiles (kept in `p95All`): autocannon opens all its connections at once, and while
 * the server renders the first pages it reads the other connections' first requests late (up to a second later for
 * For you, measured in the server), after requests that connections already answered sent again. Those first
 * requests then wait twice, in the kernel and in the admission queue, for a few seconds that say more about the
 * harness than about the page under sustained load; the heavier the page, the longer the ramp.
 */
export async function drive(origin: string, route: string, targets: Target[], connections: number, seconds: number, serverPids: number | number[], rampSeconds = 0): Promise<Result> {
  const pids = Array.isArray(serverPids) ? serverPids : [serverPids];
  const rss = () => pids.reduce((sum, pid) => sum + treeRssMb(pid), 0);
  const cpu = () => pids.reduce((sum, pid) => sum + treeCpuSeconds(pid), 0);
  let k = 0;
  const latencies: number[] = [];
  let peakRss = rss();
  const cpuBefore = cpu();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rss())), 250);
  const instance = autocannon({
    url: origin,
    connections,
    duration: seconds + rampSeconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const t = targets[k++ % targets.length]!;
          return { ...req, method: 'GET', path: t.path, headers: { ...req.headers, cookie: t.cookie } };
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  const all: number[] = [];
  let cpuAfterRamp = cpuBefore;
  const started = performance.now();
  const rampEnds = started + rampSeconds * 1000;
  const rampTimer = rampSeconds > 0 ? setTimeout(() => (cpuAfterRamp = cpu()), rampSeconds * 1000) : undefined;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    all.push(responseTime);
    if (performance.now() - responseTime >= rampEnds) latencies.push(responseTime);
  });
  const result = await instance;
  clearInterval(sampler);
  clearTimeout(rampTimer);
  const cpuSeconds = cpu() - cpuAfterRamp;
  latencies.sort((a, b) => a - b);
  all.sort((a, b) => a - b);
  return {
    route,
    connections,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    p95All: percentile(all, 95),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rssMb: peakRss,
    cpuMs: latencies.length ? (cpuSeconds * 1000) / latencies.length : NaN,
  };
}

/** Columns padded to their widest cell, the first left-aligned and the rest right-aligned. */
export function formatTable(head: string[], lines: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [fmt(head), ...lines.map(fmt)].join('\n');
}

/** The id of an exported Server Action in the production build (its manifest). */
export function actionId(file: string, name: string) {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`${name} from ${file} is not in the build's action manifest`);
  return found[0];
}

/**
 * Calls a `useActionState` Server Action the way the browser does: the action's id in a header, the arguments
 * (previous state, FormData) encoded by React as multipart fields — the FormData as part 1, its fields prefixed
 * "_1_", then the root under "0", last, as the server resolves the root as soon as it arrives.
 */
export async function callAction(origin: string, page: string, id: string, cookie: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(`_1_${k}`, v);
  form.set('0', JSON.stringify([{}, '$K1']));
  const response = await fetch(`${origin}${page}`, {
    method: 'POST',
    headers: { 'Next-Action': id, Cookie: cookie, Origin: origin, Accept: 'text/x-component' },
    body: form,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, text: await response.text() };
}

/**
 * The production server as `npm start` runs it (a 256 MB old space) on 127.0.0.1:`port`, for a benchmark: rate limits,
 * jobs and seeding off. BENCH_NODE_ARGS adds node flags, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export function startBenchServer(port: number, secret: string, env: Record<string, string>): ChildProcess {
  const nodeArgs = ['--max-old-space-size=256', ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  return spawn(process.execPath, [...nodeArgs, path.resolve('scripts', 'server.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      AUTH_SECRET: secret,
      AUTH_TRUST_HOST: 'true',
      HEARTH_BENCH: '1',
      HEARTH_RATE_LIMITS: 'off',
      HEARTH_JOBS: 'off',
      HEARTH_SEED: 'off',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
