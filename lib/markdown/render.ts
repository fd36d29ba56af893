// The one markdown renderer of Hearth: marked turns text into HTML, then sanitize-html keeps only an allowlist.
// Raw HTML typed by a person is shown as text, never interpreted. Bios get a small set of inline formatting;
// posts get a little more (headings, code blocks, rules). Links always carry rel="nofollow noopener ugc".
// @mentions are tokens of the markdown itself, so one inside a code span, a code block or a link stays text.
import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '@/lib/html';

export type MarkdownProfile = 'bio' | 'post';

type MentionToken = Tokens.Generic & { type: 'mention'; handle: string; linked?: boolean };

// A handle after the start of a text or a character that cannot be part of a word, an address, a path or a link label.
const mentionStart = /(^|[^\w@/[])@[a-zA-Z0-9_]{3,30}\b/;
const notBefore = /[\w@/[]/;

const mention: TokenizerAndRendererExtension = {
  name: 'mention',
  level: 'inline',
  start(src) {
    const found = mentionStart.exec(src);
    return found ? found.index + found[1].length : undefined;
  },
  tokenizer(src, tokens) {
    const found = /^@([a-zA-Z0-9_]{3,30})\b/.exec(src);
    const before = tokens.at(-1)?.raw.at(-1);
    if (!found || (before && notBefore.test(before))) return undefined;
    return { type: 'mention', raw: found[0], handle: found[1] } satisfies MentionToken;
  },
  renderer(token) {
    const { handle, linked } = token as MentionToken;
    return linked ? `<a href="/u/${handle.toLowerCase()}">@${handle}</a>` : `@${handle}`;
  },
};

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  extensions: [mention],
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

/** The mention tokens of a text, outside links (code spans and blocks hold no tokens, only their text). */
function mentionTokens(tokens: Token[], out: MentionToken[] = []): MentionToken[] {
  for (const token of tokens) {
    if (token.type === 'mention') out.push(token as MentionToken);
    else if (token.type === 'link') continue;
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) mentionTokens(cell.tokens, out);
    }
    const children = 'items' in token ? (token as Tokens.List).items : 'tokens' in token ? token.tokens : undefined;
    if (children) mentionTokens(children as Token[], out);
  }
  return out;
}

/** The @handles a text mentions — lowercased, each once — leaving out those in code and in links. */
export function mentionsIn(text: string): string[] {
  return [...new Set(mentionTokens(marked.lexer(text)).map((t) => t.handle.toLowerCase()))];
}

/**
 * Markdown → sanitized HTML, safe to put in dangerouslySetInnerHTML. `mentions` are the handles whose @mention
 * becomes a link to the profile (the people who exist and may be mentioned); any other @mention stays text.
 */
export function renderMarkdown(text: string, options: { profile: MarkdownProfile; mentions?: Iterable<string> }): string {
  if (!text.trim()) return '';
  const tokens = marked.lexer(text);
  const linked = new Set([...(options.mentions ?? [])].map((h) => h.toLowerCase()));
  for (const token of mentionTokens(tokens)) token.linked = linked.has(token.handle.toLowerCase());
  const html = marked.parser(tokens);
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
