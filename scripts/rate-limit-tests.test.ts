// Guard: a test turns the rate limits on only through test/rate-limits.ts, which stops the clock. The limits count in
// fixed windows of the wall clock; a test counting attempts to a limit with the clock running fails whenever a
// window turns halfway (the five-second post limit did, and search's 120 a minute did on a loaded machine).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const roots = ['app', 'lib', 'db', 'components', 'scripts', 'bench', 'test'];
const sources = roots.flatMap((root) =>
  fs
    .readdirSync(path.join(process.cwd(), root), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('node_modules'))
    .map((f) => path.join(root, f)),
);
const turnsLimitsOn = /HEARTH_RATE_LIMITS\s*=\s*['"]on['"]/;

describe('tests turn rate limits on with the clock stopped', () => {
  it('finds the helper, and would find a direct assignment', () => {
    expect(sources).toContain(path.join('test', 'rate-limits.ts'));
    expect(turnsLimitsOn.test("env.HEARTH_RATE_LIMITS = 'on';")).toBe(true);
  });

  it('no source but test/rate-limits.ts assigns HEARTH_RATE_LIMITS = "on"', () => {
    const offenders = sources.filter((f) => f !== path.join('test', 'rate-limits.ts') && f !== path.join('scripts', 'rate-limit-tests.test.ts')).filter((f) => {
      const code = fs.readFileSync(path.join(process.cwd(), f), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      return turnsLimitsOn.test(code);
    });
    expect(offenders, 'turn the limits on with rateLimitsOn() from test/rate-limits.ts').toEqual([]);
  });
});
