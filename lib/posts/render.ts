// Posts and comments are rendered once, when written, and the HTML is stored beside the markdown: one path for both.
import { renderMarkdown } from '@/lib/markdown/render';

/** Where a body is shown: a post gets headings and code blocks, a comment the small inline set of a bio. */
export type BodyKind = 'post' | 'comment';

/**
 * The HTML stored for a post's or a comment's markdown: sanitized, with the @mentions of `linkedHandles` (the people
 * who exist and may be mentioned by the author) linked to their profiles; mentions in code or links stay text.
 */
export function renderBodyHtml(body: string, kind: BodyKind, linkedHandles: Iterable<string> = []) {
  return renderMarkdown(body, { profile: kind === 'post' ? 'post' : 'bio', mentions: linkedHandles });
}

/** "night-photography" → "Night photography": the label a new tag gets in the shared interest vocabulary. */
export function tagLabel(tag: string) {
  const words = tag.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
