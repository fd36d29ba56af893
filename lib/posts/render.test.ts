import { describe, expect, it } from 'vitest';
import { linkMentions, renderPostBody } from './render';

describe('renderPostBody', () => {
  it('renders markdown and links mentions of real people only', () => {
    const html = renderPostBody('**Thanks** @Maya_K and @nobody!', ['maya_k']);
    expect(html).toContain('<strong>Thanks</strong>');
    expect(html).toContain('<a href="/u/maya_k" rel="nofollow noopener ugc">@Maya_K</a>');
    expect(html).toContain('@nobody');
    expect(html).not.toContain('/u/nobody');
  });

  it('never lets script through, whatever is typed', () => {
    const html = renderPostBody('<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    // Typed HTML stays visible as text; no element, handler or javascript: link survives.
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('leaves emails alone', () => {
    expect(linkMentions('mail sam@example.org', ['example'])).toBe('mail sam@example.org');
  });
});
