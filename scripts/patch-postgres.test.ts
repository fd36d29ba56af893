import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchFile, postgresFiles } from './patch-postgres.mjs';

describe('postgres.js write guard (scripts/patch-postgres.mjs)', () => {
  it('is applied to the installed postgres.js (run `npm install` if not)', () => {
    for (const file of postgresFiles as string[]) expect(fs.readFileSync(file, 'utf8')).toContain('/* hearth: guarded write */');
  });
  it('guards nextWrite and resets the timer on close, once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-patch-'));
    const file = path.join(dir, 'connection.js');
    fs.writeFileSync(file, '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)\n  }\n  function closed() {\n    clearImmediate(nextWriteTimer)\n  }\n');
    expect(patchFile(file)).toBe('patched');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('if (!socket) {');
    expect(text).toContain('clearImmediate(nextWriteTimer)\n    nextWriteTimer = null\n    chunk = null');
    expect(patchFile(file)).toBe('already');
    fs.writeFileSync(file, 'something else');
    expect(patchFile(file)).toBe('unexpected');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
