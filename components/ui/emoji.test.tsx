import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emojiAsText } from '@/lib/emoji';
import { Emoji, EmojiText } from './emoji';

describe('Emoji', () => {
  it('draws an emoji as an image named for what it means, or decorative on request', () => {
    const named = renderToStaticMarkup(<Emoji emoji="🎉" />);
    expect(named).toMatch(/<img src="\/emoji\/party-popper.svg" alt="celebrate"/);
    expect(named).not.toMatch(emojiAsText);
    expect(renderToStaticMarkup(<Emoji emoji="❤️" label="" />)).toContain('alt=""');
  });

  it('draws Hearth emoji inside text as pictures and escapes the words', () => {
    const html = renderToStaticMarkup(<EmojiText text={'Ana reacted 🙏 to “Soup & bread”'} />);
    expect(html).toContain('Ana reacted <img src="/emoji/folded-hands.svg" alt="thanks"');
    expect(html).toContain('to “Soup &amp; bread”');
    expect(html).not.toMatch(emojiAsText);
  });
});
