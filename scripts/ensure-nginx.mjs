// Finds nginx for the cluster journeys and benchmark (a real load balancer in front of several Hearth instances),
// or gets Debian's package when running as root with apt-get. Says what it did; never fails the run: without nginx
// those tests skip, with the reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function say(line) {
  console.log(`[nginx] ${line}`);
}

function runs(file) {
  return spawnSync(file, ['-v'], { encoding: 'utf8' }).status === 0;
}

/** NGINX_PATH, then PATH, then the usual places. Returns { path, how } or undefined. */
export function findNginx() {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv) {
    if (fs.existsSync(fromEnv) && runs(fromEnv)) return { path: fromEnv, how: 'from NGINX_PATH' };
    say(`NGINX_PATH=${fromEnv} is not a working nginx; looking elsewhere.`);
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'nginx');
    if (fs.existsSync(candidate) && runs(candidate)) return { path: candidate, how: 'on PATH' };
  }
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) {
    if (fs.existsSync(candidate) && runs(candidate)) return { path: candidate, how: 'system nginx' };
  }
  return undefined;
}

/** The path of a working nginx, installing Debian's package when it can; else { path: null, reason }. */
export function ensureNginx() {
  let found = findNginx();
  if (found) {
    say(`using ${found.path} (${found.how})`);
    return { path: found.path };
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    const reason = `no nginx found (NGINX_PATH, PATH, /usr/sbin/nginx), and ${hasApt ? 'not running as root' : 'no apt-get here'} to install one: install nginx (Debian/Ubuntu: sudo apt-get install nginx-light) or set NGINX_PATH`;
    say(reason);
    return { path: null, reason };
  }
  say('no nginx found; installing Debian’s package (apt-get install nginx-light, else nginx)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  for (const pkg of ['nginx-light', 'nginx']) {
    if (update.status !== 0) break;
    // --no-install-recommends: the binary is what the tests need, not a running system service.
    const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'inherit', env });
    found = install.status === 0 ? findNginx() : undefined;
    if (found) {
      say(`installed ${found.path} from Debian’s ${pkg} package`);
      return { path: found.path };
    }
  }
  const reason = 'apt-get could not install nginx-light or nginx (is the network or the package mirror reachable?)';
  say(reason);
  return { path: null, reason };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { path: found } = ensureNginx();
  if (found) console.log(found);
  process.exitCode = found ? 0 : 1;
}
