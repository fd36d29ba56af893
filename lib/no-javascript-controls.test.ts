// A control that only a script can work (an onClick) is dead before JavaScript loads, and for ever without it: the
// congratulate and reaction buttons once were (issue 18, bug 6), and later Report and comment Edit. So every element
// with an onClick either hides when scripting is off (`noscript:hidden`, with a real form or link beside it in
// <noscript> where the page needs one), or is listed here with why it is never dead: drawn only after the page ran a
// script, a link that works without one, or a page that needs JavaScript anyway. A new one must take a side.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return files(rel);
    return d.name.endsWith('.tsx') && !d.name.includes('.test.') ? [rel] : [];
  });
}

/** Per file, why each of its onClick elements without `noscript:hidden` works or is absent without JavaScript. */
const neverDead: Record<string, string[]> = {
  'app/global-error.tsx': ['"Try again": an error boundary is drawn by React in the browser only'],
  'components/shell/route-error.tsx': ['"Try again": an error boundary is drawn by React in the browser only'],
  'components/auth/sign-in-form.tsx': ['"Back": a link to a fresh sign-in form, the click only saves a round trip'],
  'components/auth/two-factor-settings.tsx': ['"I have saved them": drawn only after a script set up two-step sign-in'],
  'components/profile/image-uploader.tsx': ['Save: drawn only after a script read the chosen file', 'Cancel: the same'],
  'components/posts/editable-comment.tsx': ['Cancel: drawn only in the form the Edit button (a script) opened'],
  'components/search/search-box.tsx': ['a suggestion: suggestions are fetched and drawn by a script as one types'],
  'components/search/header-search.tsx': ['Search: a link to /search, the click opens the box in place instead', 'Close: drawn only in the box the script opened'],
  'components/feed/collapsible-post.tsx': ['Undo: drawn only after "Show less" answered in place (without a script the page reloads without the post)'],
  'components/live/new-posts-pill.tsx': ['"N new posts": drawn only when the live stream (a script) counted some'],
  'components/privacy/export-button.tsx': ['Download: a link to /api/export with `download`, the click only shows progress'],
};

/** The onClick elements of a source that do not hide when scripting is off. */
function clickOnly(source: string): string[] {
  const out: string[] = [];
  for (const match of source.matchAll(/onClick=/g)) {
    const start = source.lastIndexOf('<', match.index);
    // The element's opening tag: from its `<` to the first `>` that is not part of an arrow (`=>`) or a closing `/>`.
    let end = match.index;
    for (let depth = 0; end < source.length; end++) {
      const ch = source[end];
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
      else if (ch === '>' && depth === 0) break;
    }
    const tag = source.slice(start, end + 1);
    if (!tag.includes('noscript:hidden')) out.push(tag.split(/\s/)[0]!);
  }
  return out;
}

describe('controls without JavaScript', () => {
  const sources = [...files('app'), ...files('components')];

  it('every onClick element hides without JavaScript or says why it is never dead', () => {
    expect(sources.length).toBeGreaterThan(100);
    const found: Record<string, number> = {};
    for (const file of sources) {
      const n = clickOnly(fs.readFileSync(path.join(root, file), 'utf8')).length;
      if (n) found[file] = n;
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(neverDead).map(([file, reasons]) => [file, reasons.length])));
  });

  it('the check sees an onClick that does not hide, and one that does', () => {
    expect(clickOnly('<button type="button" onClick={() => go(a > b)}>Go</button>')).toEqual(['<button']);
    expect(clickOnly('<Button onClick={go} className="noscript:hidden">Go</Button>')).toEqual([]);
  });
});
