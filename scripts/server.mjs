// `npm start`: Next's production server (the same request handler `next start` uses) behind an admission limit.
// At most HEARTH_MAX_RENDERS requests are handled at once; the others wait their turn in arrival order, holding only
// their socket. `next start` renders every request that arrives at once, and each page in progress holds its tree, RSC
// payload and query results: memory grows with the number of clients (64 at a time in bench:load, against a 256 MB
// heap). One Node thread renders one page at a time anyway, so a queue costs no throughput: the pages admitted finish
// sooner, and memory stays flat however many people arrive together.
//
//   node --max-old-space-size=256 scripts/server.mjs [-p port] [-H hostname]
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { admission } from './admission.mjs';
import { crossOriginAction, oversizedAction, settleClient, trustFrom } from './request-guard.mjs';

/** The value after a flag (`-p 3000`, `--port 3000`), if given. */
function option(...names) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length - 1; i++) if (names.includes(args[i])) return args[i + 1];
  return undefined;
}

const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
// Every interface unless -H names one, as `next start` does (not $HOSTNAME: containers set it to their own name).
const hostname = option('-H', '--hostname');
const maxRenders = Math.max(1, Number(process.env.HEARTH_MAX_RENDERS) || 16);
let trust;
try {
  trust = trustFrom(process.env.HEARTH_TRUSTED_PROXIES);
} catch (error) {
  console.error(`\n✖ Hearth will not start: ${error.message}\n`);
  process.exit(1);
}

// The project is the folder above scripts/, wherever the command is run from.
const app = next({ dev: false, dir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const admitted = admission(maxRenders, (req, res) => handle(req, res));
const server = http.createServer((req, res) => {
  settleClient(req, trust);
  if (crossOriginAction(req)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end('This form was sent from another site, so Hearth did not act on it.');
    return;
  }
  if (oversizedAction(req)) {
    res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Connection: 'close' });
    res.end('That is more than Hearth takes in one go: images can be at most 5 MB each, and 6 MB in all per form.');
    return;
  }
  admitted(req, res);
});
server.listen(port, hostname, () => {
  console.log(`Hearth is listening on http://${hostname ?? 'localhost'}:${port} (at most ${maxRenders} requests in progress at once)`);
});
const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
