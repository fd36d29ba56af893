// The emoji Hearth itself draws (reactions, celebrations, notification icons), each with the Fluent Emoji Flat picture
// shipped in public/emoji (scripts/emoji.ts writes them) and the name a screen reader says. Pictures, not text: a
// stock Linux browser has no colour-emoji font and would draw empty boxes.
import type { ReactionEmoji } from '@/db/schema/posts';

export const hearthEmoji = {
  '❤️': { name: 'love', icon: 'red-heart' },
  '👍': { name: 'thumbs up', icon: 'thumbs-up' },
  '🎉': { name: 'celebrate', icon: 'party-popper' },
  '😂': { name: 'laugh', icon: 'face-with-tears-of-joy' },
  '🤔': { name: 'think', icon: 'thinking-face' },
  '🙏': { name: 'thanks', icon: 'folded-hands' },
} as const satisfies Record<ReactionEmoji, { name: string; icon: string }>;

export type HearthEmoji = keyof typeof hearthEmoji;

export function isHearthEmoji(text: string): text is HearthEmoji {
  return Object.hasOwn(hearthEmoji, text);
}

/** Where an emoji's picture is served: /emoji/<icon>.svg. */
export function emojiSrc(e: HearthEmoji): string {
  return `/emoji/${hearthEmoji[e].icon}.svg`;
}

/** An emoji drawn as text (what the app must never leave on a page): any pictograph in emoji presentation. */
export const emojiAsText = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;

const splitter = new RegExp(`(${Object.keys(hearthEmoji).join('|')})`, 'u');

/** Text cut around Hearth's emoji, so each can be drawn as its picture: ["Ana reacted ", "❤️", " to …"]. */
export function splitEmoji(text: string): (string | HearthEmoji)[] {
  return text.split(splitter).filter((part) => part !== '');
}
