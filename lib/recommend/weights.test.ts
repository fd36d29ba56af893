import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferredStrength, inferredText } from './weights';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('inferredText', () => {
  it('writes the strength against the strongest topic, then the score behind it', () => {
    expect(inferredText(54.8, 54.8)).toBe(`${inferredStrength(54.8, 54.8).toFixed(2)} (score 54.8)`);
    expect(inferredText(54.8, 54.8)).toMatch(/^0\.\d\d \(score 54\.8\)$/);
    expect(inferredText(0, 10)).toBe('0.00 (score 0.0)');
  });

  it('is the only way pages write an inferred score, so /settings/feed and the interests page say the same', () => {
    const offenders = [...sources('app'), ...sources('components')].filter((path) => /inferred\.toFixed\(|score \$\{|\(score \{/.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
