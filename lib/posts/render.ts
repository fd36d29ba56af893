// Post bodies are rendered once, when written: markdown through the one sanitizer, @mentions of real people linked.
import { renderMarkdown } from '@/lib/markdown/render';

/** Turns @handle into a link to the profile, for the handles that belong to someone. */
export function linkMentions(body: string, handles: Iterable<string>) {
  const known = new Set([...handles].map((h) => h.toLowerCase()));
  if (known.size === 0) return body;
  return body.replace(/(^|[^\w@/\[])@([a-zA-Z0-9_]{3,30})\b/g, (match, before: string, handle: string) =>
    known.has(handle.toLowerCase()) ? `${before}[@${handle}](/u/${handle.toLowerCase()})` : match,
  );
}

export function renderPostBody(body: string, mentionedHandles: Iterable<string> = []) {
  return renderMarkdown(linkMentions(body, mentionedHandles), { profile: 'post' });
}

/** "night-photography" → "Night photography": the label a new tag gets in the shared interest vocabulary. */
export function tagLabel(tag: string) {
  const words = tag.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
