// A form that takes useActionState's action and throws its state away pays for nothing: React renders and encodes the
// action's bound state, initial value and key in four hidden fields on every render (for ten cards on For you, 1.9 %
// of the page's CPU). Such a form is a plain form action (form-action.ts). This walks every component for the pattern.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const discarded = /const\s*\[\s*,[^\]]*\]\s*=\s*useActionState\s*\(/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('forms that discard their action state', () => {
  it('are recognised', () => {
    expect(discarded.test('const [, formAction] = useActionState(toggleBookmarkAction, {});')).toBe(true);
    expect(discarded.test('const [ , action, pending ] = useActionState(save, {})')).toBe(true);
    expect(discarded.test('const [state, formAction] = useActionState(save, {});')).toBe(false);
  });
  it('are none: a form that shows no answer uses plainFormAction', () => {
    const offenders = ['app', 'components'].flatMap((dir) => sources(dir)).filter((file) => discarded.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
