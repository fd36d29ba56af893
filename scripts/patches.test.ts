// Dependency patches (patches/README.md): each is made for the version package.json pins and is applied to what is installed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const pinned = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const installedVersion = (name: string) => (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('postgres.js write guard (patches/postgres+<version>.patch)', () => {
  it('is made for the pinned postgres, and the pinned one is installed', () => {
    expect(fs.existsSync(path.join(root, 'patches', `postgres+${pinned.dependencies.postgres}.patch`))).toBe(true);
    expect(installedVersion('postgres')).toBe(pinned.dependencies.postgres);
  });

  it('is applied to every build of postgres.js that ships (run `npm install` if not)', () => {
    for (const dir of ['src', 'cjs/src', 'cf/src']) {
      const text = fs.readFileSync(path.join(root, 'node_modules', 'postgres', dir, 'connection.js'), 'utf8');
      expect(text, dir).toContain('/* hearth: guarded write */\n    if (!socket) {');
      expect(text.split('clearImmediate(nextWriteTimer)\n    nextWriteTimer = null\n    chunk = null').length - 1, dir).toBe(2);
    }
  });
});
