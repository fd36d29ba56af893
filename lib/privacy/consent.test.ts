import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consentInfo, consentSourceText, consentSources } from './consent';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('consents in words', () => {
  it('are written once: no page or component spells out a consent’s label or explanation itself', () => {
    const texts = Object.values(consentInfo).flatMap((c) => [c.label, c.explanation]);
    const offenders = [...sources('app'), ...sources('components')].flatMap((path) => {
      const code = readFileSync(path, 'utf8');
      return texts.filter((t) => code.includes(t)).map((t) => `${path}: ${t}`);
    });
    expect(offenders).toEqual([]);
  });

  it('say where each answer was given, and nothing for answers logged before that was kept', () => {
    for (const [via, text] of Object.entries(consentSources)) expect(consentSourceText(via)).toBe(text);
    expect(consentSourceText(null)).toBeNull();
    expect(consentSourceText('somewhere else')).toBeNull();
  });
});
