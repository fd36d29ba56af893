// What an action makes stale is declared by the action and applied only when it succeeded: a refusal, a validation
// failure or a thrown error forgets nothing, a success forgets exactly what it declares — and a reaction, which
// declares nothing, never re-ranks the For you list the person is reading.
import { eq, sql } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { db, rowsOf } from '@/db/client';
import { posts, users } from '@/db/schema';
import { createAccount } from '@/lib/auth/users';
import { actAs, call } from '@/test/actions';
import { validatedActionWithUser } from './action-state';
import { followPersonAction, toggleReactionAction } from './posts/actions';
import { muteAction, showNewPostsAction } from './recommend/actions';
import { createGoalAction, deleteGoalAction } from './milestones/actions';
import { rememberTimeZoneAction } from './profiles/actions';
import { goals } from '@/db/schema';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

type Person = { id: string; handle: string; name: string; image: null };
let ana: Person;
let ben: Person;
let postId: string;

async function person(handle: string): Promise<Person> {
  const created = await createAccount(db, { name: handle, handle, email: `${handle}@example.org`, password: 'a long enough password' });
  if (!created.ok) throw new Error(created.message);
  return { id: created.userId, handle, name: handle, image: null };
}

/** The two versions an action can bump: the person cache's (users.cache_version) and the For you list's. */
async function versions(userId: string) {
  const [user] = await db.select({ v: users.cacheVersion }).from(users).where(eq(users.id, userId));
  const [list] = rowsOf<{ v: number }>(await db.execute(sql`select coalesce((select version from for_you_lists where user_id = ${userId}), 0) as v`));
  return { personCache: Number(user!.v), forYou: Number(list!.v) };
}

/** Runs fn and says which versions of the person it bumped. */
async function bumpedBy(userId: string, fn: () => Promise<unknown>) {
  const before = await versions(userId);
  await fn().catch(() => {});
  const after = await versions(userId);
  return { personCache: after.personCache - before.personCache, forYou: after.forYou - before.forYou };
}

beforeAll(async () => {
  ana = await person('ana_inval');
  ben = await person('ben_inval');
  [{ id: postId }] = await db.insert(posts).values({ authorId: ben.id, body: 'Morning light over the river' }).returning({ id: posts.id });
});

describe('what an action makes stale', () => {
  it('a refused action forgets nothing, though it declares both', async () => {
    actAs(ana);
    const refused = await bumpedBy(ana.id, async () => expect((await call(muteAction, { kind: 'user', target: ana.id })).error).toMatch(/mute yourself/));
    expect(refused).toEqual({ personCache: 0, forYou: 0 });
    const invalid = await bumpedBy(ana.id, async () => expect((await call(muteAction, { kind: 'word', target: 'x' })).error).toBeTruthy());
    expect(invalid).toEqual({ personCache: 0, forYou: 0 });
  });

  it('a successful action forgets exactly what it declares', async () => {
    actAs(ana);
    const muted = await bumpedBy(ana.id, async () => expect((await call(muteAction, { kind: 'user', target: ben.id })).success).toMatch(/Muted/));
    expect(muted).toEqual({ personCache: 1, forYou: 1 });
    const followed = await bumpedBy(ana.id, async () => expect((await call(followPersonAction, { userId: ben.id, on: 'true' })).success).toMatch(/Following/));
    expect(followed).toEqual({ personCache: 1, forYou: 0 });
    const refreshed = await bumpedBy(ana.id, async () => expect((await call(showNewPostsAction, {})).success).toBeTruthy());
    expect(refreshed).toEqual({ personCache: 0, forYou: 1 });
  });

  it('a reaction declares nothing: the For you list being read is not re-ranked, and nothing else is forgotten', async () => {
    actAs(ana);
    const reacted = await bumpedBy(ana.id, async () => expect((await call(toggleReactionAction, { postId, emoji: '❤️' })).success).toBe('Reacted.'));
    expect(reacted).toEqual({ personCache: 0, forYou: 0 });
  });

  it('what the feed keeps per person is forgotten when the person changes it: their goals, the time zone it greets in', async () => {
    actAs(ben);
    const set = await bumpedBy(ben.id, async () => expect((await call(createGoalAction, { kind: 'posts', target: '3', period: 'week' })).success).toMatch(/Goal set/));
    expect(set).toEqual({ personCache: 1, forYou: 0 });
    const [goal] = await db.select({ id: goals.id }).from(goals).where(eq(goals.userId, ben.id));
    const removed = await bumpedBy(ben.id, async () => expect((await call(deleteGoalAction, { goalId: goal!.id })).success).toBe('Goal removed.'));
    expect(removed).toEqual({ personCache: 1, forYou: 0 });
    const zone = await bumpedBy(ben.id, async () => expect((await call(rememberTimeZoneAction, { timeZone: 'Europe/Lisbon' })).success).toBe('ok'));
    expect(zone).toEqual({ personCache: 1, forYou: 0 });
  });

  it('a thrown error forgets nothing; a redirect (an action that succeeded and moves on) forgets what it declares', async () => {
    actAs(ana);
    const failing = validatedActionWithUser(z.object({}), async () => {
      throw new Error('a bug');
    }, { invalidates: ['personCache', 'forYou'] });
    expect(await bumpedBy(ana.id, () => call(failing, {}))).toEqual({ personCache: 0, forYou: 0 });
    const moving = validatedActionWithUser(z.object({}), async () => redirect('/feed'), { invalidates: ['forYou'] });
    await expect(call(moving, {})).rejects.toThrow('NEXT_REDIRECT');
    expect(await bumpedBy(ana.id, () => call(moving, {}))).toEqual({ personCache: 0, forYou: 1 });
  });

  it('an action that declares nothing forgets nothing, even when it succeeds', async () => {
    actAs(ana);
    const quiet = validatedActionWithUser(z.object({}), async () => ({ success: 'Done.' }));
    expect(await bumpedBy(ana.id, () => call(quiet, {}))).toEqual({ personCache: 0, forYou: 0 });
  });
});
