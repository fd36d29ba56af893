import { describe, expect, it } from 'vitest';
import { excerptOf, type Digest } from './build';
import { digestDue, nextDigestAt, renderDigestMail } from './send';

const at = (iso: string) => new Date(iso);

describe('when a digest is due (days turn at 03:15 UTC, when the daily job runs)', () => {
  it('daily: on each day’s run after the last one, never twice a day', () => {
    const sub = { frequency: 'daily' as const, lastSentAt: at('2026-12-07T03:15:30Z'), createdAt: at('2026-12-01T10:00:00Z') };
    expect(digestDue(sub, at('2026-12-07T20:00:00Z'))).toBe(false);
    expect(digestDue(sub, at('2026-12-08T03:15:00Z'))).toBe(true);
    // Never sent: from the day after subscribing.
    expect(digestDue({ ...sub, lastSentAt: null, createdAt: at('2026-12-07T10:00:00Z') }, at('2026-12-07T23:00:00Z'))).toBe(false);
    expect(digestDue({ ...sub, lastSentAt: null, createdAt: at('2026-12-07T10:00:00Z') }, at('2026-12-08T03:16:00Z'))).toBe(true);
  });

  it('weekly: on the weekday the person chose it, a week on', () => {
    // Chosen on Tuesday 8 December: due on the run of Tuesday 15 December, not before.
    const sub = { frequency: 'weekly' as const, lastSentAt: null, createdAt: at('2026-12-08T10:00:00Z') };
    expect(digestDue(sub, at('2026-12-14T03:15:00Z'))).toBe(false);
    expect(digestDue(sub, at('2026-12-15T03:15:00Z'))).toBe(true);
    expect(nextDigestAt(sub).toISOString()).toBe('2026-12-15T03:15:00.000Z');
    expect(digestDue({ ...sub, lastSentAt: at('2026-12-15T03:15:10Z') }, at('2026-12-21T03:15:00Z'))).toBe(false);
    expect(digestDue({ ...sub, lastSentAt: at('2026-12-15T03:15:10Z') }, at('2026-12-22T03:15:00Z'))).toBe(true);
  });
});

describe('the mail', () => {
  const digest: Digest = {
    since: at('2026-12-03T18:00:00Z'),
    order: 'for_you',
    note: null,
    items: [
      { postId: 'p1', excerpt: 'A new bowl', author: { name: 'Sam', handle: 'sam' }, group: { name: 'Ceramics Circle', slug: 'ceramics' }, createdAt: at('2026-12-04T10:00:00Z'), reasons: ['Because you follow #ceramics', 'From Ceramics Circle'] },
      { postId: 'p2', excerpt: 'Moss', author: { name: 'Ana', handle: 'ana' }, group: null, createdAt: at('2026-12-04T09:00:00Z'), reasons: [] },
    ],
  };
  const mail = renderDigestMail(digest, { siteName: 'Hearth', origin: 'https://hearth.example/', name: 'Maya', frequency: 'weekly' });

  it('names the count and the site, shows each reason, and puts every link on its own line', () => {
    expect(mail.subject).toBe('Hearth: 2 new posts since you were last here');
    expect(mail.body).toContain('Since you were last here (Thursday 3 December)');
    expect(mail.body).toContain('1. A new bowl\n   by Sam (@sam) in Ceramics Circle\n   Why: Because you follow #ceramics · From Ceramics Circle\n   https://hearth.example/p/p1');
    expect(mail.body).toContain('2. Moss\n   by Ana (@ana)\n   https://hearth.example/p/p2');
    expect(mail.body).toMatch(/^https:\/\/hearth\.example\/feed$/m);
    expect(mail.body.trimEnd().split('\n').at(-1)).toBe('Stop these emails: https://hearth.example/settings/digest');
  });

  it('says when the order is the non-profiling one, and why the ranking is held back', () => {
    const chrono = renderDigestMail({ ...digest, order: 'chronological' }, { siteName: 'Hearth', origin: 'https://h.example', name: 'Maya', frequency: 'daily' });
    expect(chrono.body).toContain('newest first: you chose the chronological feed, which uses no personal signals');
    const paused = renderDigestMail({ ...digest, note: 'Your history is paused, so these are ranked only by whom and what you follow and chose.' }, { siteName: 'Hearth', origin: 'https://h.example', name: 'Maya', frequency: 'daily' });
    expect(paused.body).toContain('Your history is paused');
  });

  it('excerpts read as text: markdown marks and links reduced, cut at a word', () => {
    expect(excerptOf('# Big **news** with [a link](https://x.example) and `code`')).toBe('Big news with a link and code');
    const long = excerptOf('word '.repeat(60), 30);
    expect(long.endsWith('word…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(31);
  });
});
