// Applied after `npm install` (postinstall): a leak fix for the React server renderer bundled in Next 16.4's
// production runtimes (facebook/react#37288, fix proposed in #37289; Next issues #97899, #97348).
// Every completed RSC render aborts its cache signal with `Error("This render completed successfully…")` and keeps
// that error as the signal's reason. Its stack is never read, so V8 keeps the frames as structured call sites, and
// their receivers reach the setImmediate that was running — whose async-context store is another request's, with its
// own signal and error. Each request pinned the one before it: bench:load measured ~100 KB retained per For you
// view after a full GC, and a 256 MB server died of "heap out of memory" after a few thousand requests.
// Reading `.stack` once turns the frames into a string and lets them go; the reason stays the same Error.
// Idempotent; does nothing when the code it expects is not there (a newer, fixed Next).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reason = 'Error("This render completed successfully. All cacheSignals are now aborted to allow clean up of any unused resources.")';
const from = `.cacheController.abort(${reason})`;
// The marker is the code itself: an arrow that reads the stack before handing the error on.
const to = `.cacheController.abort(((hearthReleaseFrames)=>(hearthReleaseFrames.stack,hearthReleaseFrames))(${reason}))`;

export function patchFile(file) {
  if (!fs.existsSync(file)) return 'missing';
  const text = fs.readFileSync(file, 'utf8');
  if (text.includes(to)) return 'already';
  if (!text.includes(from)) return 'unexpected';
  fs.writeFileSync(file, text.split(from).join(to));
  return 'patched';
}

export const nextRuntimes = ['app-page', 'app-page-turbo', 'app-page-experimental', 'app-page-turbo-experimental'].map((name) =>
  path.join(root, 'node_modules', 'next', 'dist', 'compiled', 'next-server', `${name}.runtime.prod.js`),
);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = nextRuntimes.map((f) => `${path.basename(f)}: ${patchFile(f)}`);
  console.log(`Next render-signal leak fix — ${results.join(', ')}`);
}
