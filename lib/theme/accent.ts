// A group's (or role's) own colour used as text: the colour itself where it reads, else the nearest shade that reaches
// WCAG AA (4.5:1) on every background Hearth puts text on, one variant for the light theme and one for the dark.
import { contrastRatio, minContrast } from '@/lib/profiles/theme';

export type ColorScheme = 'light' | 'dark';

/** The backgrounds text sits on in each theme (app/globals.css: page, surface, raised). */
export const textBackgrounds: Record<ColorScheme, readonly string[]> = {
  light: ['#faf7f2', '#ffffff', '#f3eee6'],
  dark: ['#16120f', '#201b17', '#2b241f'],
};

/** Cards in a group's colours tint their background with up to this much of the accent (celebration cards: 8–12%). */
const tintShare = 0.15;

const hex6 = /^#[0-9a-f]{6}$/i;

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(a: string, b: string, t: number) {
  const [x, y] = [channels(a), channels(b)];
  return `#${[0, 1, 2].map((i) => Math.round(x[i] + (y[i] - x[i]) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** The backgrounds an accent's text must read on: the theme's own, and a card tinted with the accent. */
export function accentTextBackgrounds(accent: string, scheme: ColorScheme): string[] {
  const own = textBackgrounds[scheme];
  return [...own, mix(own[1], accent, tintShare)];
}

function readsOn(color: string, backgrounds: readonly string[]) {
  return backgrounds.every((bg) => contrastRatio(color, bg) >= minContrast);
}

/**
 * The accent as text in a theme: unchanged when it already reaches 4.5:1 on every background, otherwise darkened
 * (light theme) or lightened (dark theme) by the smallest step that does, so it stays recognisably the group's colour.
 * Anything that is not a #rrggbb colour gets the theme's ink.
 */
export function readableAccent(accent: string, scheme: ColorScheme): string {
  const toward = scheme === 'light' ? '#000000' : '#ffffff';
  if (!hex6.test(accent)) return scheme === 'light' ? '#1f1a17' : '#f3ede6';
  const color = accent.toLowerCase();
  const backgrounds = accentTextBackgrounds(color, scheme);
  for (let step = 0; step <= 50; step++) {
    const candidate = mix(color, toward, step / 50);
    if (readsOn(candidate, backgrounds)) return candidate;
  }
  return toward;
}

/**
 * Inline CSS variables for an element whose text (class `accent-text`, app/globals.css) is drawn in this accent:
 * the stylesheet picks the light or dark variant with the page's theme.
 */
export function accentTextStyle(accent: string): Record<'--accent-text-light' | '--accent-text-dark', string> {
  return { '--accent-text-light': readableAccent(accent, 'light'), '--accent-text-dark': readableAccent(accent, 'dark') };
}
