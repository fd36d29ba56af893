// `npm run bench:live -- [--db postgres|pglite] [--scale small] [--streams 1000] [--duration 20] [--connections 16]
// [--writes 40] [--port 3500] [--smoke]`: live updates under load, on the production build and the seeded benchmark
// community. It opens `--streams` Server-Sent Events streams (app/api/live) on one instance, spread over signed-in
// people (at most 6 a person, under the per-person cap), all watching one post; a writer toggles a reaction on that
// post through its Server Action, one write at a time, and every stream must receive each event. Measured:
//   - event delay: from sending the write to its event arriving, per stream and write (p95 over all of them) — an upper
//     bound on commit-to-arrival, as it includes the action's own answer time;
//   - memory: the server's RSS with the streams open minus before, per 1,000 streams;
//   - For you under load: bench:load's For-you readers (autocannon) without streams, then with the streams open and
//     the writer writing, p95 against p95 in the same run.
// The last line:
//   live streams=<n> event_p95_ms=<n> rss_mb_per_1000=<n> foryou_p95_with_vs_without=<ratio>
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { closeDatabase, rowsOf } from '../db/client';
import { isScale, scales, type ScaleName } from './dataset/generate';
import { loadPeople, personIndexes, type BenchPerson } from './dataset/people';
import { seedBench } from './dataset/seed';
import { engineEnv, isEngine, openBenchDatabase, type Engine } from './dataset/target';
import { actionId, callAction, drive, ensureBuild, formatTable, mintCookies, percentile, settle, treeRssMb, type Target, startBenchServer } from './http-load';

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const smoke = args.includes('--smoke');
const engine = valueOf('--db') ?? (smoke ? 'pglite' : 'postgres');
const scale = valueOf('--scale') ?? (smoke ? 'tiny' : 'small');
const streamCount = Number(valueOf('--streams') ?? (smoke ? 40 : 1000));
const duration = Number(valueOf('--duration') ?? (smoke ? 2 : 20));
const connections = Number(valueOf('--connections') ?? (smoke ? 4 : 16));
const writes = Number(valueOf('--writes') ?? (smoke ? 5 : 40));
const port = Number(valueOf('--port') ?? process.env.BENCH_PORT ?? 3500);
if (!isEngine(engine) || !isScale(scale) || !(streamCount > 0) || !(duration > 0) || !(connections > 0) || !(writes > 0) || !(port > 0)) {
  console.error('Usage: tsx bench/live.ts [--db postgres|pglite] [--scale tiny|small|medium|large] [--streams n] [--duration s] [--connections n] [--writes n] [--port n] [--smoke]');
  process.exit(2);
}
const PER_PERSON = 6;
const SECRET = crypto.randomBytes(33).toString('base64url');
const origin = `http://127.0.0.1:${port}`;

const startServer = (env: Record<string, string>) => startBenchServer(port, SECRET, env);

async function waitForServer(probe: Target, server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const res = await fetch(origin + probe.path, { headers: { cookie: probe.cookie }, redirect: 'manual' });
      await res.text();
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the server did not answer within 60 s');
}

type Stream = { received: Map<number, number>; reactions: number[]; close: () => void; opened: Promise<void>; failed?: string };

/** One EventSource-like client: records when each `reaction` event arrived (by arrival order). */
function openStream(cookie: string, postId: string): Stream {
  const stream: Stream = { received: new Map(), reactions: [], close: () => {}, opened: Promise.resolve() };
  stream.opened = new Promise((resolve, reject) => {
    const req = http.get(`${origin}/api/live?post=${postId}`, { headers: { cookie, accept: 'text/event-stream' }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        stream.failed = `answered ${res.statusCode}`;
        reject(new Error(`a stream ${stream.failed}`));
        res.resume();
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes(': open')) resolve();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.includes('event: reaction')) stream.reactions.push(performance.now());
        }
      });
      res.on('error', () => {});
    });
    req.on('error', (error) => {
      stream.failed = error.message;
      reject(error);
    });
    stream.close = () => req.destroy();
  });
  return stream;
}

async function main() {
  ensureBuild(args.includes('--build'));
  const s = scale as ScaleName;
  const e = engine as Engine;
  const handle = await openBenchDatabase(e, s);
  let server: ChildProcess | undefined;
  const streams: Stream[] = [];
  try {
    const seeded = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'users'`))[0]!.n > 0 &&
      rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from users where email like '%@bench.hearth'`))[0]!.n > 0;
    if (!seeded) {
      if (s !== 'tiny' && s !== 'small') throw new Error(`The ${s} benchmark database is not seeded: run npm run bench:seed -- --scale ${s}${e === 'pglite' ? ' --db pglite' : ''}`);
      console.error(`Seeding the ${s} benchmark community…`);
      await seedBench(handle, s);
    }
    await handle.db.execute(sql`delete from user_sessions where device = 'Benchmark'`);
    const P = scales[s].people;
    const watchers = await loadPeople(handle.db, personIndexes(P, Math.min(P, Math.ceil(streamCount / PER_PERSON))));
    if (watchers.length * PER_PERSON < streamCount) throw new Error(`${streamCount} streams need ${Math.ceil(streamCount / PER_PERSON)} people; the ${s} community has ${watchers.length} to spare`);
    const readers = await loadPeople(handle.db, personIndexes(P, smoke ? 8 : 48));
    // The watched post: on a profile whose posts every signed-in member may see, so every stream may hear of it.
    const [target] = rowsOf<{ id: string; author_id: string }>(
      await handle.db.execute(sql`
        select p.id, p.author_id from posts p
        where p.group_id is null and p.removed_at is null
          and not exists (select 1 from profiles pr where pr.user_id = p.author_id and (pr.visibility = 'only_me' or not pr.show_posts))
        order by p.created_at desc limit 1`),
    );
    if (!target) throw new Error('no profile post to watch in the benchmark community');
    const [writer] = await loadPeople(handle.db, personIndexes(P, 1));
    const cookies = await mintCookies([...new Map([...watchers, ...readers, writer!].map((p) => [p.id, p])).values()] as BenchPerson[], handle.db, SECRET);
    await handle.db.execute(sql`delete from for_you_lists where user_id in (${sql.join(readers.map((p) => sql`${p.id}`), sql`, `)})`);
    await handle.close();
    await closeDatabase();

    const log = fs.createWriteStream(path.join(os.tmpdir(), `hearth-bench-live-${port}.log`));
    server = startServer(engineEnv(e, s));
    server.stdout!.pipe(log);
    server.stderr!.pipe(log);
    const foryou: Target[] = readers.map((p) => ({ cookie: cookies.get(p.id)!, path: '/feed' }));
    await waitForServer(foryou[0]!, server);
    const pid = server.pid!;
    const react = actionId('lib/posts/actions.ts', 'toggleReactionAction');
    const writerCookie = cookies.get(writer!.id)!;

    const step = (what: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${what}`);
    // Warm up, then For you without streams.
    step('warming up, then For you without streams');
    for (const t of foryou) await fetch(origin + t.path, { headers: { cookie: t.cookie } }).then((r) => r.text());
    await drive(origin, 'foryou', foryou, Math.min(8, connections), smoke ? 1 : 3, pid);
    await settle(pid, smoke ? 5 : 60);
    const without = await drive(origin, 'foryou', foryou, connections, duration, pid);
    await settle(pid, smoke ? 5 : 30);
    const rssBefore = treeRssMb(pid);

    step(`opening ${streamCount} streams`);
    // Open the streams, a few at a time.
    const started = performance.now();
    for (let i = 0; i < streamCount; i++) streams.push(openStream(cookies.get(watchers[i % watchers.length]!.id)!, target.id));
    const opened = await Promise.allSettled(streams.map((st) => st.opened));
    const failedOpen = opened.filter((o) => o.status === 'rejected').length;
    const openMs = performance.now() - started;
    await settle(pid, smoke ? 5 : 30);
    const rssAfter = treeRssMb(pid);

    // Writes, one at a time, each awaited by every stream (or given up on after 10 s); the same while For you runs.
    const delays: number[] = [];
    let missed = 0;
    let writeErrors = 0;
    let emoji = 0;
    const writeOnce = async () => {
      const counts = streams.map((st) => st.reactions.length);
      const sent = performance.now();
      // A write that does not answer within callAction's 15 s is a write error, counted, not the end of the run.
      const answer = await callAction(origin, `/p/${target.id}`, react, writerCookie, { postId: target.id, emoji: ['❤️', '👍'][emoji++ % 2]! }).catch((error: unknown) => {
        console.error(`a write failed: ${error instanceof Error ? error.message : String(error)}`);
        return { status: 0, text: '' };
      });
      if (answer.status !== 200) {
        writeErrors++;
        return;
      }
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && streams.some((st, i) => !st.failed && st.reactions.length <= counts[i]!)) await new Promise((r) => setTimeout(r, 5));
      streams.forEach((st, i) => {
        if (st.failed) return;
        if (st.reactions.length > counts[i]!) delays.push(st.reactions[counts[i]!]! - sent);
        else missed++;
      });
    };
    const half = Math.ceil(writes / 2);
    step(`${failedOpen} streams failed to open; ${half} writes`);
    for (let i = 0; i < half; i++) await writeOnce();
    step(`${writes - half} writes while For you runs with the streams open`);
    // The other half while For you is driven, spread over its run.
    const gap = (duration * 1000) / Math.max(1, writes - half) / 2;
    const underLoad = (async () => {
      for (let i = 0; i < writes - half; i++) {
        await writeOnce();
        await new Promise((r) => setTimeout(r, gap));
      }
    })();
    const withStreams = await drive(origin, 'foryou', foryou, connections, duration, pid);
    await underLoad;

    delays.sort((a, b) => a - b);
    const eventP95 = percentile(delays, 95);
    const rssPer1000 = ((rssAfter - rssBefore) * 1000) / Math.max(1, streamCount - failedOpen);
    const ratio = withStreams.p95 / without.p95;
    const head = ['measure', 'value'];
    console.log(`\nLive benchmark: ${s} scale on ${e === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}, ${streamCount} streams over ${watchers.length} people, ${writes} writes, For you at ${connections} connections for ${duration} s, ${os.cpus().length} CPUs (shared)`);
    console.log(
      formatTable(head, [
        ['streams opened', `${streamCount - failedOpen} of ${streamCount} in ${openMs.toFixed(0)} ms`],
        ['events delivered', `${delays.length} (missed ${missed}, write errors ${writeErrors})`],
        ['event delay p50 / p95 / max ms', `${percentile(delays, 50).toFixed(0)} / ${eventP95.toFixed(0)} / ${(delays.at(-1) ?? NaN).toFixed(0)}`],
        ['server RSS before / with streams MB', `${rssBefore.toFixed(0)} / ${rssAfter.toFixed(0)}`],
        ['For you p95 without / with streams ms', `${without.p95.toFixed(0)} / ${withStreams.p95.toFixed(0)} (errors ${without.errors + without.non2xx} / ${withStreams.errors + withStreams.non2xx})`],
      ]),
    );
    console.log(`live streams=${streamCount - failedOpen} event_p95_ms=${eventP95.toFixed(0)} rss_mb_per_1000=${rssPer1000.toFixed(1)} foryou_p95_with_vs_without=${ratio.toFixed(2)}`);
    const errors = failedOpen + missed + writeErrors + withStreams.errors + withStreams.non2xx;
    if (errors > 0) {
      console.error(`${errors} failure(s): streams not opened, events not delivered, writes refused or For you errors`);
      process.exitCode = 1;
    }
  } finally {
    for (const st of streams) st.close();
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
