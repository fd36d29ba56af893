// Several production instances of the journeys' build on one PostgreSQL database, behind a real nginx rendered from
// deploy/nginx.conf (round robin, no stickiness): what a deployment with N machines looks like, on one machine.
// Used by e2e/cluster.spec.ts and bench/cluster.ts. Everything it starts runs in a process group of its own and is
// killed at stop(), and the database it created is dropped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { findNginx } from '../../scripts/ensure-nginx.mjs';
import { e2eMailFile, startMailCatcher } from '../../scripts/mail-catcher.mjs';

// Run from the project's folder, as every script and test here is.
const root = process.cwd();

export type ClusterInstance = { name: string; url: string; port: number; pid: number; log: () => string };
export type Cluster = {
  /** nginx's address: what a person's browser talks to. */
  url: string;
  instances: ClusterInstance[];
  databaseUrl: string;
  nginxPid: number;
  /** The environment every instance shares (the same secrets): for a script that acts as one more instance. */
  env: Record<string, string>;
  nginxLog: () => string;
  stop: () => Promise<void>;
};

export type ClusterOptions = {
  instances?: number;
  /** Added to every instance's environment (e.g. HEARTH_RATE_LIMITS: 'on'). */
  env?: Record<string, string>;
  /**
   * A database to use as it is (the benchmark's seeded one): nothing is seeded and nothing is dropped. Without it a
   * fresh database is created on TEST_DATABASE_URL's server, the demo community is planted, and it is dropped at stop.
   */
  databaseUrl?: string;
  /** Print progress (the benchmark does; the journeys keep quiet). */
  log?: (line: string) => void;
};

/** Why the cluster cannot run here, or what it needs: the server in TEST_DATABASE_URL and an nginx binary. */
export function clusterPrerequisites(options: { server?: boolean } = {}): { ok: true; nginx: string; serverUrl: string } | { ok: false; reason: string } {
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  if (!serverUrl && options.server !== false) return { ok: false, reason: 'TEST_DATABASE_URL is not set: the cluster needs a PostgreSQL server every instance shares (.ci/run sets it)' };
  const nginx = findNginx();
  if (!nginx) return { ok: false, reason: 'nginx was not found (NGINX_PATH, PATH, /usr/sbin/nginx): npm test installs Debian’s nginx-light when it runs as root; otherwise apt-get install nginx-light' };
  return { ok: true, nginx: nginx.path, serverUrl };
}

export async function freePort(host = '127.0.0.1') {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether this machine can open a socket from 127.0.0.2 (Linux routes all of 127/8 to loopback; not every OS does). */
async function canBind(address: string) {
  return new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(0, address, () => server.close(() => resolve(true)));
  });
}

/** deploy/nginx.conf with its placeholders filled in (those in comments stay as they are: they document them). */
export function renderNginxConf(template: string, values: { listen: string; upstreams: string[]; extra: string[] }) {
  const fill: Record<string, (indent: string) => string> = {
    listen: () => values.listen,
    upstreams: (indent) => values.upstreams.join(`\n${indent}`),
    extra: (indent) => values.extra.join(`\n${indent}`),
  };
  const used = new Set<string>();
  const lines = template.split('\n').map((line) => {
    if (line.trimStart().startsWith('#')) return line;
    const indent = /^\s*/.exec(line)![0];
    return line.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
      if (!fill[name]) throw new Error(`deploy/nginx.conf has a placeholder the harness does not know: ${whole}`);
      used.add(name);
      return fill[name](indent);
    });
  });
  const missing = Object.keys(fill).filter((name) => !used.has(name));
  if (missing.length) throw new Error(`deploy/nginx.conf lost its placeholders ${missing.map((m) => `{{${m}}}`).join(', ')}`);
  return lines.join('\n');
}

function withDatabase(serverUrl: string, database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

type Group = { child: ChildProcess; output: () => string };

/** Starts a command in its own process group, its output kept (the last 200 kB) and written to a file. */
function startGroup(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Group {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const file = fs.createWriteStream(logFile);
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
    file.write(chunk);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', () => file.end());
  live.add(child);
  child.once('exit', () => live.delete(child));
  return { child, output: () => output };
}

// Should the runner die without stop(), nothing is left running.
const live = new Set<ChildProcess>();
// Every cluster started or starting here and not stopped yet (see stopClusters).
const unstopped = new Set<() => Promise<void>>();

/**
 * Stops every cluster this process started, including one still starting: a test hook that timed out while
 * startCluster was waiting never got its cluster to stop, and its processes and database would be left behind.
 */
export async function stopClusters() {
  await Promise.all([...unstopped].map((stop) => stop()));
}
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

async function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const done = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 8000))]);
  if (!done) killGroup(child, 'SIGKILL');
}

/** Waits until `url` answers with a status `ok` accepts; fails at once, with the output, if the process dies. */
async function waitFor(url: string, group: Group, what: string, seconds: number, ok = (status: number) => status < 500) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (group.child.exitCode !== null || group.child.signalCode !== null) throw new Error(`${what} stopped at start:\n${group.output()}`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (ok(response.status)) return response.status;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer ${url} within ${seconds} s:\n${group.output()}`);
}

/** An instance is ready when /readyz says so, or, in a build without /readyz, when the sign-in page renders. */
async function waitUntilReady(base: string, group: Group, what: string) {
  await waitFor(`${base}/sign-in`, group, what, 60, (status) => status === 200);
  const readyz = await fetch(`${base}/readyz`, { redirect: 'manual' }).then((r) => r.status).catch(() => 0);
  if (readyz !== 404) await waitFor(`${base}/readyz`, group, `${what} (/readyz)`, 20, (status) => status === 200);
}

/**
 * Starts `instances` production servers of the current build (`.next`) with the same secrets on one database, and
 * nginx in front. Instances are named a, b, c… (HEARTH_INSTANCE_NAME); nginx adds X-Upstream (the address that
 * answered) to every response, so a test can tell which instance served it.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.instances ?? 2;
  const say = options.log ?? (() => {});
  const prerequisites = clusterPrerequisites({ server: !options.databaseUrl });
  if (!prerequisites.ok) throw new Error(prerequisites.reason);
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('there is no production build (.next): run npx next build first');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-cluster-'));
  // nginx's workers (www-data when started as root) create and use the temporary directories inside.
  fs.chmodSync(dir, 0o755);
  const groups: Group[] = [];
  let databaseUrl = options.databaseUrl;
  let created: string | undefined;

  let catcher: Awaited<ReturnType<typeof startMailCatcher>> | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // nginx first, so nothing new arrives; then the instances; then the database nobody uses any more.
      for (const g of [...groups].reverse()) await stopGroup(g.child);
      await catcher?.close();
      if (created) {
        const admin = postgres(prerequisites.serverUrl, { max: 1, onnotice: () => {} });
        try {
          await admin.unsafe(`drop database if exists ${created} with (force)`);
        } finally {
          await admin.end({ timeout: 5 });
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
      unstopped.delete(stop);
    })());
  unstopped.add(stop);
  // Stopped while starting: go no further (each step checks before it starts something).
  const going = () => {
    if (stopping) throw new Error('the cluster was stopped while it was starting');
  };

  try {
    if (!databaseUrl) {
      going();
      created = `hearth_cluster_${crypto.randomBytes(5).toString('hex')}`;
      const admin = postgres(prerequisites.serverUrl, { max: 1, onnotice: () => {} });
      try {
        // CREATE DATABASE copies template1 and fails while another session is connected to it (other test runs
        // creating theirs): try again a few times.
        for (let attempt = 1; ; attempt++) {
          try {
            await admin.unsafe(`create database ${created}`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006' || attempt === 10) throw error;
            await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
          }
        }
      } finally {
        await admin.end({ timeout: 5 });
      }
      databaseUrl = withDatabase(prerequisites.serverUrl, created);
      going();
      say(`seeding the demo community into ${created}…`);
      const seeded = spawnSync('npx', ['tsx', 'scripts/db.ts', 'seed'], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', timeout: 120_000 });
      if (seeded.status !== 0) throw new Error(`seeding the cluster's database failed:\n${seeded.stdout}\n${seeded.stderr}`);
    }

    // The proxy connects from 127.0.0.2 where it can, so it is not the client's address (127.0.0.1): then trusting
    // the proxy by address trusts nothing the client wrote. Elsewhere, trust one hop.
    const proxyAddress = (await canBind('127.0.0.2')) ? '127.0.0.2' : undefined;
    // Every instance runs a mail worker, delivering over SMTP to this server; what it receives joins the journeys'
    // mail file, where e2e/helpers.ts (openMailedLink) reads it.
    going();
    catcher = await startMailCatcher({ file: e2eMailFile(), append: true });
    const shared: Record<string, string> = {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: path.join(dir, 'unused-data'),
      AUTH_SECRET: crypto.randomBytes(33).toString('base64url'),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
      AUTH_TRUST_HOST: 'true',
      HEARTH_TRUSTED_PROXIES: proxyAddress ?? '1',
      HEARTH_INSTANCES: String(count),
      HEARTH_SEED: 'off',
      HEARTH_JOBS: 'off',
      HEARTH_RATE_LIMITS: 'off',
      SMTP_URL: catcher.url,
      ...options.env,
    };

    const instances: ClusterInstance[] = [];
    for (let i = 0; i < count; i++) {
      const name = String.fromCharCode(97 + i);
      const port = await freePort();
      going();
      const group = startGroup(
        process.execPath,
        ['--max-old-space-size=256', 'scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'],
        { ...process.env, ...shared, HEARTH_INSTANCE_NAME: name },
        path.join(dir, `instance-${name}.log`),
      );
      groups.push(group);
      instances.push({ name, url: `http://127.0.0.1:${port}`, port, pid: group.child.pid!, log: group.output });
    }
    say(`starting ${count} instances (${instances.map((i) => `${i.name} :${i.port}`).join(', ')})…`);
    // One after the other would double the wait; each answers on its own.
    await Promise.all(instances.map((instance, i) => waitUntilReady(instance.url, groups[i]!, `instance ${instance.name}`)));

    const listen = await freePort();
    for (const sub of ['logs', 'temp']) fs.mkdirSync(path.join(dir, 'nginx', sub), { recursive: true });
    fs.chmodSync(path.join(dir, 'nginx'), 0o755);
    const conf = renderNginxConf(fs.readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8'), {
      listen: `127.0.0.1:${listen}`,
      upstreams: instances.map((i) => `server 127.0.0.1:${i.port} max_fails=3 fail_timeout=10s;`),
      extra: ['add_header X-Upstream $upstream_addr always;', ...(proxyAddress ? [`proxy_bind ${proxyAddress};`] : [])],
    });
    const confFile = path.join(dir, 'nginx', 'nginx.conf');
    fs.writeFileSync(confFile, conf);
    const prefix = path.join(dir, 'nginx');
    const tested = spawnSync(prerequisites.nginx, ['-t', '-q', '-p', prefix, '-e', 'logs/error.log', '-c', confFile, '-g', 'daemon off;'], { encoding: 'utf8' });
    if (tested.status !== 0) throw new Error(`nginx refused the rendered deploy/nginx.conf:\n${tested.stderr}`);
    going();
    const nginx = startGroup(prerequisites.nginx, ['-p', prefix, '-e', 'logs/error.log', '-c', confFile, '-g', 'daemon off;'], process.env, path.join(dir, 'nginx.out'));
    groups.push(nginx);
    const url = `http://127.0.0.1:${listen}`;
    await waitFor(`${url}/sign-in`, nginx, 'nginx', 20, (status) => status === 200);
    say(`nginx at ${url} in front of them`);

    const nginxLog = () => {
      const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');
      return read(path.join(prefix, 'logs', 'error.log')) + nginx.output();
    };
    return { url, instances, databaseUrl, nginxPid: nginx.child.pid!, env: shared, nginxLog, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

/** Which instance answered, from nginx's X-Upstream header (its address), as the instance's name (a, b…). */
export function servedBy(cluster: Cluster, upstream: string | undefined | null) {
  // On a retry nginx lists every address it tried ("127.0.0.1:4001, 127.0.0.1:4002"): the last one answered.
  const last = upstream?.split(',').pop()?.trim();
  return cluster.instances.find((i) => last === `127.0.0.1:${i.port}`)?.name;
}
