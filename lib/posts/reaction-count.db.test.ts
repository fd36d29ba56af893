// posts.reaction_count, reaction_counts and comment_count are kept by triggers (migrations 0009 and 0011): they must
// equal the real counts after reacting, un-reacting, bulk inserts, moderation and a cascading delete of a person, or
// For you would misrank and cards would show wrong numbers.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { comments, posts, reactions, users } from '@/db/schema';
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
      where p.reaction_count <> (select count(*) from reactions r where r.post_id = p.id)
        or p.reaction_counts <> coalesce((select jsonb_object_agg(x.emoji, x.n) from (select r.emoji, count(*)::int as n from reactions r where r.post_id = p.id group by r.emoji) x), '{}'::jsonb)
        or p.comment_count <> (select count(*) from comments c where c.post_id = p.id and c.removed_at is null)`),
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

    const perEmoji = async () => (await db.select({ r: posts.reactionCounts }).from(posts).where(eq(posts.id, post!.id)))[0]!.r;
    expect(await perEmoji()).toEqual({ '❤️': 1, '👍': 2, '🙏': 2 });

    await db.delete(users).where(eq(users.id, fans[1]!.id)); // erasure cascades to their reactions
    expect(await count()).toBe(3);
    expect(await perEmoji()).toEqual({ '❤️': 1, '👍': 1, '🙏': 1 });
    expect(await drift()).toEqual([]);
  });

  it('posts.comment_count follows comments through inserts, moderation, deletion and erasure', async () => {
    const author = await person('cc_author');
    const talkers = await Promise.all([1, 2].map((i) => person(`cc_talker_${i}`)));
    const [post] = await db.insert(posts).values({ authorId: author.id, body: 'Comment on this' }).returning();
    const count = async () => (await db.select({ n: posts.commentCount }).from(posts).where(eq(posts.id, post!.id)))[0]!.n;
    const made = await db
      .insert(comments)
      .values(talkers.flatMap((t) => [1, 2].map((i) => ({ postId: post!.id, authorId: t.id, body: `Comment ${i} by ${t.handle}` }))))
      .returning();
    expect(await count()).toBe(4);
    await db.update(comments).set({ removedAt: new Date() }).where(eq(comments.id, made[0]!.id)); // a moderator removes one
    expect(await count()).toBe(3);
    await db.update(comments).set({ removedAt: null }).where(eq(comments.id, made[0]!.id)); // and restores it
    expect(await count()).toBe(4);
    await db.delete(comments).where(eq(comments.id, made[1]!.id));
    expect(await count()).toBe(3);
    await db.delete(users).where(eq(users.id, talkers[1]!.id)); // erasure cascades to their comments
    expect(await count()).toBe(1);
    expect(await drift()).toEqual([]);
  });
});
