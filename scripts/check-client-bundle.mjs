// After `next build`: what the browser is sent stays small. Every page's JavaScript (the shared runtime plus the
// chunks its layouts and page enter with, gzipped as the server sends them) stays within a budget, and no chunk holds
// zod or drizzle-orm: server-side libraries that reached every page once through a client component importing a
// constant from a schema module (lib/posts/schemas.ts pulled zod and the whole database schema; 49 KB of the 228 KB
// the heaviest page loaded, measured by `npm run bench:web`). Constants the browser needs live in modules of plain
// values (lib/posts/limits.ts); zod never runs in the browser, so its `new Function` probe never meets the CSP.
//
//   node scripts/check-client-bundle.mjs [.next]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import zlib from 'node:zlib';

/** Compressed JavaScript a page may load, in KB (issue 18's bench:web target, js_kb_max ≤ 250). */
export const pageBudgetKb = 250;

/** Libraries that must never reach the browser, each by text its code holds as it survives minification. */
export const serverOnlyMarkers = [
  { library: 'zod', marker: '$ZodError' },
  { library: 'drizzle-orm', marker: 'Symbol.for("drizzle:' },
];

/** Every chunk under `staticDir` holding a server-only library, with the libraries it holds. */
export function findServerLibraries(staticDir) {
  const found = [];
  for (const entry of fs.readdirSync(staticDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    const libraries = serverOnlyMarkers.filter((m) => text.includes(m.marker)).map((m) => m.library);
    if (libraries.length) found.push({ file: path.relative(staticDir, file), libraries });
  }
  return found;
}

/** The client reference manifests of a build's pages: route → the chunks each of its entries (layouts, page, boundaries) loads. */
function pageManifests(serverAppDir) {
  const manifests = {};
  for (const entry of fs.readdirSync(serverAppDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'page_client-reference-manifest.js') continue;
    // The file assigns to globalThis.__RSC_MANIFEST[route]; run it in a sandbox of its own.
    const sandbox = { __RSC_MANIFEST: {} };
    sandbox.self = sandbox;
    sandbox.globalThis = sandbox;
    vm.runInNewContext(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'), sandbox);
    for (const [route, manifest] of Object.entries(sandbox.__RSC_MANIFEST)) manifests[route] = manifest.entryJSFiles ?? {};
  }
  return manifests;
}

/**
 * Each page's JavaScript in a build: the runtime every page loads (build-manifest rootMainFiles) and every chunk its
 * entries load, each gzipped (level 6, as the server compresses), in KB, heaviest first. Chunks loaded later on
 * demand (a dynamic import) are not counted: a page does not load them to work.
 */
export function pageJavaScript(nextDir) {
  const root = JSON.parse(fs.readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8')).rootMainFiles ?? [];
  const sizes = new Map();
  const gz = (file) => {
    if (!sizes.has(file)) sizes.set(file, zlib.gzipSync(fs.readFileSync(path.join(nextDir, file)), { level: 6 }).length);
    return sizes.get(file);
  };
  const pages = Object.entries(pageManifests(path.join(nextDir, 'server', 'app')))
    .filter(([route]) => route.endsWith('/page'))
    .map(([route, entries]) => {
      const files = new Set([...root, ...Object.values(entries).flat()]);
      const bytes = [...files].reduce((sum, f) => sum + gz(f), 0);
      return { route: route.replace(/\/page$/, '') || '/', kb: bytes / 1024, files: files.size };
    });
  return pages.sort((a, b) => b.kb - a.kb);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const nextDir = path.resolve(process.argv[2] ?? '.next');
  if (!fs.existsSync(path.join(nextDir, 'build-manifest.json'))) {
    console.error(`✖ ${nextDir} holds no build: run \`next build\` first.`);
    process.exit(1);
  }
  let ok = true;
  const found = findServerLibraries(path.join(nextDir, 'static'));
  if (found.length) {
    ok = false;
    console.error('✖ The browser bundle holds server-side libraries:');
    for (const f of found) console.error(`  ${f.file}: ${f.libraries.join(', ')}`);
    console.error('A client component imports a module that uses them (often a constant from a schemas.ts): move what the browser needs to a module of plain values (see lib/posts/limits.ts).');
  }
  const pages = pageJavaScript(nextDir);
  if (pages.length === 0) {
    ok = false;
    console.error('✖ No page manifests found under .next/server/app: has the build layout changed?');
  }
  const over = pages.filter((p) => p.kb > pageBudgetKb);
  if (over.length) {
    ok = false;
    console.error(`✖ Pages over the ${pageBudgetKb} KB budget of compressed JavaScript:`);
    for (const p of over) console.error(`  ${p.route}: ${p.kb.toFixed(0)} KB in ${p.files} files`);
  }
  if (!ok) process.exit(1);
  const top = pages.slice(0, 3).map((p) => `${p.route} ${p.kb.toFixed(0)} KB`);
  console.log(`✓ ${pages.length} pages within ${pageBudgetKb} KB of compressed JavaScript (heaviest: ${top.join(', ')}); no zod, no drizzle-orm in the browser`);
}
