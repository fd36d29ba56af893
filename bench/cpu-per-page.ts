// `npm run bench:cpu -- <rounds> <path> [<path>…]`: server CPU per request, sequential, the pages alternating request by
// request (so the machine's drift cancels in the ratios), each page requested by each of the 48 For-you readers of
// the medium benchmark database on PostgreSQL (bench:seed first), on BENCH_PORT. CPU is the server's threads' run
// time (/proc/<pid>/task/*/schedstat, nanoseconds); each round prints ms per request, the ratio to the first path, and
// the main thread's share (where JavaScript runs: under load it bounds the requests a second) and the CPU of the
// PostgreSQL server processes serving the benchmark database (when the server runs on this machine).
// No compression is asked for, as autocannon in bench:load asks for none. BENCH_NODE_ARGS="--cpu-prof …" profiles;
// BENCH_DUMP=<dir> writes the first person's answer to each path there, to see what a page sends.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { closeDatabase } from '../db/client';
import { loadPeople, personIndexes } from './dataset/people';
import { databaseName, engineEnv, openBenchDatabase } from './dataset/target';
import { mintCookies, processTree, startBenchServer, settle } from './http-load';

const port = Number(process.env.BENCH_PORT ?? 3500);
const origin = `http://127.0.0.1:${port}`;
const [roundsArg, ...paths] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 3);

function cpuNs(pid: number) {
  let ns = 0;
  for (const p of processTree(pid)) {
    for (const t of fs.readdirSync(`/proc/${p.pid}/task`)) {
      try {
        ns += Number(fs.readFileSync(`/proc/${p.pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // gone
      }
    }
  }
  return ns;
}

/** Run time of the server's main thread alone: JavaScript runs there, so under load it bounds the requests a second. */
function mainThreadNs(pid: number) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
}

/** CPU of each PostgreSQL server process serving `database` on this machine (when the server is local), by pid. */
function postgresNs(database: string) {
  const byPid = new Map<string, number>();
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!title.startsWith('postgres: ') || !title.includes(` ${database} `)) continue;
      byPid.set(pid, Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]));
    } catch {
      // gone
    }
  }
  return byPid;
}

/** CPU the server processes used between two readings (a process that went away in between counts nothing). */
function postgresDelta(before: Map<string, number>, after: Map<string, number>) {
  let ns = 0;
  for (const [pid, value] of after) ns += value - (before.get(pid) ?? 0);
  return ns;
}

async function main() {
  const SECRET = crypto.randomBytes(33).toString('base64url');
  const handle = await openBenchDatabase('postgres', 'medium');
  const database = databaseName('medium');
  await handle.db.execute(sql`delete from user_sessions where device = 'Benchmark'`);
  const people = await loadPeople(handle.db, personIndexes(2000, 48));
  const cookies = await mintCookies(people, handle.db, SECRET);
  await handle.close();
  await closeDatabase();
  const server = startBenchServer(port, SECRET, engineEnv('postgres', 'medium'));
  server.stderr!.on('data', (d) => process.stderr.write(d));
  const pid = server.pid!;
  const get = async (p: string, cookie: string) => {
    const r = await fetch(origin + p, { headers: { cookie, 'accept-encoding': 'identity' } });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${p} ${r.status}`);
    if (process.env.BENCH_DUMP && cookie === cookies.get(people[0]!.id)) {
      fs.mkdirSync(process.env.BENCH_DUMP, { recursive: true });
      fs.writeFileSync(`${process.env.BENCH_DUMP}/${p.replace(/\W+/g, '_') || 'root'}.html`, body);
    }
    return body.length;
  };
  for (let i = 0; ; i++) {
    try { await get('/bench/floor', cookies.get(people[0]!.id)!); break; } catch { if (i > 200) throw new Error('no server'); await new Promise((r) => setTimeout(r, 300)); }
  }
  try {
    for (const p of people) for (const path of paths) await get(path, cookies.get(p.id)!);
    for (const p of people) for (const path of paths) await get(path, cookies.get(p.id)!);
    await settle(pid, 60);
    for (let round = 0; round < rounds; round++) {
      const total = new Map<string, number>();
      const bytes = new Map<string, number>();
      const pg = new Map<string, number>();
      const main = new Map<string, number>();
      for (const p of people) {
        for (const path of paths) {
          const before = cpuNs(pid);
          const mainBefore = mainThreadNs(pid);
          const pgBefore = postgresNs(database);
          const n = await get(path, cookies.get(p.id)!);
          total.set(path, (total.get(path) ?? 0) + (cpuNs(pid) - before));
          main.set(path, (main.get(path) ?? 0) + (mainThreadNs(pid) - mainBefore));
          pg.set(path, (pg.get(path) ?? 0) + postgresDelta(pgBefore, postgresNs(database)));
          bytes.set(path, n);
        }
      }
      const base = total.get(paths[0]!)!;
      const mainBase = main.get(paths[0]!)!;
      console.log(
        `round ${round}: ` +
          paths
            .map((path) => `${path} ${(total.get(path)! / people.length / 1e6).toFixed(1)} ms (${(total.get(path)! / base).toFixed(2)}, main thread ${(main.get(path)! / people.length / 1e6).toFixed(1)} ms ${(main.get(path)! / mainBase).toFixed(2)}, ${(bytes.get(path)! / 1024).toFixed(0)} KB, postgres ${(pg.get(path)! / people.length / 1e6).toFixed(1)} ms)`)
            .join(' | '),
      );
      await settle(pid, 30);
    }
  } finally {
    server.kill('SIGTERM');
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
