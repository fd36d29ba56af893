import { Fragment } from 'react';
import { cn } from '@/lib/cn';
import { element } from './noscript';
import { emojiSrc, hearthEmoji, isHearthEmoji, splitEmoji, type HearthEmoji } from '@/lib/emoji';

/**
 * One of Hearth's emoji, drawn as its picture at the size of the text around it. Its accessible name is the emoji's
 * name ("celebrate"); pass `label=""` where the emoji only decorates words that already say the same.
 */
export function Emoji({ emoji, label, className }: { emoji: HearthEmoji; label?: string; className?: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={emojiSrc(emoji)}
      alt={label ?? hearthEmoji[emoji].name}
      width={32}
      height={32}
      draggable={false}
      className={cn('inline-block size-[1.25em] shrink-0 align-[-0.25em]', className)}
    />
  );
}

/** The markup <Emoji emoji={e} label="" /> renders, for markup written as a string (components/ui/noscript.tsx). */
export function emojiMarkup(emoji: HearthEmoji): string {
  return element('img', { src: emojiSrc(emoji), alt: '', width: 32, height: 32, draggable: 'false', class: 'inline-block size-[1.25em] shrink-0 align-[-0.25em]' });
}

/** Text in which Hearth's emoji (a reaction quoted in a notification, say) are drawn as pictures. */
export function EmojiText({ text }: { text: string }) {
  return splitEmoji(text).map((part, i) => (isHearthEmoji(part) ? <Emoji key={i} emoji={part} /> : <Fragment key={i}>{part}</Fragment>));
}
