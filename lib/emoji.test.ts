import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reactionEmoji } from '@/db/schema/posts';
import { emojiSvg } from '@/scripts/emoji-svg';
import { emojiAsText, hearthEmoji, splitEmoji } from './emoji';

describe('Hearth emoji set', () => {
  it('has a named picture for every reaction a person can give', () => {
    for (const e of reactionEmoji) expect(hearthEmoji[e]?.name).toMatch(/^[a-z ]+$/);
  });

  it('ships each picture in public/emoji exactly as the Fluent Emoji Flat set draws it', () => {
    for (const { icon } of Object.values(hearthEmoji)) {
      const shipped = readFileSync(join(process.cwd(), 'public', 'emoji', `${icon}.svg`), 'utf8');
      expect(shipped, `public/emoji/${icon}.svg is stale: run npx tsx scripts/emoji.ts`).toBe(emojiSvg(icon));
      expect(shipped).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 32 32"/);
    }
  });

  it('cuts text around its emoji and leaves the words alone', () => {
    expect(splitEmoji('Ana reacted ❤️ to “Hi 👍”')).toEqual(['Ana reacted ', '❤️', ' to “Hi ', '👍', '”']);
    expect(splitEmoji('no emoji here')).toEqual(['no emoji here']);
  });

  it('recognises an emoji left as text, but not ordinary symbols', () => {
    for (const e of [...reactionEmoji, '🔥', '✅']) expect(e).toMatch(emojiAsText);
    for (const s of ['©', '✓', '→', '·', '…', '2024', '#']) expect(s).not.toMatch(emojiAsText);
  });
});
