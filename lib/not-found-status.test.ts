// A page that can answer "not found" must be able to send a 404: with a loading.tsx above it, Next sends the 200
// (and the loading state) before the page runs, and notFound() can only stream a "not found" into a 200 — a soft
// 404 that search engines and link checkers read as a page (issue 18).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
function pages(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return pages(rel);
    return /^page\.tsx?$/.test(d.name) ? [rel] : [];
  });
}

/** The loading.tsx files that wrap a page: in its own folder and every folder above it, up to app/. */
function loadingAbove(page: string): string[] {
  const found: string[] = [];
  for (let dir = path.dirname(page); dir !== '.' && dir.startsWith('app'); dir = path.dirname(dir)) {
    for (const name of ['loading.tsx', 'loading.ts', 'loading.jsx', 'loading.js']) if (fs.existsSync(path.join(root, dir, name))) found.push(path.join(dir, name));
  }
  return found;
}

describe('pages that can say "not found"', () => {
  const all = pages('app');
  const saysNotFound = all.filter((p) => /\bnotFound\(\)/.test(fs.readFileSync(path.join(root, p), 'utf8')));

  it('are found (the check looks at real pages)', () => {
    expect(saysNotFound).toEqual(expect.arrayContaining(['app/u/[handle]/page.tsx', 'app/(main)/p/[id]/page.tsx', 'app/(main)/g/[slug]/page.tsx']));
  });

  it('have no loading boundary above them, so their 404 is a real one', () => {
    const soft = saysNotFound.map((p) => ({ page: p, loading: loadingAbove(p) })).filter((p) => p.loading.length > 0);
    expect(soft, 'move the page out of the loading boundary (and see lib/no-javascript-pages.test.ts: no page streams)').toEqual([]);
  });

});
