import { describe, expect, it } from 'vitest';
import { milestoneRules, rulesReached, rulesUpTo } from './rules';

describe('milestone rules', () => {
  it('have unique keys and a title and message each', () => {
    expect(new Set(milestoneRules.map((r) => r.key)).size).toBe(milestoneRules.length);
    for (const r of milestoneRules) {
      expect(r.title.length).toBeGreaterThan(3);
      expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['post', 1, ['first_post']],
    ['post', 10, ['post_10']],
    ['post', 11, []],
    ['post', 1000, ['post_1000']],
    ['comment', 1, ['first_comment']],
    ['reaction_received', 100, ['reaction_received_100']],
    ['group_joined', 1, ['first_group_joined']],
    ['group_joined', 2, []],
  ] as const)('%s count %i reaches %j', (event, n, keys) => {
    expect(rulesReached(event, n).map((r) => r.key)).toEqual(keys);
  });

  it('catches up on every rule at or below a count', () => {
    expect(rulesUpTo('post', 150).map((r) => r.key)).toEqual(['first_post', 'post_10', 'post_100']);
    expect(rulesUpTo('post', 0)).toEqual([]);
  });
});
