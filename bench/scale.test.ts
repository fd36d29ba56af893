// Smoke version of bench:scale (bench/scale-run.ts): two small scales on embedded PostgreSQL in a temporary
// directory, a few people, one pass. Checks that it runs end to end and reports a sane line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runScale } from './scale-run';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-scale-'));
process.env.BENCH_DATA_DIR = dir;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('times the For you feed of the same people at two scales', async () => {
  const result = await runScale({ engine: 'pglite', scales: ['tiny', 'small'], people: 3, reps: 1, seedMissing: ['tiny', 'small'] });
  expect(result.timings.map((t) => t.scale)).toEqual(['tiny', 'small']);
  for (const t of result.timings) {
    expect(t.people).toBe(3);
    expect(t.items).toBeGreaterThan(0);
    expect(t.p95).toBeGreaterThan(0);
    expect(t.rankP95).toBeGreaterThan(0);
  }
  expect(result.line).toMatch(/^scale p95_small_vs_tiny=\d+\.\d\d$/);
}, 180_000);
