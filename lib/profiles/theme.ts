// Profile themes: accent colours that stay readable (WCAG AA), banner gradients, and the CSS variables that apply
// them on a profile in light and dark mode. Pure functions, shared by the page, the live preview and validation.

/** WCAG AA for normal text. */
export const minContrast = 4.5;

/** Text on an accent is always white in light mode: the accent must be dark enough for it. */
export const accentText = '#ffffff';

export const accentPalette = [
  { name: 'Ember', hex: '#b4471f' },
  { name: 'Teal', hex: '#2f6f73' },
  { name: 'Violet', hex: '#6a4c93' },
  { name: 'Moss', hex: '#3d7a3a' },
  { name: 'Berry', hex: '#a23b72' },
  { name: 'Ocean', hex: '#1f5fa8' },
  { name: 'Ochre', hex: '#86651a' },
  { name: 'Slate', hex: '#4b5563' },
] as const;

export const bannerGradients = {
  ember: { label: 'Ember', light: ['#f7c59f', '#b4471f'], dark: ['#5a2a14', '#24130b'] },
  dawn: { label: 'Dawn', light: ['#fde2e4', '#f9b17a'], dark: ['#4a2a33', '#3b2418'] },
  lagoon: { label: 'Lagoon', light: ['#a8e6cf', '#2f6f73'], dark: ['#1d3d3a', '#0f2224'] },
  dusk: { label: 'Dusk', light: ['#c3b1e1', '#3b3b98'], dark: ['#2d2547', '#14142e'] },
  meadow: { label: 'Meadow', light: ['#e9f5c9', '#6a9c45'], dark: ['#27361c', '#151f10'] },
  night: { label: 'Night sky', light: ['#4b6cb7', '#182848'], dark: ['#1b2540', '#0a0f1c'] },
} as const;

export type BannerGradient = keyof typeof bannerGradients;
export const bannerGradientNames = Object.keys(bannerGradients) as BannerGradient[];

export function isBannerGradient(value: string): value is BannerGradient {
  return value in bannerGradients;
}

export const hexColor = /^#[0-9a-f]{6}$/i;

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]) {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export type AccentCheck = { ok: true; hex: string } | { ok: false; message: string };

/** Whether a colour may be a profile accent: white text on it must reach WCAG AA. */
export function checkAccent(input: string): AccentCheck {
  const hex = input.trim().toLowerCase();
  if (!hexColor.test(hex)) return { ok: false, message: 'Enter a colour as # and six hex digits, like #2f6f73.' };
  const ratio = contrastRatio(hex, accentText);
  if (ratio < minContrast) {
    return {
      ok: false,
      message: `White text on ${hex} has a contrast of ${(Math.floor(ratio * 100) / 100).toFixed(2)}:1; readable text needs at least ${minContrast}:1. Try a darker shade.`,
    };
  }
  return { ok: true, hex };
}

/** Hearth's own page and surface colours (app/globals.css), the backgrounds an accent must read on. */
export const surfaces = { light: '#ffffff', dark: '#201b17', darkPage: '#16120f' } as const;

function mix(a: string, b: string, t: number) {
  const [x, y] = [channels(a), channels(b)];
  return toHex([0, 1, 2].map((i) => x[i] + (y[i] - x[i]) * t) as [number, number, number]);
}

/**
 * The accent for dark mode: the person's colour lightened just enough to read as text on dark surfaces
 * (and to carry dark text on it), so a deep blue stays their blue rather than vanishing into the dark.
 */
export function darkModeAccent(hex: string): string {
  for (let t = 0; t <= 1.0001; t += 0.05) {
    const candidate = mix(hex, '#ffffff', t);
    if (contrastRatio(candidate, surfaces.dark) >= minContrast && contrastRatio(candidate, surfaces.darkPage) >= minContrast) return candidate;
  }
  return '#ffffff';
}

export type ProfileTheme = { accent: string; bannerGradient: BannerGradient };

/**
 * CSS custom properties for a themed profile. app/globals.css maps them onto the semantic colour tokens inside
 * `.profile-theme`, picking the light or dark set to match the page's colour scheme.
 */
export function themeStyle(theme: ProfileTheme): Record<string, string> {
  const gradient = bannerGradients[theme.bannerGradient] ?? bannerGradients.ember;
  const vars: Record<string, string> = {
    '--banner-light': `linear-gradient(135deg, ${gradient.light[0]}, ${gradient.light[1]})`,
    '--banner-dark': `linear-gradient(135deg, ${gradient.dark[0]}, ${gradient.dark[1]})`,
  };
  const accent = checkAccent(theme.accent);
  if (accent.ok) {
    const dark = darkModeAccent(accent.hex);
    Object.assign(vars, {
      '--accent-light': accent.hex,
      '--accent-ink-light': accentText,
      '--accent-soft-light': mix(accent.hex, '#ffffff', 0.86),
      '--accent-dark': dark,
      '--accent-ink-dark': '#1b120d',
      '--accent-soft-dark': mix(accent.hex, surfaces.dark, 0.75),
    });
  }
  return vars;
}
