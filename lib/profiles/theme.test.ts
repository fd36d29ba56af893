import { describe, expect, it } from 'vitest';
import { accentPalette, checkAccent, contrastRatio, darkModeAccent, minContrast, surfaces, themeStyle } from './theme';

describe('contrast', () => {
  it('matches WCAG 2 reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBe(contrastRatio('#767676', '#ffffff'));
  });

  it('refuses accents white text cannot be read on, right at the AA line', () => {
    expect(checkAccent('#767676')).toEqual({ ok: true, hex: '#767676' });
    expect(checkAccent('#777777')).toMatchObject({ ok: false, message: expect.stringContaining('4.47:1') });
    expect(checkAccent('#FFD700').ok).toBe(false);
    expect(checkAccent('#12345').ok).toBe(false);
    expect(checkAccent(' #1F5FA8 ')).toEqual({ ok: true, hex: '#1f5fa8' });
  });

  it('offers only palette colours that pass, and keeps each readable in dark mode', () => {
    for (const { hex, name } of accentPalette) {
      expect(checkAccent(hex).ok, name).toBe(true);
      const dark = darkModeAccent(hex);
      expect(contrastRatio(dark, surfaces.dark), name).toBeGreaterThanOrEqual(minContrast);
      expect(contrastRatio(dark, surfaces.darkPage), name).toBeGreaterThanOrEqual(minContrast);
      expect(contrastRatio(dark, '#1b120d'), `${name} ink`).toBeGreaterThanOrEqual(minContrast);
    }
  });

  it('sets light and dark variables only for an accepted accent', () => {
    expect(themeStyle({ accent: '#1f5fa8', bannerGradient: 'dusk' })).toMatchObject({ '--accent-light': '#1f5fa8', '--accent-ink-light': '#ffffff' });
    expect(themeStyle({ accent: '#ffff00', bannerGradient: 'dusk' })).not.toHaveProperty('--accent-light');
    expect(themeStyle({ accent: '', bannerGradient: 'dusk' })['--banner-dark']).toContain('linear-gradient');
  });
});
