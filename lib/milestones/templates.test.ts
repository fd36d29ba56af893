import { describe, expect, it } from 'vitest';
import { builtinThankableKinds, ordinal, renderTemplate, unknownPlaceholders } from './templates';

describe('thank-you templates', () => {
  it('fills every placeholder, numbers in words people read', () => {
    expect(renderTemplate('Thanks {name} for your {nth} post in {group}! That is {count}. ({milestone})', { name: 'Ana', count: 1000, nth: ordinal(1000), group: 'Night Owls', milestone: '1,000 posts' })).toBe(
      'Thanks Ana for your 1,000th post in Night Owls! That is 1,000. (1,000 posts)',
    );
  });

  it('fills in one pass: a value that looks like a placeholder stays as typed', () => {
    expect(renderTemplate('Hi {name}, welcome to {group}', { name: '{group}', group: 'Kilns' })).toBe('Hi {group}, welcome to Kilns');
  });

  it('returns plain text and leaves markup in user text untouched for React to escape', () => {
    const out = renderTemplate('Thanks {name}!', { name: '<img src=x onerror=alert(1)>' });
    expect(out).toBe('Thanks <img src=x onerror=alert(1)>!');
    // Rendered as a text node, the markup is shown, not parsed (what React does with a string child).
    expect(out.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)).not.toContain('<img');
  });

  it('leaves an unfilled placeholder visible rather than guessing', () => {
    expect(renderTemplate('Thanks {name} in {group}', { name: 'Ana' })).toBe('Thanks Ana in {group}');
  });

  it('finds unknown placeholders', () => {
    expect(unknownPlaceholders('Thanks {nmae} for {count} {x y} {}')).toEqual(['nmae']);
    expect(unknownPlaceholders('Thanks {name} for your {nth} post')).toEqual([]);
  });

  it('writes ordinals in English', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 100, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '100th', '101st', '111th']);
  });

  it('offers every built-in rule and the anniversaries for thanks', () => {
    const keys = builtinThankableKinds.map((k) => k.key);
    expect(keys).toContain('first_post');
    expect(keys).toContain('post_100');
    expect(keys).toContain('membership_1');
    expect(new Set(keys).size).toBe(keys.length);
  });
});
