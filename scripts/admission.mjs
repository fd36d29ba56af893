// The admission limit of `npm start` (scripts/server.mjs): at most `limit` requests in progress, the rest wait in order.

/**
 * A first-come, first-served limit on requests in progress. Build assets skip the queue: they are files, cheap and
 * needed to show pages that were already answered.
 */
export function admission(limit, handler) {
  let active = 0;
  const waiting = [];
  const release = () => {
    active--;
    while (waiting.length > 0 && active < limit) {
      const run = waiting.shift();
      run();
    }
  };
  return (req, res) => {
    if (req.url?.startsWith('/_next/static/')) return handler(req, res);
    let started = false;
    let gone = false;
    const run = () => {
      if (gone) return; // the client left while waiting: nothing to render
      started = true;
      active++;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        release();
      };
      res.once('finish', finish);
      res.once('close', finish);
      Promise.resolve()
        .then(() => handler(req, res))
        .catch((error) => {
          console.error(error);
          if (!res.headersSent) res.writeHead(500).end();
          finish();
        });
    };
    if (active < limit) return run();
    res.once('close', () => {
      if (!started) gone = true;
    });
    waiting.push(run);
  };
}
