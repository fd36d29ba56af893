// Applied after `npm install` (postinstall): a guard in postgres.js 3.4.x for a crash upstream has not fixed yet
// (porsager/postgres#1154, #1208; fix proposed in #1168/#1209). A small write is sent on the next tick; when the
// connection closes first (a PostgreSQL restart, a terminated backend), that tick called `socket.write` on null —
// an uncaught TypeError that takes the whole process down — and the stale timer and buffer left behind kept the
// reconnected connection from ever sending again. Hearth's fault bench and db/faults.db.test.ts found it.
// Idempotent; does nothing when the code it expects is not there (a newer, fixed postgres.js).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const marker = '/* hearth: guarded write */';
const edits = [
  {
    // nextWrite: no socket any more → settle the waiting queries with a catchable CONNECTION_CLOSED instead.
    from: '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    to:
      `  function nextWrite(fn) {\n    ${marker}\n` +
      "    if (!socket) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n" +
      "      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n" +
      '    const x = socket.write(chunk, fn)',
  },
  {
    // terminate() and closed(): forget the cancelled timer and the dead connection's unsent bytes.
    from: '    clearImmediate(nextWriteTimer)\n',
    to: '    clearImmediate(nextWriteTimer)\n    nextWriteTimer = null\n    chunk = null\n',
    all: true,
  },
];

export function patchFile(file) {
  if (!fs.existsSync(file)) return 'missing';
  let text = fs.readFileSync(file, 'utf8');
  if (text.includes(marker)) return 'already';
  if (!edits.every((e) => text.includes(e.from))) return 'unexpected';
  for (const e of edits) text = e.all ? text.split(e.from).join(e.to) : text.replace(e.from, e.to);
  fs.writeFileSync(file, text);
  return 'patched';
}

export const postgresFiles = ['src', 'cjs/src', 'cf/src'].map((dir) => path.join(root, 'node_modules', 'postgres', dir, 'connection.js'));

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = postgresFiles.map((f) => `${path.relative(root, f)}: ${patchFile(f)}`);
  console.log(`postgres.js write guard — ${results.join(', ')}`);
}
