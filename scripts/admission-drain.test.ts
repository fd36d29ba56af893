// The graceful shutdown of `npm start` (scripts/drain.mjs) against a fake server, queue and connections, and the
// process-wide list of shutdown steps it runs (lib/shutdown.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onShutdown, shutdownSteps } from '@/lib/shutdown';
import { drain } from './drain.mjs';

/** A keep-alive connection: busy while a request on it is in progress, idle after. */
interface Connection {
  busy: boolean;
  open: boolean;
}

/** What drain needs of http.Server: close() calls back once every connection has ended, as Node's does. */
class FakeServer {
  connections: Connection[] = [];
  calls: string[] = [];
  private onClosed?: () => void;
  connect(busy: boolean) {
    const connection = { busy, open: true };
    this.connections.push(connection);
    return connection;
  }
  close(callback: () => void) {
    this.calls.push('close');
    this.onClosed = callback;
    this.check();
  }
  closeIdleConnections() {
    for (const c of this.connections) if (!c.busy) c.open = false;
    this.check();
  }
  closeAllConnections() {
    this.calls.push('closeAllConnections');
    for (const c of this.connections) c.open = false;
    this.check();
  }
  private check() {
    if (this.onClosed && this.connections.every((c) => !c.open)) {
      const callback = this.onClosed;
      this.onClosed = undefined;
      callback();
    }
  }
}

class FakeResponse {
  headersSent = false;
  writableEnded = false;
  headers: Record<string, string> = {};
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
}

function setup() {
  const server = new FakeServer();
  const events: string[] = [];
  const queue = { close: vi.fn(() => (events.push('queue closed'), 3)) };
  const inFlight = new Set<FakeResponse>();
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    events.push(line);
  };
  return { server, events, queue, inFlight, lines, log };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('graceful shutdown (HEARTH_SHUTDOWN_MS)', () => {
  it('stops taking connections, refuses the queue, closes idle sockets at once, and runs the steps only after the last request', async () => {
    const s = setup();
    const idle = s.server.connect(false);
    const busy = s.server.connect(true);
    const started = new FakeResponse(); // headers already out: nothing to change
    started.headersSent = true;
    const notYet = new FakeResponse();
    const answered = new FakeResponse(); // answered (a refused waiter), its socket not yet closed: not in progress
    answered.headersSent = answered.writableEnded = true;
    s.inFlight.add(started).add(notYet).add(answered);
    const steps = [
      { name: 'stop the job runner', run: vi.fn(() => void s.events.push('jobs stopped')) },
      { name: 'close the database', run: vi.fn(async () => void s.events.push('database closed')) },
    ];

    const exit = drain({ server: s.server, queue: s.queue, inFlight: s.inFlight, steps, limitMs: 10_000, log: s.log });
    expect(s.server.calls).toEqual(['close']);
    expect(s.queue.close).toHaveBeenCalledOnce();
    expect(idle.open).toBe(false);
    expect(busy.open).toBe(true);
    expect(notYet.headers).toEqual({ Connection: 'close' });
    expect(started.headers).toEqual({});
    expect(s.lines[0]).toBe('[shutdown] SIGTERM: taking no new connections; 3 waiting request(s) answered 503; 2 in progress get up to 10000 ms');

    await vi.advanceTimersByTimeAsync(2000);
    expect(steps[0].run).not.toHaveBeenCalled(); // a request is still in progress
    busy.busy = false; // it finished; its keep-alive connection is now idle and is closed by the sweep
    s.inFlight.clear();
    await vi.advanceTimersByTimeAsync(100);
    expect(busy.open).toBe(false);
    expect(await exit).toBe(0);
    expect(s.server.calls).toEqual(['close']); // nothing was cut off
    expect(s.events.filter((e) => !e.startsWith('[shutdown] SIGTERM'))).toEqual([
      'queue closed',
      expect.stringMatching(/^\[shutdown\] requests drained in 2\d\d\d ms$/),
      'jobs stopped',
      expect.stringMatching(/^\[shutdown\] stop the job runner: done in \d+ ms$/),
      'database closed',
      expect.stringMatching(/^\[shutdown\] close the database: done in \d+ ms$/),
      expect.stringMatching(/^\[shutdown\] stopped after \d+ ms$/),
    ]);
  });

  it('closes every connection when requests outlast the limit, then still runs the steps', async () => {
    const s = setup();
    s.server.connect(true);
    s.inFlight.add(new FakeResponse());
    const close = vi.fn();
    const exit = drain({ server: s.server, queue: s.queue, inFlight: s.inFlight, steps: [{ name: 'close the database', run: close }], limitMs: 5000, log: s.log, reason: 'SIGINT' });
    await vi.advanceTimersByTimeAsync(4999);
    expect(s.server.calls).toEqual(['close']);
    expect(close).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(s.server.calls).toEqual(['close', 'closeAllConnections']);
    expect(await exit).toBe(0);
    expect(close).toHaveBeenCalledOnce();
    expect(s.lines[0]).toMatch(/^\[shutdown\] SIGINT:/);
    expect(s.lines).toContain('[shutdown] 1 request(s) still in progress after 5000 ms: connections closed');
  });

  it('gives up on a step that hangs or fails, runs the others, and exits 1', async () => {
    const s = setup();
    const later = vi.fn();
    const steps = [
      { name: 'stop the job runner', run: () => new Promise(() => {}) },
      { name: 'flush', run: () => Promise.reject(new Error('disk full')) },
      { name: 'close the database', run: later },
    ];
    const exit = drain({ server: s.server, queue: s.queue, inFlight: s.inFlight, steps, limitMs: 1000, stepMs: 5000, log: s.log });
    await vi.advanceTimersByTimeAsync(4999);
    expect(later).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await exit).toBe(1);
    expect(later).toHaveBeenCalledOnce();
    expect(s.lines).toEqual(
      expect.arrayContaining([
        '[shutdown] stop the job runner: not done after 5000 ms, given up',
        '[shutdown] flush: failed: disk full',
        expect.stringMatching(/^\[shutdown\] close the database: done in \d+ ms$/),
        expect.stringMatching(/^\[shutdown\] stopped after \d+ ms \(2 step\(s\) did not finish\)$/),
      ]),
    );
  });
});

describe('shutdown steps registered by the app (lib/shutdown.ts)', () => {
  afterEach(() => {
    (globalThis as { __hearthShutdown?: unknown[] }).__hearthShutdown!.length = 0;
  });

  it('are kept on globalThis, where scripts/server.mjs finds them, and run last-registered first', async () => {
    const order: string[] = [];
    // As lib/startup.ts does: the database is opened first, the job runner (which uses it) started after.
    onShutdown('close the database', () => void order.push('database'));
    onShutdown('stop the job runner', async () => void order.push('jobs'));
    // Started twice (a second startHearth in one process): replaced, not run twice.
    onShutdown('stop the job runner', async () => void order.push('jobs'));
    const registry = (globalThis as { __hearthShutdown?: { name: string }[] }).__hearthShutdown!;
    expect(registry).toBe(shutdownSteps());
    expect(registry.map((step) => step.name)).toEqual(['stop the job runner', 'close the database']);

    const s = setup();
    expect(await drain({ server: s.server, queue: s.queue, inFlight: s.inFlight, steps: [...registry] as never, log: s.log })).toBe(0);
    expect(order).toEqual(['jobs', 'database']);
  });
});
