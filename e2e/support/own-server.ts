// A production server of the journeys' build with settings of its own (the shared one runs without rate limits):
// its own embedded database, port and environment, stopped with its whole process group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './cluster';

export type OwnServer = { url: string; stop: () => Promise<void>; log: () => string };

/** Starts `scripts/server.mjs` once `prepare` (a tsx script, with the data directory in DATA_DIR) has run. */
export async function startOwnServer(env: Record<string, string>, prepare?: string[]): Promise<OwnServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-own-'));
  const base = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', HEARTH_SEED: 'off', HEARTH_JOBS: 'off', NEXT_TELEMETRY_DISABLED: '1' };
  if (prepare) {
    const result = spawnSync('npx', ['tsx', ...prepare], { env: base, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`preparing the server failed:\n${result.stdout}\n${result.stderr}`);
  }
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=256', 'scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...base, NODE_ENV: 'production', AUTH_SECRET: crypto.randomBytes(33).toString('base64url'), AUTH_TRUST_HOST: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped at start:\n${output}`);
    try {
      const response = await fetch(`${url}/sign-in`);
      if (response.ok) return { url, stop, log: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the server did not answer within 60 s:\n${output}`);
}
