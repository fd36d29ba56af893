// The log: JSON lines, each line of a request carrying its id, and a failed request logged with the reference its
// error page shows.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logRequestError, requestContext } from './log';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe('log', () => {
  it('puts the request id on every line written while a request is handled, across awaits and timers, and on no other line', async () => {
    const { logger, lines } = capture();
    logger.info('starting');
    await Promise.all(
      ['req-a', 'req-b'].map((requestId) =>
        requestContext.run({ requestId }, async () => {
          logger.info({ who: requestId }, 'first');
          await new Promise((resolve) => setTimeout(resolve, requestId === 'req-a' ? 20 : 5));
          logger.warn({ who: requestId, step: 2 }, 'after a wait');
        }),
      ),
    );
    logger.info('done');
    expect(lines).toHaveLength(6);
    // Each request's lines carry its own id, whichever order the two interleaved in; the others carry none.
    for (const line of lines) expect(line.requestId, JSON.stringify(line)).toBe(line.who);
    expect(lines.filter((l) => l.requestId === 'req-a').map((l) => l.msg)).toEqual(['first', 'after a wait']);
    expect(lines.filter((l) => l.requestId === 'req-b').map((l) => l.msg)).toEqual(['first', 'after a wait']);
    expect(lines.find((l) => l.step === 2)).toMatchObject({ level: 40, pid: process.pid });
  });

  it('logs a failed request with its request id, its digest and the stack, once', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('relation "profiles" does not exist'), { digest: '2714613391' });
    requestContext.run({ requestId: 'from-context' }, () =>
      logRequestError(logger, error, { path: '/u/maya', method: 'GET', headers: { 'x-request-id': 'req-42' } }, { routePath: '/u/[handle]', routeType: 'render' }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'request failed', requestId: 'req-42', digest: '2714613391', path: '/u/maya', route: '/u/[handle]', routeType: 'render' });
    expect((lines[0].err as { stack: string }).stack).toContain('relation "profiles" does not exist');
    // One requestId key in the line, not the context's beside the header's.
    expect(JSON.stringify(lines[0]).match(/"requestId"/g)).toHaveLength(1);
  });

  it('falls back to the context when the headers carry no id', () => {
    const { logger, lines } = capture();
    requestContext.run({ requestId: 'ctx-7' }, () => logRequestError(logger, new Error('x'), { path: '/', method: 'POST', headers: {} }, { routePath: '/', routeType: 'action' }));
    expect(lines[0]).toMatchObject({ requestId: 'ctx-7', routeType: 'action' });
    expect(lines[0].digest).toBeUndefined();
  });
});
