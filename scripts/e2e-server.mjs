// The server the browser journeys run against: the production build, on a fresh temporary embedded database
// holding the demo community. Seeded first, then the server `npm start` runs (the two never hold the directory at once).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eMailFile, startMailCatcher } from './mail-catcher.mjs';

const port = process.env.E2E_PORT ?? '3100';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-'));
// A real SMTP server for the journeys: the app's mail worker delivers to it over SMTP, and the journeys read what it
// received from the file (e2e/helpers.ts, openMailedLink).
const catcher = await startMailCatcher({ file: e2eMailFile(port) });
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  AUTH_SECRET: crypto.randomBytes(33).toString('base64url'),
  AUTH_TRUST_HOST: 'true',
  PORT: port,
  // The journeys sign in many times a minute from one address; the limiter has its own tests.
  HEARTH_RATE_LIMITS: 'off',
  SMTP_URL: catcher.url,
  MAIL_FROM: 'Hearth journeys <hearth@e2e.hearth.test>',
};

const seeded = spawnSync('npx', ['tsx', 'scripts/db.ts', 'seed'], { env, stdio: 'inherit' });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

// As `npm start` runs it (package.json): the journeys run within the production heap bound.
const server = spawn(process.execPath, ['--max-old-space-size=256', 'scripts/server.mjs', '-p', port], { env: { ...env, NODE_ENV: 'production' }, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
