// PGlite does no locking of its own: Hearth's lock file must stop a second process before it can corrupt the data.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './client';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-lock-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const otherProcess = `
  import { openPglite } from './db/client.ts';
  try { const h = openPglite(process.argv[1]); await h.db.execute('select 1'); await h.close(); console.log('OPENED'); }
  catch (e) { console.log('REFUSED:' + e.message); }
`;

async function openFromAnotherProcess() {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', otherProcess, dataDir], { cwd: process.cwd() });
  return stdout.trim();
}

describe('embedded database directory lock', () => {
  it('refuses a second process with a message naming the directory, and frees the directory on close', async () => {
    const handle = openPglite(dataDir);
    await handle.db.execute('select 1');
    try {
      const answer = await openFromAnotherProcess();
      expect(answer).toMatch(/^REFUSED:/);
      expect(answer).toContain(path.join(dataDir, 'pglite'));
      expect(answer).toContain(`pid ${process.pid}`);
    } finally {
      await handle.close();
    }
    expect(await openFromAnotherProcess()).toBe('OPENED');
  }, 60_000);

  it('takes over a lock left by a process that died', async () => {
    fs.writeFileSync(path.join(dataDir, 'pglite.lock'), '999999999');
    const handle = openPglite(dataDir);
    await handle.db.execute('select 1');
    expect(fs.readFileSync(path.join(dataDir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    await handle.close();
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  }, 60_000);
});
