import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findServerLibraries, pageJavaScript } from './check-client-bundle.mjs';

const root = path.resolve(import.meta.dirname, '..');

describe('the browser bundle check (scripts/check-client-bundle.mjs)', () => {
  it('finds zod and drizzle-orm in chunks by what their real code holds, and passes chunks without them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-client-bundle-'));
    fs.mkdirSync(path.join(dir, 'chunks'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chunks', 'app.js'), 'export const limit = 10000; // a schema is checked on the server');
    expect(findServerLibraries(dir)).toEqual([]);

    // zod's and drizzle's code as installed
    const zodErrors = fs.readFileSync(path.join(root, 'node_modules', 'zod', 'v4', 'core', 'errors.js'), 'utf8');
    const drizzleEntity = fs.readFileSync(path.join(root, 'node_modules', 'drizzle-orm', 'entity.js'), 'utf8');
    const drizzleTable = fs.readFileSync(path.join(root, 'node_modules', 'drizzle-orm', 'table.js'), 'utf8');
    fs.writeFileSync(path.join(dir, 'chunks', 'forms.js'), zodErrors);
    fs.writeFileSync(path.join(dir, 'chunks', 'schema.js'), drizzleEntity + drizzleTable);
    const found = findServerLibraries(dir).sort((a, b) => a.file.localeCompare(b.file));
    expect(found).toEqual([
      { file: path.join('chunks', 'forms.js'), libraries: ['zod'] },
      { file: path.join('chunks', 'schema.js'), libraries: ['drizzle-orm'] },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("adds up each page's runtime and entry chunks, gzipped, once each, from the build's manifests", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-client-pages-'));
    const chunk = (name: string, text: string) => {
      fs.mkdirSync(path.join(dir, 'static', 'chunks'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'static', 'chunks', name), text);
      return zlib.gzipSync(text, { level: 6 }).length;
    };
    const runtime = chunk('runtime.js', 'var runtime = "' + 'r'.repeat(5000) + '";');
    const layout = chunk('layout.js', 'var layout = ' + JSON.stringify(Array.from({ length: 400 }, (_, i) => `item ${i}`)) + ';');
    const feed = chunk('feed.js', 'var feed = ' + JSON.stringify(Array.from({ length: 900 }, (_, i) => i * 7919)) + ';');
    fs.writeFileSync(path.join(dir, 'build-manifest.json'), JSON.stringify({ rootMainFiles: ['static/chunks/runtime.js'] }));
    const manifest = (route: string, entries: Record<string, string[]>) => {
      const where = path.join(dir, 'server', 'app', ...route.split('/').filter(Boolean).slice(0, -1));
      fs.mkdirSync(where, { recursive: true });
      fs.writeFileSync(
        path.join(where, 'page_client-reference-manifest.js'),
        `globalThis.__RSC_MANIFEST = (globalThis.__RSC_MANIFEST || {});\nglobalThis.__RSC_MANIFEST[${JSON.stringify(route)}] = ${JSON.stringify({ entryJSFiles: entries })};`,
      );
    };
    manifest('/(main)/feed/page', { '[project]/app/layout': ['static/chunks/layout.js'], '[project]/app/(main)/feed/page': ['static/chunks/layout.js', 'static/chunks/feed.js'] });
    manifest('/page', { '[project]/app/layout': ['static/chunks/layout.js'] });
    const pages = pageJavaScript(dir);
    expect(pages.map((p) => p.route)).toEqual(['/(main)/feed', '/']);
    expect(pages[0]!.kb * 1024).toBe(runtime + layout + feed);
    expect(pages[0]!.files).toBe(3);
    expect(pages[1]!.kb * 1024).toBe(runtime + layout);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
