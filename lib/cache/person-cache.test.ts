import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { validatedActionWithUser } from '@/lib/action-state';
import { actAs } from '@/test/actions';
import { cachedForPerson, forgetPerson } from './person-cache';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
// The hook also marks the person's For you list out of date; here that is only observed (the db suite covers it), so
// this unit test opens no database (opening one made it time out on a busy machine).
const forgetForYou = vi.hoisted(() => vi.fn(async () => {}));
vi.mock('@/lib/recommend/for-you-list', () => ({ forgetForYou }));

describe('person cache', () => {
  it('computes once within the TTL, per person; after it serves the old value once while computing the next', async () => {
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cachedForPerson('ada', 'k', compute, 1_000)).toBe(1);
    expect(await cachedForPerson('ada', 'k', compute, 2_000)).toBe(1);
    expect(await cachedForPerson('bo', 'k', compute, 2_000)).toBe(2);
    // Past the TTL: the old value, and one refresh behind it (not two).
    const later = 1_000 + 5 * 60_000;
    const [first, second] = [cachedForPerson('ada', 'k', compute, later), cachedForPerson('ada', 'k', compute, later + 1)];
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(3);
    expect(await cachedForPerson('ada', 'k', compute, later + 2)).toBe(3);
    // Far past it (30 minutes): computed while the caller waits.
    expect(await cachedForPerson('ada', 'k', compute, later + 31 * 60_000)).toBe(4);
  });

  it('forgets a person (only that person) and never keeps a failure', async () => {
    let runs = 0;
    const compute = async () => ++runs;
    await cachedForPerson('cy', 'k', compute);
    await cachedForPerson('di', 'k', compute);
    forgetPerson('cy');
    expect(await cachedForPerson('cy', 'k', compute)).toBe(3);
    expect(await cachedForPerson('di', 'k', compute)).toBe(2);
    await expect(cachedForPerson('ed', 'k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cachedForPerson('ed', 'k', compute)).toBe(4);
  });

  it("is forgotten after any of the person's Server Actions, even a refused one", async () => {
    let runs = 0;
    const compute = async () => ++runs;
    await cachedForPerson('fay', 'k', compute);
    actAs({ id: 'fay', handle: 'fay', name: 'Fay', image: null });
    const action = validatedActionWithUser(z.object({ n: z.coerce.number().min(1) }), async () => ({ success: 'ok' }));
    await action({}, new FormData());
    expect(await cachedForPerson('fay', 'k', compute)).toBe(2);
    expect(forgetForYou).toHaveBeenCalledWith(expect.anything(), 'fay');
  });
});
