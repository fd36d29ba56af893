// `npm run bench:faults [-- --seconds 24 --restart-at 8 --people 8 --concurrency 6 --no-restart]`: Hearth on a
// PostgreSQL server under a write-heavy load (signed-in people posting and reacting through the real Server Actions),
// while PostgreSQL itself is restarted in the middle. Reports the errors during the outage, the seconds Hearth needs
// to recover after PostgreSQL is back (Hearth is never restarted), and acknowledged writes that are missing
// afterwards. Last line: `faults recover_s=<n> lost=<n> errors_during=<n>`. See bench/README.md, "Faults".
//
// The PostgreSQL server is the machine's own (other programs may be using it: the outage is kept short). Hearth's
// data goes into a database of its own, hearth_faults, dropped and created again on each run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import postgres from 'postgres';
import { migrateDatabase, openPostgres } from '../db/client';
import { posts, profiles, reactionEmoji, users } from '../db/schema';
import { startSession } from '../lib/auth/sessions';
import { summarize, type Attempt } from './faults/summary';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const seconds = flag('--seconds', 24);
const restartAt = flag('--restart-at', 8);
const people = flag('--people', 8);
const concurrency = flag('--concurrency', 6);
const restart = !args.includes('--no-restart');

const adminUrl = process.env.FAULTS_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = process.env.FAULTS_DATABASE ?? 'hearth_faults';
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName) || databaseName === 'test') {
  console.error(`Refusing to use the database "${databaseName}": the fault bench drops and creates its database.`);
  process.exit(2);
}
const databaseUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${databaseName}`;
  return u.toString();
})();

const log = (line: string) => console.log(`  ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The newest modification time under the source folders, to tell whether the production build is stale. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|css|sql)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ['app', 'components', 'lib', 'db']) walk(dir);
  for (const file of ['proxy.ts', 'next.config.ts', 'instrumentation.ts']) if (fs.existsSync(file)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  return newest;
}

function ensureBuild() {
  const id = path.join('.next', 'BUILD_ID');
  if (fs.existsSync(id) && fs.statSync(id).mtimeMs > newestSource()) return;
  log('building Hearth for production (next build)…');
  const built = spawnSync('npx', ['next', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (built.status !== 0) throw new Error('next build failed');
}

/** The id of an exported Server Action in the production build, and a page that carries it. */
function actionId(file: string, name: string) {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`${name} from ${file} is not in the build's action manifest`);
  return found[0];
}

async function freePort(from = 3600, to = 3699) {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer().once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

async function prepareDatabase() {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
  await admin.unsafe(`create database "${databaseName}"`);
  await admin.end();
  const handle = openPostgres(databaseUrl, { max: 4 });
  await migrateDatabase(handle);
  const run = crypto.randomBytes(3).toString('hex');
  const ids: string[] = [];
  for (let i = 0; i < people; i++) {
    const [user] = await handle.db
      .insert(users)
      .values({ name: `Faults ${i}`, email: `faults-${run}-${i}@bench.local`, handle: `faults_${run}_${i}` })
      .returning({ id: users.id });
    await handle.db.insert(profiles).values({ userId: user.id });
    ids.push(user.id);
  }
  // Posts for the reactions to land on, written directly: the load writes through the app.
  const targets = await handle.db
    .insert(posts)
    .values(Array.from({ length: 40 }, (_, i) => ({ authorId: ids[i % ids.length], body: `Something to react to, number ${i}.`, bodyHtml: `<p>Something to react to, number ${i}.</p>` })))
    .returning({ id: posts.id });
  const sessions = [];
  for (const id of ids) sessions.push({ userId: id, sessionId: await startSession(handle.db, id, 'Mozilla/5.0 (X11; Linux x86_64) fault-bench') });
  await handle.close();
  return { sessions, targets: targets.map((t) => t.id) };
}

function startHearth(port: number, secret: string) {
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret,
    AUTH_TRUST_HOST: 'true',
    HEARTH_RATE_LIMITS: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const child = spawn(process.execPath, ['scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  child.stdout!.on('data', (d) => output.push(String(d)));
  child.stderr!.on('data', (d) => output.push(String(d)));
  return { child, output };
}

async function waitUntilUp(base: string, child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('Hearth exited while starting');
    try {
      const response = await fetch(`${base}/sign-in`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error('Hearth did not start within 2 minutes');
}

function restartPostgres() {
  const version = fs.readdirSync('/etc/postgresql')[0];
  const result = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pg_ctlcluster restart failed: ${result.stderr || result.stdout}`);
}

async function waitForPostgres() {
  for (;;) {
    const probe = postgres(adminUrl, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await probe`select 1`;
      return;
    } catch {
      await sleep(50);
    } finally {
      await probe.end({ timeout: 0 }).catch(() => {});
    }
  }
}

async function main() {
  ensureBuild();
  const createPost = actionId('lib/posts/actions.ts', 'createPostAction');
  const toggleReaction = actionId('lib/posts/actions.ts', 'toggleReactionAction');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const secret = crypto.randomBytes(33).toString('base64url');

  log(`database ${databaseName} on ${new URL(adminUrl).host}; ${people} people, ${concurrency} at once, ${seconds} s${restart ? `, PostgreSQL restarted at ${restartAt} s` : ', no restart'}`);
  const { sessions, targets } = await prepareDatabase();
  const cookies = await Promise.all(
    sessions.map(async ({ userId, sessionId }) => {
      const token = await encode({ token: { uid: userId, sv: 0, sat: Date.now(), sid: sessionId, sub: userId }, secret, salt: 'authjs.session-token' });
      return `authjs.session-token=${token}`;
    }),
  );

  const { child, output } = startHearth(port, secret);
  const stopHearth = () => {
    try {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stopHearth);
  try {
    await waitUntilUp(base, child);
    log(`Hearth started on ${base} (pid ${child.pid})`);

    // The Server Action protocol as the browser speaks it: the action's id in a header, the arguments
    // (previous state, FormData) encoded by React as multipart fields.
    const callAction = async (id: string, cookie: string, fields: Record<string, string>) => {
      const form = new FormData();
      // (React's encodeReply: the FormData as part 1, its fields prefixed "_1_", then the root under "0" — last,
      // as the server resolves the root as soon as it arrives.)
      for (const [k, v] of Object.entries(fields)) form.set(`_1_${k}`, v);
      form.set('0', JSON.stringify([{}, '$K1']));
      const response = await fetch(`${base}/bookmarks`, {
        method: 'POST',
        headers: { 'Next-Action': id, Cookie: cookie, Origin: base, Accept: 'text/x-component' },
        body: form,
        signal: AbortSignal.timeout(15_000),
      });
      return { status: response.status, text: await response.text() };
    };

    const attempts: Attempt[] = [];
    const started = performance.now();
    const now = () => (performance.now() - started) / 1000;
    const pairs = targets.flatMap((postId) => reactionEmoji.map((emoji) => ({ postId, emoji })));
    let next = 0;
    let stop = false;
    const reactionTurns = sessions.map(() => 0);

    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const person = (w + i * concurrency) % sessions.length;
        const n = next++;
        // Half posts, half reactions (each person reacts to each post and emoji at most once, so an acknowledged
        // reaction must still be there afterwards; when a person has used every pair, they post instead).
        const kind = n % 2 === 0 || reactionTurns[person] >= pairs.length ? 'post' : 'reaction';
        const attempt: Attempt = { kind, person, at: now(), end: 0, ok: false, key: '' };
        try {
          if (kind === 'post') {
            attempt.key = `fault-bench-${crypto.randomUUID()}`;
            const r = await callAction(createPost, cookies[person], { body: `Load test post ${attempt.key}`, tags: '', imageAlt: '' });
            attempt.status = r.status;
            attempt.ok = r.status === 200 && r.text.includes('Posted to your profile.');
            if (!attempt.ok) attempt.detail = process.env.FAULTS_DEBUG ? r.text : (r.text.match(/"error":"([^"]*)"/)?.[1] ?? r.text.slice(0, 120));
          } else {
            const turn = reactionTurns[person]++;
            const pair = pairs[(turn * 7 + person * 13) % pairs.length];
            attempt.key = `${sessions[person].userId}:${pair.postId}:${pair.emoji}`;
            const r = await callAction(toggleReaction, cookies[person], { postId: pair.postId, emoji: pair.emoji });
            attempt.status = r.status;
            attempt.ok = r.status === 200 && r.text.includes('Reacted.');
            if (!attempt.ok) attempt.detail = process.env.FAULTS_DEBUG ? r.text : (r.text.match(/"error":"([^"]*)"/)?.[1] ?? r.text.slice(0, 120));
          }
        } catch (error) {
          attempt.detail = String((error as Error).cause ?? error).slice(0, 120);
        }
        attempt.end = now();
        attempts.push(attempt);
      }
    };

    let outage: { from: number; back: number } | undefined;
    const fault = (async () => {
      if (!restart) return;
      await sleep(restartAt * 1000);
      const from = now();
      log(`restarting PostgreSQL at ${from.toFixed(1)} s…`);
      restartPostgres();
      await waitForPostgres();
      outage = { from, back: now() };
      log(`PostgreSQL accepts connections again at ${outage.back.toFixed(1)} s (down ${(outage.back - from).toFixed(1)} s)`);
    })();

    const workers = Array.from({ length: concurrency }, (_, w) => worker(w));
    await sleep(seconds * 1000);
    stop = true;
    await Promise.all([...workers, fault]);
    const hearthAlive = child.exitCode === null;

    // Every acknowledged write must be in the database.
    const check = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const postBodies = new Set((await check<{ body: string }[]>`select body from posts where body like 'Load test post %'`).map((r) => r.body.slice('Load test post '.length)));
    const reactionKeys = new Set((await check<{ k: string }[]>`select user_id || ':' || post_id || ':' || emoji as k from reactions`).map((r) => r.k));
    await check.end();
    const stored = (a: Attempt) => (a.kind === 'post' ? postBodies.has(a.key) : reactionKeys.has(a.key));

    const result = summarize(attempts, outage, stored);
    console.log('');
    console.log(result.table);
    if (result.failures.length) {
      console.log('\n  failures (first 8):');
      for (const f of result.failures.slice(0, 8)) console.log(`    ${f.at.toFixed(2)} s ${f.kind} ${f.status ?? '-'} ${f.detail ?? ''}`);
    }
    const logLines = output.join('').split('\n').filter((l) => /error|unhandled|uncaught/i.test(l));
    console.log(`\n  Hearth ${hearthAlive ? `kept running (pid ${child.pid}, never restarted)` : 'EXITED during the run'}; ${logLines.length} error lines in its log`);
    for (const l of logLines.slice(0, 5)) console.log(`    ${l.slice(0, 160)}`);
    if (!hearthAlive) process.exitCode = 1;
    console.log(result.line);
  } finally {
    stopHearth();
    await sleep(500);
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${databaseName}" with (force)`).catch(() => {});
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
