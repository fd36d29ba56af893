// The one markdown renderer of Hearth: marked turns text into HTML, then sanitize-html keeps only an allowlist.
// Raw HTML typed by a person is shown as text, never interpreted. Bios get a small set of inline formatting;
// posts get a little more (headings, code blocks, rules). Links always carry rel="nofollow noopener ugc".
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '@/lib/html';

export type MarkdownProfile = 'bio' | 'post';

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML in the text is shown as typed.
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

const inline = ['p', 'br', 'strong', 'em', 'del', 'code', 'a', 'ul', 'ol', 'li', 'blockquote'];

const linkRel = 'nofollow noopener ugc';

const policies: Record<MarkdownProfile, sanitizeHtml.IOptions> = {
  bio: {
    allowedTags: inline,
    // Headings in a bio read as bold lines; images are not allowed at all.
    transformTags: Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, 'p'])),
  },
  post: {
    allowedTags: [...inline, 'h2', 'h3', 'h4', 'pre', 'hr'],
    transformTags: { h1: 'h2', h5: 'h4', h6: 'h4' },
  },
};

function optionsFor(profile: MarkdownProfile): sanitizeHtml.IOptions {
  const policy = policies[profile];
  return {
    allowedTags: policy.allowedTags,
    allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      ...policy.transformTags,
      a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: linkRel } }),
    },
  };
}

/** Markdown → sanitized HTML, safe to put in dangerouslySetInnerHTML. */
export function renderMarkdown(text: string, options: { profile: MarkdownProfile }): string {
  if (!text.trim()) return '';
  const html = marked.parse(text) as string;
  return sanitizeHtml(html, optionsFor(options.profile)).trim();
}

/** Markdown → plain text (for Open Graph descriptions and previews). */
export function markdownToText(text: string, maxLength = 200): string {
  const html = marked.parse(text) as string;
  const plain = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > maxLength ? `${plain.slice(0, maxLength - 1).trimEnd()}…` : plain;
}
