// The one rendering path of posts and comments, over a corpus: mentions are linked in text, never inside code,
// code blocks or links, and nothing a person types becomes script.
import { describe, expect, it } from 'vitest';
import { mentionsIn } from '@/lib/markdown/render';
import { renderBodyHtml } from './render';

const maya = '<a href="/u/maya_k" rel="nofollow noopener ugc">@Maya_K</a>';
const mayaLower = '<a href="/u/maya_k" rel="nofollow noopener ugc">@maya_k</a>';

describe('renderBodyHtml', () => {
  it('renders markdown and links mentions of the given people only', () => {
    const html = renderBodyHtml('**Thanks** @Maya_K and @nobody!', 'post', ['maya_k']);
    expect(html).toBe(`<p><strong>Thanks</strong> ${maya} and @nobody!</p>`);
  });

  // [what is typed, the HTML stored, the handles it mentions]
  const corpus: [string, string, string[]][] = [
    ['`npm i @maya_k`', '<p><code>npm i @maya_k</code></p>', []],
    ['Run `@maya_k` then ask @maya_k', `<p>Run <code>@maya_k</code> then ask ${mayaLower}</p>`, ['maya_k']],
    ['```\nnpm i @maya_k\n```', '<pre><code>npm i @maya_k\n</code></pre>', []],
    ['~~~sh\n@maya_k #tag\n~~~', '<pre><code>@maya_k #tag\n</code></pre>', []],
    ['    @maya_k indented', '<pre><code>@maya_k indented\n</code></pre>', []],
    ['[@maya_k](https://example.org)', '<p><a href="https://example.org" rel="nofollow noopener ugc">@maya_k</a></p>', []],
    ['https://example.org/@maya_k', '<p><a href="https://example.org/@maya_k" rel="nofollow noopener ugc">https://example.org/@maya_k</a></p>', []],
    ['mail sam@maya_k.org', '<p>mail <a href="mailto:sam@maya_k.org" rel="nofollow noopener ugc">sam@maya_k.org</a></p>', []],
    ['foo@maya_k', '<p>foo@maya_k</p>', []],
    ['*@maya_k*, @maya_k’s', `<p><em>${mayaLower}</em>, ${mayaLower}’s</p>`, ['maya_k']],
    ['> quoted @maya_k', `<blockquote>\n<p>quoted ${mayaLower}</p>\n</blockquote>`, ['maya_k']],
    ['- a list @maya_k', `<ul>\n<li>a list ${mayaLower}</li>\n</ul>`, ['maya_k']],
    ['<b>@maya_k</b>', `<p>&lt;b&gt;${mayaLower}&lt;/b&gt;</p>`, ['maya_k']],
    ['@ab is too short, @maya_k is not', `<p>@ab is too short, ${mayaLower} is not</p>`, ['maya_k']],
  ];
  it.each(corpus)('%j', (typed, html, mentioned) => {
    expect(renderBodyHtml(typed, 'post', ['maya_k'])).toBe(html);
    expect(mentionsIn(typed)).toEqual(mentioned);
  });

  it('finds each mention once, lowercased', () => {
    expect(mentionsIn('Thanks @Maya_K and @ana_b! cc @maya_k, mail me at sam@example.org')).toEqual(['maya_k', 'ana_b']);
  });

  it('renders a comment with the small inline set: no code block or heading elements', () => {
    expect(renderBodyHtml('# Hi @maya_k\n\n```\ncode\n```', 'comment', ['maya_k'])).toBe(`<p>Hi ${mayaLower}</p>\n<code>code\n</code>`);
  });

  it('never lets script through, whatever is typed', () => {
    const html = renderBodyHtml('<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> @maya_k', 'post', ['maya_k']);
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });
});
