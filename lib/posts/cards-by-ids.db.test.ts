// getPostsByIds (For you, search and Discover ask for cards by id) runs a statement built once with placeholders
// (db/prepared.ts); it must answer exactly as the general card query does, for whoever asks, every time.
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bookmarks, posts, reactions, userBlocks } from '@/db/schema';
import { createGroupRecords } from '@/lib/groups/setup';
import { newPerson } from '@/test/people';
import { getPost, getPostsByIds } from './queries';

describe('getPostsByIds', () => {
  it('answers as getPost does for each viewer, in the order asked, leaving out what the viewer may not see', async () => {
    const [ana, ben, cy] = await Promise.all([newPerson('Ana'), newPerson('Ben'), newPerson('Cy')]);
    const suffix = Date.now().toString(36);
    const group = (slug: string, visibility: 'public' | 'invite') =>
      db.transaction(async (tx) => (await createGroupRecords(tx, { name: slug, slug: `${slug}-${suffix}`, description: '', topic: 'testing', visibility }, ana.id)).group);
    const open = await group('open', 'public');
    const closed = await group('closed', 'invite');
    const made = await db
      .insert(posts)
      .values([
        { authorId: ana.id, body: 'on a profile', bodyHtml: '<p>on a profile</p>' },
        { authorId: ana.id, groupId: open.id, body: 'in the open group', bodyHtml: '<p>in the open group</p>' },
        { authorId: ana.id, groupId: closed.id, body: 'in the closed group', bodyHtml: '<p>in the closed group</p>' },
        { authorId: cy.id, body: 'by someone ben blocked', bodyHtml: '<p>by someone ben blocked</p>' },
      ])
      .returning();
    await db.insert(userBlocks).values({ blockerId: ben.id, blockedId: cy.id });
    await db.insert(reactions).values({ postId: made[1].id, userId: ben.id, emoji: '🎉' });
    await db.insert(bookmarks).values({ postId: made[0].id, userId: ben.id });
    const ids = [...made].reverse().map((p) => p.id);

    for (const viewer of [ana, ben, cy]) {
      // Twice: the first run builds the statement, the second reuses it and must answer the same.
      for (let run = 0; run < 2; run++) {
        const expected = (await Promise.all(ids.map((id) => getPost(viewer, id)))).filter((p) => p !== null);
        expect(await getPostsByIds(viewer, ids)).toEqual(expected);
      }
    }
    const asBen = await getPostsByIds(ben, ids);
    expect(asBen.map((p) => p.body)).toEqual(['in the open group', 'on a profile']);
    expect(asBen[0].viewerReactions).toEqual(['🎉']);
    expect(asBen[0].viewerIsMember).toBe(false);
    expect(asBen[1].bookmarked).toBe(true);
    expect((await getPostsByIds(ana, ids)).map((p) => p.body)).toEqual(['by someone ben blocked', 'in the closed group', 'in the open group', 'on a profile']);
    expect((await getPostsByIds(ana, ids)).map((p) => p.viewerIsMember)).toEqual([false, true, true, false]);
    expect((await getPostsByIds(cy, [made[3].id, made[2].id])).map((p) => p.body)).toEqual(['by someone ben blocked']);
    expect(await getPostsByIds(cy, [])).toEqual([]);
    // Signed out: what is open to everyone (profiles without a profile row are not), by the general query.
    const signedOut = await getPostsByIds(null, ids);
    expect(signedOut.map((p) => p.body)).toEqual(['in the open group']);
    expect(signedOut).toEqual((await Promise.all(ids.map((id) => getPost(null, id)))).filter((p) => p !== null));
  });
});
