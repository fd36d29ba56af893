import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAll, nextRuntimes, patchedVersion, patchFile } from './patch-next.mjs';

const reason = 'Error("This render completed successfully. All cacheSignals are now aborted to allow clean up of any unused resources.")';

describe('React render-signal leak fix (scripts/patch-next.mjs)', () => {
  it('is applied to the production runtime next start uses (run `npm install` if not)', () => {
    const turbo = (nextRuntimes as string[]).find((f) => f.endsWith('app-page-turbo.runtime.prod.js'))!;
    expect(fs.readFileSync(turbo, 'utf8')).toContain('hearthReleaseFrames.stack');
  });

  it('is written for the next package.json pins', () => {
    const pinned = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')).dependencies.next;
    expect(patchedVersion).toBe(pinned);
  });

  it('fails the install, saying why, on another Next version or a runtime without the code it expects', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-patch-next-'));
    const file = path.join(dir, 'runtime.js');
    fs.writeFileSync(file, `e.cacheController.abort(${reason});`);
    expect(applyAll([file], '16.9.0')).toMatchObject({ ok: false, message: expect.stringContaining('written for next 16.4.6, and next 16.9.0 is installed') });
    expect(fs.readFileSync(file, 'utf8')).not.toContain('hearthReleaseFrames');
    expect(applyAll([file], patchedVersion)).toMatchObject({ ok: true });
    expect(applyAll([file], patchedVersion)).toMatchObject({ ok: true, message: expect.stringContaining('already') });
    fs.writeFileSync(file, 'a fixed renderer');
    expect(applyAll([file], patchedVersion)).toMatchObject({ ok: false, message: expect.stringContaining('did not apply (runtime.js: unexpected)') });
    expect(applyAll([path.join(dir, 'gone.js')], patchedVersion)).toMatchObject({ ok: false, message: expect.stringContaining('missing') });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the stack of the abort reason, keeps it an Error, and patches once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-patch-next-'));
    const file = path.join(dir, 'runtime.js');
    fs.writeFileSync(file, `module.exports = (e) => { 12 > e.status && e.cacheController.abort(${reason}); };`);
    expect(patchFile(file)).toBe('patched');
    expect(patchFile(file)).toBe('already');
    // The patched code runs, and the signal's reason is still the renderer's Error.
    const render = new Function('module', fs.readFileSync(file, 'utf8') + '; return module.exports;')({}) as (e: unknown) => void;
    const cacheController = new AbortController();
    render({ status: 0, cacheController });
    expect(cacheController.signal.reason).toBeInstanceOf(Error);
    expect((cacheController.signal.reason as Error).message).toMatch(/^This render completed successfully/);
    fs.writeFileSync(file, 'something else');
    expect(patchFile(file)).toBe('unexpected');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
