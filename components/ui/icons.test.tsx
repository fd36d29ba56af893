import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Bookmark, iconMarkup, Sparkles } from './icons';

describe('icons', () => {
  it('draws an icon as one svg element holding its shapes', () => {
    const html = renderToStaticMarkup(<Sparkles aria-hidden="true" className="size-4 text-accent" />);
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(html).toMatch(/^<svg [^>]*class="lucide lucide-sparkles size-4 text-accent"/);
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('viewBox="0 0 24 24"');
    // Sparkles is three paths and a circle.
    expect(html.match(/<path d="M/g)).toHaveLength(3);
    expect(html).toContain('<circle cx="4" cy="20" r="2"></circle>');
  });

  it('passes other props through and merges classes', () => {
    const html = renderToStaticMarkup(<Bookmark className="fill-current" strokeWidth={1.5} />);
    expect(html).toContain('class="lucide lucide-bookmark fill-current"');
    expect(html).toContain('stroke-width="1.5"');
  });

  it('writes attribute names the SVG way and escapes values', () => {
    expect(iconMarkup([['rect', { x: '2', strokeWidth: '1', title: 'a"<b&' }]])).toBe('<rect x="2" stroke-width="1" title="a&quot;&lt;b&amp;"></rect>');
  });
});
