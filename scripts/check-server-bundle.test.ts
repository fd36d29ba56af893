import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDemoCode } from './check-server-bundle.mjs';

const root = path.resolve(import.meta.dirname, '..');

describe('the production bundle check (scripts/check-server-bundle.mjs)', () => {
  it('finds faker and the demo seed in a bundle, by what their code really holds, and passes a bundle without them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bundle-'));
    fs.mkdirSync(path.join(dir, 'chunks', 'ssr'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chunks', 'app.js'), 'module.exports = () => "a page";');
    fs.writeFileSync(path.join(dir, 'chunks', 'app.js.map'), '{"sourcesContent":["demo seed and faker, hearth-demo-2026"]}');
    expect(findDemoCode(dir)).toEqual([]);

    // faker's real code, as installed, and the seed's real source
    const fakerDist = path.join(root, 'node_modules', '@faker-js', 'faker', 'dist');
    const fakerCore = fs.readdirSync(fakerDist).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(fakerDist, f), 'utf8')).join('\n');
    fs.writeFileSync(path.join(dir, 'chunks', 'ssr', 'faker.js'), fakerCore);
    fs.writeFileSync(path.join(dir, 'chunks', 'seed.js'), fs.readFileSync(path.join(root, 'lib', 'demo', 'seed.ts'), 'utf8'));
    const found = findDemoCode(dir).map((f) => f.file).sort();
    expect(found).toEqual([path.join('chunks', 'seed.js'), path.join('chunks', 'ssr', 'faker.js')]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
