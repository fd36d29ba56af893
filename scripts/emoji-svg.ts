// A Fluent Emoji Flat picture as a standalone SVG file (used by scripts/emoji.ts and its test; never by pages).
import { createRequire } from 'node:module';

type IconSet = { width?: number; height?: number; icons: Record<string, { body: string; width?: number; height?: number }> };

export function emojiSvg(icon: string): string {
  const set = createRequire(import.meta.url)('@iconify-json/fluent-emoji-flat/icons.json') as IconSet;
  const found = set.icons[icon];
  if (!found) throw new Error(`Fluent Emoji Flat has no icon named ${icon}`);
  const width = found.width ?? set.width ?? 32;
  const height = found.height ?? set.height ?? 32;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${found.body}</svg>\n`;
}
