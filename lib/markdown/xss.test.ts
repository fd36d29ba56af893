// Every payload of the XSS corpus through the one renderer, for posts and for bios: no element that can run
// script, no event handler, no javascript:/data: link survives.
import { describe, expect, it } from 'vitest';
import { xssPayloads } from '@/test/fixtures/xss';
import { renderMarkdown } from './render';

const allowedTags = new Set(['p', 'br', 'strong', 'em', 'del', 'code', 'a', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'pre', 'hr']);

function check(html: string) {
  for (const tag of html.match(/<\/?([a-zA-Z0-9]+)([^>]*)>/g) ?? []) {
    const [, name, attrs] = /<\/?([a-zA-Z0-9]+)([^>]*)>/.exec(tag)!;
    expect(allowedTags.has(name.toLowerCase()), `tag <${name}> in ${html}`).toBe(true);
    expect(attrs, `event handler in ${tag}`).not.toMatch(/\son\w+\s*=/i);
    expect(attrs, `style in ${tag}`).not.toMatch(/\sstyle\s*=/i);
    const href = /href="([^"]*)"/.exec(attrs)?.[1];
    if (href) expect(href, `link in ${tag}`).toMatch(/^(https?:|mailto:|\/(?!\/)|#)/i);
  }
}

describe('the XSS corpus', () => {
  it('has at least 60 payloads', () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(60);
  });

  it.each(xssPayloads.map((p, i) => [i, p]))('payload %i is harmless in posts and bios', (_i, payload) => {
    check(renderMarkdown(String(payload), { profile: 'post' }));
    check(renderMarkdown(String(payload), { profile: 'bio' }));
    check(renderMarkdown(`Some text ${payload} more **text**`, { profile: 'post' }));
    // With mentions linked around and inside the payload (as posts are stored), nothing more survives.
    check(renderMarkdown(`@maya_k ${payload} @maya_k${payload}@maya_k`, { profile: 'post', mentions: ['maya_k'] }));
  });
});
