// What a search query means before it reaches SQL: trimmed, bounded, with its sigil (#tag, @handle) noted, and
// the pieces the SQL needs made safe — LIKE patterns with % and _ escaped, a prefix tsquery of plain words only.
// Every piece goes to the database as a bound parameter; this module only keeps them meaningful.

export const MAX_QUERY_LENGTH = 100;

export type ParsedQuery = {
  /** What the person typed, trimmed, inner whitespace collapsed, at most MAX_QUERY_LENGTH characters. */
  text: string;
  /** Lower-cased, without a leading # or @: what trigram and LIKE matching compare against. */
  term: string;
  /** '#ceram' asks for interests and tags first, '@maya' for people. */
  sigil: '#' | '@' | null;
  /** One or two characters: only prefix matching on handles, tags and names (trigrams need three). */
  short: boolean;
};

export function parseQuery(raw: string | null | undefined): ParsedQuery | null {
  const text = (raw ?? '').normalize('NFC').replace(/[\p{Cc}\s]+/gu, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
  if (!text) return null;
  const sigil = text[0] === '#' || text[0] === '@' ? (text[0] as '#' | '@') : null;
  const term = (sigil ? text.slice(1) : text).trim().toLowerCase();
  if (!term) return null;
  return { text, term, sigil, short: [...term].length < 3 };
}

/** Escapes LIKE's wildcards (and its escape character, backslash), so "100%" matches a literal percent sign. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%term%`, escaped. */
export function containsPattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** `term%`, escaped. */
export function prefixPattern(term: string): string {
  return `${escapeLike(term)}%`;
}

/**
 * A to_tsquery string for type-ahead: every word must match, the last one as a prefix ("glaz te" → "glaz & te:*").
 * Only letters and digits survive, so the string can never be a tsquery syntax error; null when no word is left.
 */
export function prefixTsQuery(term: string): string | null {
  const words = term
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}
