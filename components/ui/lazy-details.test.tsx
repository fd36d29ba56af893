import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LazyDetails } from './lazy-details';

// What the server sends is all a browser without JavaScript ever has: a closed disclosure must still hold its content
// there (inside <noscript>, which a browser running scripts never draws), or its forms do nothing before hydration.
describe('LazyDetails', () => {
  it('sends its content inside <noscript> while closed, so it opens onto real forms without JavaScript', () => {
    const html = renderToStaticMarkup(
      <LazyDetails summary="Show less like this…" summaryId="show-less-p1">
        <form aria-label="Show less like this">
          <button type="submit">Show less</button>
        </form>
      </LazyDetails>,
    );
    expect(html).toMatch(/^<details><summary id="show-less-p1">Show less like this…<\/summary><noscript><form aria-label="Show less like this"><button type="submit">Show less<\/button><\/form><\/noscript><\/details>$/);
  });

  it('with noscriptHref, sends no copy of its content: the disclosure hides without JavaScript and a link stands in', () => {
    const html = renderToStaticMarkup(
      <LazyDetails summary="See the calculation" noscriptHref="/feed/why?post=p1">
        <table aria-label="Score of this post" />
      </LazyDetails>,
    );
    expect(html).not.toContain('Score of this post');
    expect(html).toMatch(/<details class="noscript:hidden"><summary>See the calculation<\/summary><\/details><noscript><p><a href="\/feed\/why\?post=p1">See the calculation<\/a><\/p><\/noscript>/);
  });
});
