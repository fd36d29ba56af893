// After `next build`: the production server bundle holds no demo seed and no faker. The seed is for `npm run dev` and
// `npm run db:seed` only; instrumentation.ts loads it behind a build-time condition, and this fails the suite if an
// import ever pulls it (and faker's ~1 MB) back into `.next/server`.
//
//   node scripts/check-server-bundle.mjs [.next/server]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Text that only the demo seed or faker contain, as it survives minification. */
export const demoMarkers = [
  // faker's core (its locale lookup's error), whichever locale is bundled
  'are missing in this locale.',
  // lib/demo/seed.ts: the demo password and its report line
  'hearth-demo-2026',
  'Seeded the demo community',
];

/** Every JavaScript file under `dir` holding a marker, with the markers it holds (source maps are not code, and skipped). */
export function findDemoCode(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|mjs|cjs)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    const markers = demoMarkers.filter((m) => text.includes(m));
    if (markers.length) found.push({ file: path.relative(dir, file), bytes: text.length, markers });
  }
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join('.next', 'server'));
  if (!fs.existsSync(dir)) {
    console.error(`✖ ${dir} does not exist: run \`next build\` first.`);
    process.exit(1);
  }
  const found = findDemoCode(dir);
  if (found.length) {
    console.error('✖ The production server bundle holds the demo seed or faker, which only `npm run dev` and `npm run db:seed` may load:');
    for (const f of found) console.error(`  ${f.file} (${Math.round(f.bytes / 1024)} KB): ${f.markers.map((m) => JSON.stringify(m)).join(', ')}`);
    console.error('Load lib/demo only behind `process.env.NODE_ENV === \'development\'` (see instrumentation.ts).');
    process.exit(1);
  }
  console.log(`✓ ${path.relative(process.cwd(), dir) || dir}: no demo seed, no faker`);
}
