// The benchmark community is the same every time, has the size its scale promises, and is skewed like a real one.
import { describe, expect, it } from 'vitest';
import { generateCommunity, scales, type Value } from './generate';

const now = new Date('2026-03-01T00:00:00Z');
const rowsOf = (table: string, c = generateCommunity('tiny', { now, passwordHash: 'h' })) => [...c.tables.find((t) => t.table === table)!.rows] as Value[][];

describe('benchmark community', () => {
  it('is deterministic: two generations give the same rows', () => {
    const a = generateCommunity('tiny', { now, passwordHash: 'h' });
    const b = generateCommunity('tiny', { now, passwordHash: 'h' });
    for (const t of a.tables) expect(JSON.stringify([...t.rows]), t.table).toBe(JSON.stringify([...b.tables.find((x) => x.table === t.table)!.rows]));
    const other = generateCommunity('tiny', { now, passwordHash: 'h', seed: 9 });
    expect(JSON.stringify(rowsOf('posts', other))).not.toBe(JSON.stringify(rowsOf('posts', a)));
  });

  it('has the rows its scale promises, unique where the schema says so, all in the past', () => {
    const s = scales.tiny;
    expect(rowsOf('users')).toHaveLength(s.people);
    expect(rowsOf('posts')).toHaveLength(s.posts);
    expect(rowsOf('comments')).toHaveLength(s.comments);
    expect(rowsOf('activity_signals')).toHaveLength(s.signals);
    const reactions = rowsOf('reactions');
    expect(reactions).toHaveLength(s.reactions);
    expect(new Set(reactions.map((r) => `${r[0]}|${r[1]}|${r[2]}`)).size).toBe(reactions.length);
    const follows = rowsOf('follows');
    expect(new Set(follows.map((f) => `${f[0]}|${f[1]}`)).size).toBe(follows.length);
    expect(follows.every((f) => f[0] !== f[1])).toBe(true);
    for (const r of [...rowsOf('posts'), ...reactions]) expect((r.at(-1) as Date).getTime()).toBeLessThan(now.getTime());
  });

  it('is skewed: the busiest tenth of people write far more than a tenth of the posts', () => {
    const posts = rowsOf('posts');
    const byAuthor = new Map<string, number>();
    for (const p of posts) byAuthor.set(p[1] as string, (byAuthor.get(p[1] as string) ?? 0) + 1);
    const counts = [...byAuthor.values()].sort((a, b) => b - a);
    const top = counts.slice(0, Math.ceil(scales.tiny.people / 10)).reduce((s, n) => s + n, 0);
    expect(top / posts.length).toBeGreaterThan(0.3);
  });
});
