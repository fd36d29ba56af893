// Writes the pictures of Hearth's emoji (lib/emoji.ts) into public/emoji from Fluent Emoji Flat (MIT, Microsoft),
// so they are served by Hearth itself. Run after changing the set: `npx tsx scripts/emoji.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emojiSvg } from './emoji-svg';
import { hearthEmoji } from '../lib/emoji';

const dir = join(import.meta.dirname, '..', 'public', 'emoji');
mkdirSync(dir, { recursive: true });
for (const { icon } of Object.values(hearthEmoji)) {
  writeFileSync(join(dir, `${icon}.svg`), emojiSvg(icon));
  console.log(`public/emoji/${icon}.svg`);
}
