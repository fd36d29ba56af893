import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { admission } from './admission.mjs';

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
