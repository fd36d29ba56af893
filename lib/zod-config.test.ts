import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

const RealFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = RealFunction;
});

describe('zod in the browser', () => {
  it('is jitless once the client instrumentation hook has run, so it never probes `new Function`', async () => {
    // The probe is what a CSP without 'unsafe-eval' reports: count every `new Function` while schemas are built and used.
    let constructed = 0;
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args) {
        constructed++;
        return Reflect.construct(target, args);
      },
    });
    await import('@/instrumentation-client');
    expect(z.config().jitless).toBe(true);
    const schema = z.object({ name: z.string().min(2), tags: z.array(z.string()).default([]) });
    expect(schema.parse({ name: 'Maya' })).toEqual({ name: 'Maya', tags: [] });
    expect(schema.safeParse({ name: 'M' }).success).toBe(false);
    expect(constructed).toBe(0);
  });
});
