// Applied after `npm install` (postinstall): a leak fix for the React server renderer bundled in Next 16.4's
// production runtimes. Upstream: facebook/react#37288 (https://github.com/facebook/react/issues/37288), fix proposed in
// facebook/react#37289; Next issues vercel/next.js#97899 and #97348.
// Every completed RSC render aborts its cache signal with `Error("This render completed successfully…")` and keeps
// that error as the signal's reason. Its stack is never read, so V8 keeps the frames as structured call sites, and
// their receivers reach the setImmediate that was running — whose async-context store is another request's, with its
// own signal and error. Each request pinned the one before it: bench:load measured ~100 KB retained per For you
// view after a full GC, and a 256 MB server died of "heap out of memory" after a few thousand requests.
// Reading `.stack` once turns the frames into a string and lets them go; the reason stays the same Error.
//
// Written for the pinned next (`patchedVersion`). It fails the install (exit 1) when the installed Next is another
// version or a runtime does not hold the code it expects, so an upgrade cannot silently lose the fix. When to remove
// it: once a Next release bundles a React with #37289 (or another fix of #37288) — then delete this script, its test
// and its postinstall step, and check with `npm run bench:load` that memory stays flat.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The Next version this patch was written and checked for: the one package.json pins. */
export const patchedVersion = '16.4.6';
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

/** What to tell the person installing; `ok` false fails the install. */
export function applyAll(runtimes = nextRuntimes, installedVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'next', 'package.json'), 'utf8')).version) {
  if (installedVersion !== patchedVersion) {
    return {
      ok: false,
      message:
        `scripts/patch-next.mjs was written for next ${patchedVersion}, and next ${installedVersion} is installed. ` +
        'Check whether this Next bundles the fix of facebook/react#37288: if so, remove the patch (the script, its test and the postinstall step); if not, update the patch and patchedVersion.',
    };
  }
  const results = runtimes.map((f) => ({ file: path.basename(f), result: patchFile(f) }));
  const failed = results.filter((r) => r.result === 'missing' || r.result === 'unexpected');
  const summary = results.map((r) => `${r.file}: ${r.result}`).join(', ');
  if (failed.length) return { ok: false, message: `the React render-signal leak fix did not apply (${summary}). See scripts/patch-next.mjs.` };
  return { ok: true, message: `Next render-signal leak fix — ${summary}` };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ok, message } = applyAll();
  if (ok) console.log(message);
  else {
    console.error(`\n✖ ${message}\n`);
    process.exit(1);
  }
}
