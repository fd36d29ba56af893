// Each column of a group's summary (the directory, a group page's header) against real rows: counts and the
// viewer's status. A subquery that names the group as a bare "id" reads its own table and gets them wrong (issue 18).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { groupBans, groupJoinRequests, groupMembers, groups, posts } from '@/db/schema';
import { getGroupPage, listGroups } from './queries';
import { newPerson } from '@/test/people';

let n = 0;
const person = newPerson;

async function group(visibility: 'public' | 'request' | 'invite') {
  const slug = `summary-${++n}-${Math.random().toString(36).slice(2, 6)}`;
  const [g] = await db.insert(groups).values({ slug, name: `Summary ${slug}`, topic: `summaries-${n}`, visibility }).returning();
  return g;
}

describe('group summaries', () => {
  it('count the members and the posts not removed, per group', async () => {
    const [a, b] = [await group('public'), await group('request')];
    const people = await Promise.all(['Ana', 'Ben', 'Cal'].map(person));
    await db.insert(groupMembers).values([...people.map((p) => ({ groupId: a.id, userId: p.id })), { groupId: b.id, userId: people[0].id }]);
    // Posts ids and group ids are both uuids: with a bare "id" the count compares a post's id to its group id.
    await db.insert(posts).values([
      { authorId: people[0].id, groupId: a.id, body: 'one' },
      { authorId: people[1].id, groupId: a.id, body: 'two' },
      { authorId: people[2].id, groupId: a.id, body: 'removed', removedAt: new Date() },
      { authorId: people[0].id, groupId: b.id, body: 'three' },
    ]);
    const viewer = await person('Viewer');
    const listed = new Map((await listGroups(viewer)).map((g) => [g.id, g]));
    expect(listed.get(a.id)).toMatchObject({ memberCount: 3, postCount: 2, viewerStatus: null });
    expect(listed.get(b.id)).toMatchObject({ memberCount: 1, postCount: 1, viewerStatus: null });
    const page = await getGroupPage(viewer, a.slug);
    expect(page?.summary).toMatchObject({ memberCount: 3, postCount: 2 });
  });

  it('say whether the viewer is a member, has asked to join, or is banned', async () => {
    const [open, asking, banned] = [await group('public'), await group('request'), await group('public')];
    const viewer = await person('Asker');
    await db.insert(groupMembers).values({ groupId: open.id, userId: viewer.id });
    await db.insert(groupJoinRequests).values({ groupId: asking.id, userId: viewer.id });
    await db.insert(groupBans).values({ groupId: banned.id, userId: viewer.id, reason: 'spam' });
    const status = new Map((await listGroups(viewer)).map((g) => [g.id, g.viewerStatus]));
    expect([status.get(open.id), status.get(asking.id), status.get(banned.id)]).toEqual(['member', 'pending', 'banned']);
    // A decided request is no longer pending.
    await db.update(groupJoinRequests).set({ status: 'denied' }).where(eq(groupJoinRequests.groupId, asking.id));
    expect((await listGroups(viewer)).find((g) => g.id === asking.id)?.viewerStatus).toBeNull();
  });
});
