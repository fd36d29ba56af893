// The no-JavaScript stand-ins written as strings must be exactly what the same JSX renders to.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { otherReactions } from '@/components/posts/reaction-bar';
import { ReportControl } from '@/components/reports/report-control';
import { LazyDetails } from './lazy-details';
import { Emoji, emojiMarkup } from './emoji';
import { element, Noscript } from './noscript';

// The controls' Server Actions are not called here (their modules reach Auth.js).
vi.mock('@/lib/posts/actions', () => ({ toggleReactionAction: async () => ({}) }));
vi.mock('@/lib/reports/actions', () => ({ reportAction: async () => ({}) }));

// React asks the browser to preload an image drawn in JSX (<link rel="preload"> in the head): a string inside
// <noscript> asks for none, as a browser running scripts never shows it. Otherwise the markup must be the same.
const unpreloaded = (html: string) => html.replace(/<link rel="preload" as="image" href="[^"]*"\/>/g, '');
const inner = (html: string) => html.match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1];

describe('markup written as a string', () => {
  it('escapes text and attributes as React does', () => {
    const text = `Ana's "cats" & <dogs>`;
    expect(element('a', { href: '/x?a=1&b=2', title: text, class: undefined }, { text })).toBe(renderToStaticMarkup(<a href="/x?a=1&b=2" title={text}>{text}</a>));
    // eslint-disable-next-line @next/next/no-img-element -- the markup compared, not a picture on a page
    expect(element('img', { src: '/e.svg', alt: '', width: 32 })).toBe(unpreloaded(renderToStaticMarkup(<img src="/e.svg" alt="" width={32} />)));
  });

  it('draws an emoji as <Emoji> does', () => {
    for (const e of ['❤️', '🙏'] as const) expect(emojiMarkup(e)).toBe(unpreloaded(renderToStaticMarkup(<Emoji emoji={e} label="" />)));
  });

  it('offers the other reactions as the JSX buttons did', () => {
    const missing = ['👍', '🤔'] as const;
    const names = { '👍': 'thumbs up', '🤔': 'think' };
    const jsx = renderToStaticMarkup(
      <>
        {missing.map((e) => (
          <button key={e} type="submit" name="emoji" value={e} aria-label={`React with ${names[e]}: 0`} className="inline-flex items-center rounded-full border border-line px-2 py-0.5 text-sm">
            <Emoji emoji={e} label="" />
          </button>
        ))}
      </>,
    );
    // React writes a button's name after its other attributes; the string follows the same order.
    expect(otherReactions(missing)).toBe(unpreloaded(jsx));
    expect(otherReactions(missing)).toBe(otherReactions(missing));
    expect(otherReactions([])).toBe('');
  });

  it('puts a disclosure\'s link and the report link inside <noscript>', () => {
    const details = renderToStaticMarkup(
      <LazyDetails summary="Show less like this…" noscriptHref="/feed/less?post=1&x=2" className="mt-3 text-sm" summaryClassName="cursor-pointer text-muted">
        <p>forms</p>
      </LazyDetails>,
    );
    expect(inner(details)).toBe(
      renderToStaticMarkup(
        <p className="mt-3 text-sm">
          <a href="/feed/less?post=1&x=2" className="cursor-pointer text-muted">
            Show less like this…
          </a>
        </p>,
      ),
    );
    expect(details).not.toContain('forms');
    const report = renderToStaticMarkup(<ReportControl kind="post" targetId="p1" what={`this post by Ana "A" O'Neil`} />);
    expect(inner(report)).toBe(
      renderToStaticMarkup(
        <a href="/report?kind=post&id=p1" className="rounded text-muted hover:text-ink hover:underline">
          Report<span className="sr-only">{` this post by Ana "A" O'Neil`}</span>
        </a>,
      ),
    );
    expect(renderToStaticMarkup(<Noscript html="<b>bold</b>" />)).toBe('<noscript><b>bold</b></noscript>');
  });
});
