// What a browser without JavaScript shows in a control's place, as markup written once as a string. React writes a
// <noscript> of JSX element by element on the server (each tag, attribute and text its own piece of the response),
// yet never hydrates it: a browser running scripts ignores its content. A feed card carried three such stand-ins, a
// quarter of its elements. As a string, each is one element. components/ui/noscript.test.tsx checks that the markup
// written here is what the same JSX renders to.
// No hooks and no 'use client': the same component works in Server and Client Components.

/** Markup (already escaped) inside a <noscript>. */
export function Noscript({ html }: { html: string }) {
  return <noscript dangerouslySetInnerHTML={{ __html: html }} />;
}

// As React escapes text and attribute values, so the markup is the same byte for byte.
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

const voidTags = new Set(['img', 'input', 'br']);

/**
 * An element's markup: its attributes (their HTML names; undefined ones left out) and `text` escaped, then
 * `inner`, markup written with this function.
 */
export function element(tag: string, attributes: Record<string, string | number | undefined>, { text = '', inner = '' }: { text?: string; inner?: string } = {}): string {
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) open += ` ${name}="${escape(String(value))}"`;
  return voidTags.has(tag) ? `${open}/>` : `${open}>${escape(text)}${inner}</${tag}>`;
}
