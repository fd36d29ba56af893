// Guard: a journey that waits for "the answer to a POST" names which POST. The feed reports views to /api/signals
// whenever posts scroll into sight, so a wait for any POST (or any POST whose body names a post) can end on that
// answer while the action it meant was still on its way — a race that failed the privacy journeys under load.
// A wait names its Server Action (the Next-Action header, as e2e/helpers.ts actionAnswered does) or its path.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.join(process.cwd(), 'e2e');
const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

/** The text of each waitForResponse(…) predicate in a source, up to its closing parenthesis. */
function responseWaits(source: string): string[] {
  const out: string[] = [];
  for (let i = source.indexOf('waitForResponse('); i >= 0; i = source.indexOf('waitForResponse(', i + 1)) {
    let depth = 0;
    let j = i + 'waitForResponse'.length;
    for (; j < source.length; j++) {
      if (source[j] === '(') depth++;
      else if (source[j] === ')' && --depth === 0) break;
    }
    out.push(source.slice(i, j + 1));
  }
  return out;
}

const named = (wait: string) => /next-action|pathname|\.url\(\)/i.test(wait);

describe('journeys wait for a named answer', () => {
  it('finds the waits, and tells a named one from a loose one', () => {
    expect(responseWaits("page.waitForResponse((r) => r.request().method() === 'POST' && f(r))")).toHaveLength(1);
    expect(named("waitForResponse((r) => r.request().method() === 'POST' && Boolean(r.request().postData()?.includes('postId')))")).toBe(false);
    expect(named("waitForResponse((r) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action']))")).toBe(true);
  });

  it('every POST a journey waits for is named by its action or its path', () => {
    const loose: string[] = [];
    for (const file of files) {
      for (const wait of responseWaits(fs.readFileSync(path.join(dir, file), 'utf8'))) {
        if (/'POST'|"POST"/.test(wait) && !named(wait)) loose.push(`e2e/${file}: ${wait.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
    expect(files.length).toBeGreaterThan(10);
    expect(loose).toEqual([]);
  });
});

// Guard: a journey that needs "a post with topics" finds it by its Tags list (firstTaggedPost in e2e/helpers.ts), not
// by a link named "#…": a group post's channel link ("#general") matched that too, the journey bookmarked a post with
// no topics, learned nothing, and failed whenever another journey's untagged group post was the newest (a new
// person's feed is what's new across Hearth, newest first).
describe('journeys find a tagged post by its topics', () => {
  it('no journey takes a link named "#…" for a topic', () => {
    const loose: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      source.split('\n').forEach((line, i) => {
        if (/getByRole\(\s*'link'\s*,\s*\{\s*name:\s*\/\^#/.test(line)) loose.push(`e2e/${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(loose).toEqual([]);
  });
});
