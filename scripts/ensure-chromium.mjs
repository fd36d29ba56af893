// Finds a Chromium for the e2e suite, or gets one: Playwright's own download where the network allows it,
// else Debian's chromium package when running as root. Prints what it did; exits non-zero with advice if it cannot.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

function say(line) {
  console.log(`[chromium] ${line}`);
}

function playwrightChromium() {
  try {
    const out = execFileSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], { encoding: 'utf8' });
    return out && fs.existsSync(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return { path: fromEnv, how: 'from CHROMIUM_PATH' };
    say(`CHROMIUM_PATH=${fromEnv} does not exist; looking elsewhere.`);
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (fs.existsSync(candidate)) return { path: candidate, how: 'system browser' };
  }
  const own = playwrightChromium();
  if (own) return { path: own, how: 'Playwright’s browser' };
  return undefined;
}

export function ensureChromium() {
  let found = findChromium();
  if (found) {
    say(`using ${found.path} (${found.how})`);
    return found.path;
  }
  say('no Chromium found; trying Playwright’s download (npx playwright install chromium)…');
  const download = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 180_000 });
  found = download.status === 0 ? findChromium() : undefined;
  if (found) {
    say(`downloaded: ${found.path}`);
    return found.path;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    say('Playwright’s download is not reachable; installing Debian’s chromium package (apt-get install chromium)…');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install =
      update.status === 0
        ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-color-emoji'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
        : update;
    found = install.status === 0 ? findChromium() : undefined;
    if (found) {
      say(`installed ${found.path} from Debian’s packages`);
      return found.path;
    }
  }
  console.error(
    '[chromium] No Chromium could be found or installed, so the browser tests cannot run.\n' +
      '  Get one with `npx playwright install chromium`, or `sudo apt-get install chromium` (Debian/Ubuntu),\n' +
      '  or point CHROMIUM_PATH at an existing Chrome or Chromium binary.',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
