import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { absoluteTime, timeAgo } from '@/lib/format';
import { defaultDateContext, renderMinute } from '@/lib/intl';
import { DateContextProvider, RelativeTime } from './relative-time';

describe('RelativeTime on the server', () => {
  const earned = new Date('2026-12-05T10:03:00Z');
  const rendered = new Date('2026-12-06T09:58:30Z');

  it('says the time relative to the minute the page was rendered, as the first browser render will (no text change on hydration)', () => {
    const html = renderToStaticMarkup(
      <DateContextProvider value={defaultDateContext} minute={renderMinute(rendered.getTime())}>
        <RelativeTime date={earned} />
      </DateContextProvider>,
    );
    // The words a reader sees once the page is live ("yesterday"), not "5 Dec 2026, 10:03 UTC" turning into them: the
    // change rewrapped the feed's celebration cards after hydration (Lighthouse CLS 0.15).
    const words = timeAgo(earned, new Date(Math.floor(rendered.getTime() / 60_000) * 60_000), defaultDateContext);
    expect(words).toBe('yesterday');
    expect(html).toContain(`>${words}</time>`);
    expect(html).toContain(`dateTime="${earned.toISOString()}"`);
    expect(html).toContain(`title="${absoluteTime(earned, defaultDateContext)}"`);
  });

  it('falls back to the absolute time where no render minute is known', () => {
    const html = renderToStaticMarkup(<RelativeTime date={earned.toISOString()} />);
    expect(html).toContain(`>${absoluteTime(earned, defaultDateContext)}</time>`);
  });
});
