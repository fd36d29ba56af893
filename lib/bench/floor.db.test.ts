// The benchmark floor page: absent unless HEARTH_BENCH=1, and its one query reads only the viewer's own rows.
import { afterEach, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { db } from '@/db/client';
import { userSessions, users } from '@/db/schema';
import { benchEnabled, floorReading } from './floor';

afterEach(() => {
  env.HEARTH_BENCH = undefined;
});

describe('benchmark floor', () => {
  it('exists only when HEARTH_BENCH=1', () => {
    expect(benchEnabled()).toBe(false);
    env.HEARTH_BENCH = '0';
    expect(benchEnabled()).toBe(false);
    env.HEARTH_BENCH = '1';
    expect(benchEnabled()).toBe(true);
  });

  it("counts the viewer's own sessions, nobody else's", async () => {
    const [a, b] = await db
      .insert(users)
      .values([
        { name: 'Ada', email: 'floor-a@example.org', handle: 'floor_a' },
        { name: 'Bo', email: 'floor-b@example.org', handle: 'floor_b' },
      ])
      .returning();
    await db.insert(userSessions).values([
      { userId: a!.id, device: 'Firefox on Linux' },
      { userId: a!.id, device: 'Safari on iOS' },
      { userId: b!.id, device: 'Chrome on Android' },
    ]);
    expect(await floorReading({ id: a!.id, handle: 'floor_a', name: 'Ada', image: null })).toBe(2);
    expect(await floorReading({ id: b!.id, handle: 'floor_b', name: 'Bo', image: null })).toBe(1);
  });
});
