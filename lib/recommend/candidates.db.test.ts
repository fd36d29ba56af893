// The features gathered for each candidate count what belongs to that post: its comments, and the reactions of
// people the reader follows (a bare "id" in a subquery once meant the comment's or the user's own id).
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { comments, follows, posts, reactions, users } from '@/db/schema';
import { gatherCandidates, loadRankContext } from './candidates';
import { personalizationOf } from './profile';

async function person(handle: string) {
  const [u] = await db.insert(users).values({ name: handle, email: `${handle}@example.org`, handle }).returning();
  return u!;
}

describe('candidate features', () => {
  it('counts the comments on the post and names followed people who reacted', async () => {
    const reader = await person('cf_reader');
    const friend = await person('cf_friend');
    const author = await person('cf_author');
    await db.insert(follows).values([{ followerId: reader.id, followeeId: friend.id }, { followerId: reader.id, followeeId: author.id }]);
    const [p] = await db.insert(posts).values({ authorId: author.id, body: 'Raku firing', createdAt: new Date(Date.now() - 3_600_000) }).returning();
    await db.insert(comments).values([{ postId: p!.id, authorId: friend.id, body: 'Lovely' }, { postId: p!.id, authorId: author.id, body: 'Thanks' }]);
    await db.insert(reactions).values({ postId: p!.id, userId: friend.id, emoji: '❤️' });
    const now = new Date();
    const personalization = await personalizationOf(db, reader.id, now);
    const context = await loadRankContext(db, reader.id, personalization, now);
    const found = (await gatherCandidates(db, reader.id, context, personalization)).find((c) => c.postId === p!.id)!;
    expect(found.sources).toContain('following');
    expect(found.comments).toBe(2);
    expect(found.reactions).toBe(1);
    expect(found.likedByFollowed).toEqual(['cf_friend']);
  });
});
