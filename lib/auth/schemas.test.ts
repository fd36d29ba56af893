import { describe, expect, it } from 'vitest';
import { emailSchema, handleSchema, passwordSchema, safeRedirect, signUpSchema } from './schemas';

describe('handleSchema', () => {
  it.each(['maya', 'maya_k', 'abc', 'a1_2b', 'x'.repeat(30)])('accepts %s', (handle) => {
    expect(handleSchema.safeParse(handle).success).toBe(true);
  });

  it('folds case and trims, so Maya and maya are the same handle', () => {
    expect(handleSchema.parse('  Maya_K ')).toBe('maya_k');
  });

  it.each([
    ['ab', 'at least 3'],
    ['x'.repeat(31), 'at most 30'],
    ['maya-k', 'letters a–z'],
    ['maya k', 'letters a–z'],
    ['mäya', 'letters a–z'],
    ['admin', 'reserved'],
    ['Settings', 'reserved'],
  ])('refuses %s with a message that says why', (handle, why) => {
    const result = handleSchema.safeParse(handle);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(why);
  });
});

describe('emailSchema', () => {
  it('normalises case and whitespace', () => {
    expect(emailSchema.parse(' Maya@Example.ORG ')).toBe('maya@example.org');
  });
  it('refuses what is not an email', () => {
    expect(emailSchema.safeParse('maya@').success).toBe(false);
    expect(emailSchema.safeParse('not an email').success).toBe(false);
  });
});

describe('passwordSchema', () => {
  it('needs at least 10 characters', () => {
    expect(passwordSchema.safeParse('123456789').success).toBe(false);
    expect(passwordSchema.safeParse('1234567890').success).toBe(true);
  });
  it('caps the length so hashing cannot be abused', () => {
    expect(passwordSchema.safeParse('x'.repeat(201)).success).toBe(false);
  });
});

describe('signUpSchema', () => {
  it('reports every field that is wrong', () => {
    const result = signUpSchema.safeParse({ name: '', handle: 'a', email: 'x', password: 'short' });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(['name', 'handle', 'email', 'password']));
  });
});

describe('safeRedirect', () => {
  it('keeps same-site paths, with their query and fragment', () => {
    expect(safeRedirect('/g/ceramics')).toBe('/g/ceramics');
    expect(safeRedirect('/search?q=kilns#top')).toBe('/search?q=kilns#top');
    expect(safeRedirect('/p/%2F%2Fnot-a-host')).toBe('/p/%2F%2Fnot-a-host');
  });

  // The WHATWG URL quirks: each of these is read by a browser as another host.
  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/\t/evil.example/phish',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/.//evil.example',
    '/./\\evil.example',
    'javascript:alert(1)',
    'data:text/html,hi',
    '',
  ])('refuses %j', (target) => {
    expect(safeRedirect(target)).toBe('/feed');
  });

  // Encoded slashes and tabs stay encoded in a path: the browser does not decode them into a host.
  it.each([
    ['/%09/evil.example', '/%09/evil.example'],
    ['/%5C/evil.example', '/%5C/evil.example'],
    ['/%2F/evil.example', '/%2F/evil.example'],
    // Scheme-relative on an https site, another host on an http one: what is returned is the parsed path.
    ['https:evil.example', '/evil.example'],
  ])('keeps %j as a path on this site', (target, path) => {
    expect(safeRedirect(target)).toBe(path);
    expect(new URL(safeRedirect(target), 'https://hearth.example').origin).toBe('https://hearth.example');
  });
});
