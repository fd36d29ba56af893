import { describe, expect, it } from 'vitest';
import { contrastRatio, minContrast } from '@/lib/profiles/theme';
import { accentTextBackgrounds, accentTextStyle, readableAccent, textBackgrounds, type ColorScheme } from './accent';

const schemes: ColorScheme[] = ['light', 'dark'];

/** A spread of accents a group may pick (any #rrggbb is allowed): a grid over the colour cube plus known ones. */
function manyAccents() {
  const levels = ['00', '33', '66', '80', '99', 'cc', 'ff'];
  const grid = levels.flatMap((r) => levels.flatMap((g) => levels.map((b) => `#${r}${g}${b}`)));
  const seeded = ['#b4471f', '#3b4a8a', '#3d7a3a', '#a23b72', '#8a6d1f', '#6a4c93', '#2f6f73', '#1f5fa8', '#4b5563', '#b45309', '#ffd700', '#ff8a80'];
  return [...grid, ...seeded];
}

describe('readableAccent', () => {
  it('reaches 4.5:1 on every text background, in both themes, for every accent', () => {
    const accents = manyAccents();
    expect(accents.length).toBeGreaterThan(300);
    for (const accent of accents) {
      for (const scheme of schemes) {
        const text = readableAccent(accent, scheme);
        for (const bg of accentTextBackgrounds(accent, scheme)) {
          expect(contrastRatio(text, bg), `${accent} in ${scheme} as ${text} on ${bg}`).toBeGreaterThanOrEqual(minContrast);
        }
      }
    }
  });

  it('keeps an accent that already reads, and moves one that does not only as far as needed', () => {
    // Deep blue reads on light backgrounds as it is, and is lightened for the dark theme (it was 2.0:1 there).
    expect(readableAccent('#1f5fa8', 'light')).toBe('#1f5fa8');
    expect(contrastRatio('#3b4a8a', textBackgrounds.dark[1])).toBeLessThan(2.5);
    const dark = readableAccent('#3b4a8a', 'dark');
    expect(dark).not.toBe('#3b4a8a');
    expect(dark).not.toBe('#ffffff');
    // A light yellow is kept in the dark theme and darkened for the light one.
    expect(readableAccent('#ffd700', 'dark')).toBe('#ffd700');
    const light = readableAccent('#ffd700', 'light');
    expect(contrastRatio(light, '#ffffff')).toBeGreaterThanOrEqual(minContrast);
    // Only as far as needed: on its hardest background it is just past the line, not pushed to near black.
    const hardest = Math.min(...accentTextBackgrounds('#ffd700', 'light').map((bg) => contrastRatio(light, bg)));
    expect(hardest).toBeLessThan(minContrast + 0.5);
  });

  it('falls back to the theme ink for anything that is not a colour, and gives both variables', () => {
    expect(readableAccent('red', 'light')).toBe('#1f1a17');
    expect(readableAccent('', 'dark')).toBe('#f3ede6');
    expect(accentTextStyle('#3b4a8a')).toEqual({ '--accent-text-light': readableAccent('#3b4a8a', 'light'), '--accent-text-dark': readableAccent('#3b4a8a', 'dark') });
  });
});
