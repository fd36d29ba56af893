// A test that reads the clock on both sides of an equality fails when the two readings fall in different
// milliseconds: `expect(digestSince({ lastVisit: at(5), … })).toEqual(at(5))`, with `at` reading Date.now() each
// time, failed CI once (1 in a few hundred runs). So no assertion may compare clock readings taken apart: take one
// reading (`const now = Date.now()`) and build every date from it. This walks every test file for an equality
// assertion whose two sides both read the clock, directly or through a helper of the same file that does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const skip = new Set(['node_modules', '.next', '.git', '.data', '.bench-data', 'test-results', 'playwright-report']);
function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    if (skip.has(d.name)) return [];
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return testFiles(rel);
    return /\.(test|spec)\.tsx?$/.test(d.name) ? [rel] : [];
  });
}

const direct = /Date\.now\(\)|new Date\(\)/;

/**
 * Names of the file's own helpers (one-line arrows, short functions) that read the clock each time they are called,
 * directly or through another such helper.
 */
function clockHelpers(source: string): Set<string> {
  const bodies = new Map<string, string>();
  for (const m of source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:async\s*)?\([^)]*\)\s*(?::[^=]+)?=>([^\n]*)/g)) bodies.set(m[1]!, m[2]!);
  for (const m of source.matchAll(/function\s+(\w+)\s*\([^)]*\)[^{]*\{([^}]*)\}/g)) bodies.set(m[1]!, m[2]!);
  const names = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, body] of bodies) {
      if (names.has(name)) continue;
      if (direct.test(body) || [...names].some((h) => new RegExp(`\\b${h}\\(`).test(body))) {
        names.add(name);
        grew = true;
      }
    }
  }
  return names;
}

/** The equality assertions on one line whose actual value and expected value both read the clock. */
function clockOnBothSides(source: string): string[] {
  const helpers = clockHelpers(source);
  const reads = (text: string) => direct.test(text) || [...helpers].some((h) => new RegExp(`\\b${h}\\(`).test(text));
  const found: string[] = [];
  for (const line of source.split('\n')) {
    const m = line.match(/expect\((.*)\)\.(?:not\.)?(?:toEqual|toBe|toStrictEqual)\((.*)\)/);
    if (m && reads(m[1]!) && reads(m[2]!)) found.push(line.trim());
  }
  return found;
}

describe('clock readings in tests', () => {
  it('finds the assertion that failed CI, and not one built from a single reading', () => {
    const failing = `const since = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR);
  const at = (h: number) => since(h);
  expect(digestSince({ lastVisit: at(5), lastSentAt: at(30) })).toEqual(at(5));`;
    // `at` reads the clock through `since`.
    expect(clockOnBothSides(failing)).toHaveLength(1);
    expect(clockOnBothSides('expect(roundTrip(new Date())).toEqual(new Date());')).toHaveLength(1);
    const fixed = `const now = Date.now();
  const at = (h: number) => new Date(now - h * HOUR);
  expect(digestSince({ lastVisit: at(5), lastSentAt: at(30) })).toEqual(at(5));`;
    expect(clockOnBothSides(fixed)).toEqual([]);
  });

  it('no test compares two readings of the clock', () => {
    // (This file is left out: its examples are such assertions, in strings.)
    const offenders = testFiles('.').filter((file) => file !== path.join('lib', 'clock-in-tests.test.ts')).flatMap((file) => clockOnBothSides(fs.readFileSync(path.join(root, file), 'utf8')).map((line) => `${file}: ${line}`));
    expect(offenders).toEqual([]);
  });
});
