import { describe, expect, it } from 'vitest';
import { signalWeights } from '@/lib/recommend/weights';
import { confidenceOf, howItWorks, signalsSentence, signalTotal } from './interests';

describe('interest profile words', () => {
  it('says which signals fed a topic, in plain words', () => {
    expect(signalsSentence({ reaction: 12, view: 30 }, 'ceramics')).toBe('from 12 reactions and 30 views in #ceramics');
    expect(signalsSentence({ view: 1 }, 'glaze')).toBe('from 1 view in #glaze');
    expect(signalsSentence({ post: 1, comment: 2, open: 0, view: 3 }, 'kilns')).toBe('from 1 post, 2 comments and 3 views in #kilns');
    expect(signalsSentence({}, 'raku')).toBe('no signals in #raku yet');
  });

  it('grows confidence with the number of signals', () => {
    expect(confidenceOf({})).toBe('none');
    expect(confidenceOf({ view: 4 })).toBe('low');
    expect(confidenceOf({ view: 4, reaction: 1 })).toBe('medium');
    expect(confidenceOf({ view: 19, open: 1 })).toBe('high');
    expect(signalTotal({ view: 2, bogus: Number.NaN, open: -1 })).toBe(2);
  });

  it('explains the weights that weights.ts really uses', () => {
    const [first] = howItWorks;
    for (const [kind, label] of [['post', 'writing'], ['comment', 'commenting'], ['reaction', 'reacting or saving'], ['open', 'opening'], ['view', 'looking']] as const) {
      expect(first).toContain(`${label} ${signalWeights[kind]}`);
    }
    expect(signalWeights.bookmark).toBe(signalWeights.reaction);
  });
});
