import { describe, expect, it } from 'vitest';
import { renderWelcome } from './groups/welcome';
import { renderTemplate } from './milestones/templates';
import { fillTemplate } from './template';

describe('the one template engine', () => {
  it('fills only the placeholders it is given, once, and formats numbers', () => {
    expect(fillTemplate('{a} and {b}, {c} {unknown}', ['a', 'b', 'c'], { a: '{b}', b: 1234 })).toBe('{b} and 1,234, {c} {unknown}');
  });
  it('fills welcome messages and thank-you templates alike (a name that looks like a placeholder stays text)', () => {
    expect(renderWelcome('Hi {name}, one of {memberCount} in {group}', { name: '{group}', group: 'Kilns', memberCount: 1200 })).toBe('Hi {group}, one of 1,200 in Kilns');
    expect(renderTemplate('Thanks {name} in {group} ({memberCount})', { name: '{group}', group: 'Kilns' })).toBe('Thanks {group} in Kilns ({memberCount})');
  });
  it('leaves markup in values as text for React to escape', () => {
    expect(renderWelcome('Hi {name}', { name: '<img src=x onerror=alert(1)>', group: 'g', memberCount: 1 })).toBe('Hi <img src=x onerror=alert(1)>');
  });
});
