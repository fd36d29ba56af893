import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { admission, busyMessage, closingMessage, wholeNumberSetting } from './admission.mjs';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server whose handler holds each request until released, through the admission limit. */
async function serve(limit: number) {
  const held: (() => void)[] = [];
  let inProgress = 0;
  let most = 0;
  const order: string[] = [];
  server = http.createServer(
    admission(limit, (req: http.IncomingMessage, res: http.ServerResponse) => {
      inProgress++;
      most = Math.max(most, inProgress);
      order.push(req.url!);
      const answer = () => {
        inProgress--;
        res.end(req.url);
      };
      if (req.url!.startsWith('/_next/static/') || req.url === '/fast') answer();
      else held.push(answer);
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { held, order, most: () => most, base };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('admission limit (npm start)', () => {
  it('handles at most `limit` requests at once and admits the others in arrival order as each finishes', async () => {
    const s = await serve(2);
    const answers = ['/a', '/b', '/c', '/d'].map((path) => fetch(s.base + path).then((r) => r.text()));
    await until(() => s.held.length === 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.order).toEqual(['/a', '/b']); // /c and /d wait
    s.held.shift()!();
    await until(() => s.order.length === 3);
    expect(s.order[2]).toBe('/c');
    while (s.order.length < 4 || s.held.length > 0) {
      await until(() => s.held.length > 0);
      s.held.shift()!();
    }
    expect(await Promise.all(answers)).toEqual(['/a', '/b', '/c', '/d']);
    expect(s.most()).toBe(2);
  });

  it('lets build assets past the queue', async () => {
    const s = await serve(1);
    const blocked = fetch(s.base + '/page');
    await until(() => s.held.length === 1);
    expect(await (await fetch(s.base + '/_next/static/chunk.js')).text()).toBe('/_next/static/chunk.js');
    s.held.shift()!();
    expect(await (await blocked).text()).toBe('/page');
  });

  it('skips a waiting request whose client went away', async () => {
    const s = await serve(1);
    const first = fetch(s.base + '/first');
    await until(() => s.held.length === 1);
    const controller = new AbortController();
    const abandoned = fetch(s.base + '/abandoned', { signal: controller.signal }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 30));
    controller.abort();
    expect(await abandoned).toBe('aborted');
    await new Promise((r) => setTimeout(r, 30));
    s.held.shift()!();
    await first;
    expect(await (await fetch(s.base + '/fast')).text()).toBe('/fast');
    expect(s.order).toEqual(['/first', '/fast']);
  });
});

/** Just enough of http.ServerResponse for the queue: events, headers, and whether the client is still there. */
class FakeResponse extends EventEmitter {
  headersSent = false;
  writableEnded = false;
  destroyed = false;
  status?: number;
  headers: Record<string, string> = {};
  body?: string;
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  writeHead(status: number, headers: Record<string, string> = {}) {
    this.status = status;
    Object.assign(this.headers, headers);
    this.headersSent = true;
    return this;
  }
  end(body?: string) {
    this.body = body;
    this.writableEnded = true;
    this.emit('finish');
    this.emit('close');
    return this;
  }
  /** The client hangs up before an answer. */
  hangUp() {
    this.destroyed = true;
    this.emit('close');
  }
}

/** An admission queue over a handler that holds each request until the test answers it. */
function queue(limit: number, options: Parameters<typeof admission>[2] = {}) {
  const started: { url: string; res: FakeResponse }[] = [];
  const warnings: string[] = [];
  const admit = admission(limit, (req: { url: string }, res: FakeResponse) => void started.push({ url: req.url, res }), { warn: (line: string) => warnings.push(line), ...options });
  const send = (url: string) => {
    const res = new FakeResponse();
    admit({ url }, res);
    return res;
  };
  return { admit, send, started, warnings, urls: () => started.map((s) => s.url) };
}

/** The handler runs a microtask after admission. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('admission queue bounds (HEARTH_MAX_QUEUE, HEARTH_QUEUE_TIMEOUT_MS)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets `maxQueue` requests wait and answers the next one 503 with Retry-After, without running it', async () => {
    const q = queue(1, { maxQueue: 2 });
    q.send('/a');
    const waiting = [q.send('/b'), q.send('/c')];
    const refused = q.send('/d');
    await settle();
    expect(q.urls()).toEqual(['/a']);
    expect(waiting.map((r) => r.status)).toEqual([undefined, undefined]);
    expect(refused.status).toBe(503);
    expect(refused.headers).toMatchObject({ 'Retry-After': '1', 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
    expect(refused.body).toBe(busyMessage);
    expect(q.admit.stats()).toEqual({ active: 1, waiting: 2 });
    // Said once in the log, not once per refusal.
    q.send('/e');
    expect(q.warnings).toEqual([expect.stringContaining('HEARTH_MAX_QUEUE')]);
  });

  it('with maxQueue 0, refuses whatever cannot start at once', async () => {
    const q = queue(1, { maxQueue: 0 });
    q.send('/a');
    expect(q.send('/b').status).toBe(503);
    await settle();
    expect(q.urls()).toEqual(['/a']);
  });

  it('answers 503 to a request that waited `timeoutMs` for its turn, and never runs it afterwards', async () => {
    vi.useFakeTimers();
    const q = queue(1, { timeoutMs: 1000 });
    q.send('/a');
    const patient = q.send('/b');
    await vi.advanceTimersByTimeAsync(999);
    expect(patient.status).toBeUndefined();
    const later = q.send('/c'); // arrived later: its own clock
    await vi.advanceTimersByTimeAsync(1);
    expect(patient.status).toBe(503);
    expect(patient.headers['Retry-After']).toBe('1');
    expect(later.status).toBeUndefined();
    expect(q.admit.stats()).toEqual({ active: 1, waiting: 1 });
    q.started[0].res.end('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(q.urls()).toEqual(['/a', '/c']);
    expect(q.warnings).toEqual([expect.stringContaining('HEARTH_QUEUE_TIMEOUT_MS')]);
  });

  it('says each kind of refusal in the log once a minute, not once per request', async () => {
    vi.useFakeTimers();
    const q = queue(1, { maxQueue: 1, timeoutMs: 1000 });
    q.send('/a');
    q.send('/b');
    q.send('/full-1');
    q.send('/full-2');
    await vi.advanceTimersByTimeAsync(1000); // /b times out: a different reason, said too
    q.send('/c');
    await vi.advanceTimersByTimeAsync(1000); // /c times out within the minute: not said again
    expect(q.warnings).toEqual([expect.stringContaining('HEARTH_MAX_QUEUE'), expect.stringContaining('HEARTH_QUEUE_TIMEOUT_MS')]);
    await vi.advanceTimersByTimeAsync(60_000);
    q.send('/d');
    q.send('/full-3');
    expect(q.warnings).toHaveLength(3);
    expect(q.warnings[2]).toContain('the queue is full (1 in progress, 1 waiting)');
  });

  it('does not write to a client that left while waiting, and frees its place in the queue', async () => {
    vi.useFakeTimers();
    const q = queue(1, { maxQueue: 1, timeoutMs: 1000 });
    q.send('/a');
    const leaver = q.send('/b');
    leaver.hangUp();
    expect(q.admit.stats().waiting).toBe(0);
    const next = q.send('/c'); // the place /b held is free again
    expect(next.status).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(leaver.status).toBeUndefined(); // its timer was cleared with it
    expect(next.status).toBe(503);
  });

  it('admits in arrival order, one for each request that finishes or whose client closes', async () => {
    const q = queue(2);
    const first = ['/1', '/2', '/3', '/4', '/5'].map((url) => q.send(url));
    await settle();
    expect(q.urls()).toEqual(['/1', '/2']);
    q.started[0].res.end('1'); // finished
    await settle();
    expect(q.urls()).toEqual(['/1', '/2', '/3']);
    q.started[1].res.hangUp(); // the client of one in progress left: its slot is free too
    await settle();
    expect(q.urls()).toEqual(['/1', '/2', '/3', '/4']);
    // 'finish' then 'close' for one response releases one slot, not two.
    q.started[2].res.end('3');
    await settle();
    expect(q.urls()).toEqual(['/1', '/2', '/3', '/4', '/5']);
    expect(q.admit.stats()).toEqual({ active: 2, waiting: 0 });
    expect(first.every((r) => r.status !== 503)).toBe(true);
  });

  it('releases a slot when the handler throws, after answering 500', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const admit = admission(1, (req: { url: string }) => {
      if (req.url === '/boom') throw new Error('boom');
    });
    const boom = new FakeResponse();
    admit({ url: '/boom' }, boom);
    const next = new FakeResponse();
    admit({ url: '/next' }, next);
    await settle();
    expect(boom.status).toBe(500);
    expect(admit.stats()).toEqual({ active: 1, waiting: 0 }); // /next runs now
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it('on close (shutdown) answers every waiting request 503, refuses new ones, still serves build assets', async () => {
    const q = queue(1);
    const running = q.send('/running');
    const waiting = [q.send('/w1'), q.send('/w2')];
    const gone = q.send('/gone');
    gone.hangUp();
    expect(q.admit.close()).toBe(2);
    expect(waiting.map((r) => [r.status, r.body])).toEqual([
      [503, closingMessage],
      [503, closingMessage],
    ]);
    expect(gone.status).toBeUndefined();
    expect(q.send('/new').status).toBe(503);
    q.send('/_next/static/app.js');
    await settle();
    expect(q.urls().sort()).toEqual(['/_next/static/app.js', '/running']);
    expect(running.status).toBeUndefined(); // what was in progress is left to finish
  });
});

describe('whole-number settings from the environment', () => {
  const read = (value: string | undefined) => wholeNumberSetting({ HEARTH_MAX_QUEUE: value }, 'HEARTH_MAX_QUEUE', { fallback: 256, min: 0, max: 100_000, unit: 'requests' });

  it('uses the default when unset or empty, and takes digits within bounds', () => {
    expect(read(undefined)).toBe(256);
    expect(read('')).toBe(256);
    expect(read('0')).toBe(0);
    expect(read('100000')).toBe(100_000);
  });

  it('refuses anything else with a message naming the variable, the expected range and the value', () => {
    expect(() => read('lots')).toThrow('HEARTH_MAX_QUEUE must be a whole number of requests from 0 to 100000; it is "lots".');
    for (const bad of ['-1', '1.5', '1e3', '0x10', ' 5', '100001']) expect(() => read(bad), bad).toThrow(/HEARTH_MAX_QUEUE/);
  });
});
