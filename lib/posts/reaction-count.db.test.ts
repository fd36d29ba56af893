// posts.reaction_count is kept by triggers on reactions (migration 0007): it must equal the real count after
// reacting, un-reacting, bulk inserts and a cascading delete of a person, or For you's exploration would misrank.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { posts, reactions, users } from '@/db/schema';
import { actAs, call } from '@/test/actions';
import { toggleReactionAction } from './actions';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

async function person(handle: string) {
  const [u] = await db.insert(users).values({ name: handle, email: `${handle}@example.org`, handle }).returning();
  return { id: u!.id, handle, name: handle, image: null };
}

async function drift() {
  return rowsOf<{ id: string; stored: number; real: number }>(
    await db.execute(sql`select p.id, p.reaction_count as stored, (select count(*)::int from reactions r where r.post_id = p.id) as real from posts p
      where p.reaction_count <> (select count(*) from reactions r where r.post_id = p.id)`),
  );
}

describe('posts.reaction_count', () => {
  it('follows reactions through the action, bulk inserts and erasure', async () => {
    const author = await person('rc_author');
    const fans = await Promise.all([1, 2, 3].map((i) => person(`rc_fan_${i}`)));
    const [post] = await db.insert(posts).values({ authorId: author.id, body: 'A glaze test' }).returning();
    const count = async () => (await db.select({ n: posts.reactionCount }).from(posts).where(eq(posts.id, post!.id)))[0]!.n;

    actAs(fans[0]!);
    expect((await call(toggleReactionAction, { postId: post!.id, emoji: '❤️' })).error).toBeUndefined();
    expect((await call(toggleReactionAction, { postId: post!.id, emoji: '🎉' })).error).toBeUndefined();
    expect(await count()).toBe(2);
    expect((await call(toggleReactionAction, { postId: post!.id, emoji: '🎉' })).error).toBeUndefined();
    expect(await count()).toBe(1);

    await db.insert(reactions).values(fans.slice(1).flatMap((f) => [{ postId: post!.id, userId: f.id, emoji: '👍' }, { postId: post!.id, userId: f.id, emoji: '🙏' }]));
    expect(await count()).toBe(5);

    await db.delete(users).where(eq(users.id, fans[1]!.id)); // erasure cascades to their reactions
    expect(await count()).toBe(3);
    expect(await drift()).toEqual([]);
  });
});
