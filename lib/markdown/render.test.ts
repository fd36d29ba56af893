import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './render';

const bio = (text: string) => renderMarkdown(text, { profile: 'bio' });
const post = (text: string) => renderMarkdown(text, { profile: 'post' });

describe('renderMarkdown', () => {
  it('renders the basics and marks every link nofollow noopener ugc', () => {
    expect(bio('Hi **there** _you_ [site](https://example.org)')).toBe(
      '<p>Hi <strong>there</strong> <em>you</em> <a href="https://example.org" rel="nofollow noopener ugc">site</a></p>',
    );
    expect(bio('see https://example.org/x')).toContain('<a href="https://example.org/x" rel="nofollow noopener ugc">');
  });

  it('shows raw HTML as text instead of running it', () => {
    for (const attack of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="https://evil.example">x</a>', '<iframe src="https://evil.example"></iframe>', '<svg onload=alert(1)>']) {
      const html = bio(attack) + post(attack);
      expect(html).not.toMatch(/<(script|img|iframe|svg)|<a href="https:\/\/evil/i);
      expect(html).toContain('&lt;');
    }
  });

  it('drops dangerous link targets but keeps the words', () => {
    for (const target of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x', '//evil.example']) {
      const html = bio(`[click](${target})`);
      expect(html).not.toContain('href');
      expect(html).toContain('click');
    }
  });

  it('allows no images in bios (or posts, until posts attach their own)', () => {
    expect(bio('![cat](https://example.org/cat.png)')).not.toContain('<img');
    expect(post('![cat](https://example.org/cat.png)')).not.toContain('<img');
  });

  it('keeps bios small: headings become paragraphs, code blocks lose <pre>', () => {
    expect(bio('# Big')).toBe('<p>Big</p>');
    expect(bio('```\ncode\n```')).not.toContain('<pre>');
    expect(post('# Big')).toBe('<h2>Big</h2>');
    expect(post('```\ncode\n```')).toContain('<pre><code>');
  });

  it('strips attributes that are not on the allowlist', () => {
    expect(post('[x](https://example.org "title")')).toBe('<p><a href="https://example.org" rel="nofollow noopener ugc">x</a></p>');
  });

  it('renders nothing for nothing', () => {
    expect(bio('   ')).toBe('');
  });
});

describe('markdownToText', () => {
  it('gives plain text for previews, shortened with an ellipsis', () => {
    expect(markdownToText('Hi **there** & [you](https://example.org)')).toBe('Hi there & you');
    expect(markdownToText('word '.repeat(100), 20)).toMatch(/^word word word word…$/);
  });
});
