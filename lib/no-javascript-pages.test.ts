// Streamed content is put in place by a script: below a loading.tsx, a page without JavaScript shows its loading
// state for ever, and its forms are never there to press (issue 18, bug 6). So no page streams: every page is whole
// in its HTML, and its forms (Server Actions bound to real forms) work before and without JavaScript. A page that
// can say "not found" needs this too, to answer a real 404 (lib/not-found-status.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
function files(dir: string, name: RegExp): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return files(rel, name);
    return name.test(d.name) ? [rel] : [];
  });
}

describe('pages without JavaScript', () => {
  const all = files('app', /^page\.tsx?$/);

  it('no page streams behind a loading state (no loading.tsx anywhere in app/)', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(files('app', /^loading\.[jt]sx?$/)).toEqual([]);
  });

  it('no component streams part of a page behind a Suspense boundary either', () => {
    const sources = [...files('app', /\.tsx$/), ...files('components', /\.tsx$/)];
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((f) => /<Suspense\b/.test(fs.readFileSync(path.join(root, f), 'utf8')))).toEqual([]);
  });

  it('the pages with the main forms are among the pages checked', () => {
    const main = ['feed', 'notifications', 'bookmarks', 'welcome', 'celebrations', 'discover', 'groups', 'search', 'p/[id]', 'g/[slug]', 'settings/feed', 'settings/privacy', 'settings/profile', 'settings/account'];
    for (const page of main) expect(all, page).toContain(`app/(main)/${page}/page.tsx`);
    for (const page of ['sign-in', 'sign-up', 'forgot-password', 'reset-password']) expect(all, page).toContain(`app/(auth)/${page}/page.tsx`);
  });

  it('no page asks for no Referer at all: its forms, posted without JavaScript, would carry Origin: null and be refused', () => {
    // Fetch spec: a form navigation under "no-referrer" sends `Origin: null`, which scripts/request-guard.mjs refuses as
    // cross-site. Pages with a token in the address use strict-origin (the origin only, never the path).
    const noReferrer = all.filter((p) => /referrer:\s*['"]no-referrer/.test(fs.readFileSync(path.join(root, p), 'utf8')));
    expect(noReferrer).toEqual([]);
    expect(fs.readFileSync(path.join(root, 'app/(auth)/sign-up/confirm/page.tsx'), 'utf8')).toMatch(/referrer: 'strict-origin'/);
  });
});
