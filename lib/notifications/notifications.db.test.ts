// Notifications and milestones through the Server Actions that cause them.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { channels, comments, follows, groupMemberRoles, groupMembers, milestones, notificationPreferences, notifications, posts, userBlocks, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import * as groupActions from '@/lib/groups/actions';
import { createGroupRecords } from '@/lib/groups/setup';
import * as postActions from '@/lib/posts/actions';
import { actAs, call } from '@/test/actions';
import { databaseFingerprint, expectAllowed, expectRefused, routeAnswer } from '@/test/proofs';
import { GET } from '@/app/api/notifications/unread/route';
import { notificationText } from '@/components/notifications/notification-text';
import { markAllReadAction, markReadAction, savePreferencesAction } from './actions';
import { listNotifications, unreadCount } from './queries';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

let n = 0;
async function person(name: string): Promise<Viewer> {
  const handle = `${name.toLowerCase()}_${++n}${Math.random().toString(36).slice(2, 6)}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  return { id: u.id, handle: u.handle, name, image: null };
}

async function inbox(viewer: Viewer) {
  return db.select().from(notifications).where(eq(notifications.userId, viewer.id));
}

let ana: Viewer, ben: Viewer, cleo: Viewer, dev: Viewer;
let groupId: string, channelId: string;

beforeAll(async () => {
  [ana, ben, cleo, dev] = await Promise.all([person('Ana'), person('Ben'), person('Cleo'), person('Dev')]);
  [groupId, channelId] = await db.transaction(async (tx) => {
    const { group, roles } = await createGroupRecords(tx, { name: 'Wheel', slug: `wheel-${Date.now()}`, description: '', topic: 'ceramics', visibility: 'request' }, ana.id);
    await tx.insert(groupMembers).values([ben, cleo].map((p) => ({ groupId: group.id, userId: p.id })));
    await tx.insert(groupMemberRoles).values({ groupId: group.id, userId: ben.id, roleId: roles.find((r) => r.builtin === 'moderator')!.id });
    const [general] = await tx.select().from(channels).where(and(eq(channels.groupId, group.id), eq(channels.name, 'general')));
    return [group.id, general.id];
  });
});

async function post(viewer: Viewer, body: string) {
  actAs(viewer);
  expect((await call(postActions.createPostAction, { groupId, channelId, body, tags: '' })).error).toBeUndefined();
  const [row] = await db.select().from(posts).where(and(eq(posts.authorId, viewer.id), eq(posts.body, body)));
  return row;
}

describe('notifications', () => {
  it('tells the author about a comment, never about their own', async () => {
    const p = await post(ana, 'Centering tips?');
    actAs(ana);
    await call(postActions.createCommentAction, { postId: p.id, body: 'Answering myself' });
    expect((await inbox(ana)).filter((x) => x.kind === 'reply')).toHaveLength(0);
    actAs(cleo);
    await call(postActions.createCommentAction, { postId: p.id, body: 'Wet your hands more' });
    const replies = (await inbox(ana)).filter((x) => x.kind === 'reply');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ actorId: cleo.id, link: `/p/${p.id}`, data: { excerpt: 'Wet your hands more' } });
  });

  it('a deleted comment takes the notifications quoting it — and its replies’ — out of every inbox', async () => {
    const p = await post(ana, 'Trimming feet on a chuck?');
    actAs(ben);
    await call(postActions.createCommentAction, { postId: p.id, body: 'Ochrebanter: use a chuck' });
    const [bens] = await db.select().from(comments).where(and(eq(comments.postId, p.id), eq(comments.authorId, ben.id)));
    actAs(cleo);
    await call(postActions.createCommentAction, { postId: p.id, parentId: bens.id, body: 'Ochrebanter seconded' });
    actAs(ben);
    await call(postActions.createCommentAction, { postId: p.id, body: 'Ochrebanter: or a tap-centred bat' });
    const quoting = async () => (await db.select().from(notifications).where(eq(notifications.subjectId, p.id))).map((x) => `${x.userId === ana.id ? 'ana' : 'ben'}: ${x.data.excerpt}`).sort();
    expect(await quoting()).toEqual(['ana: Ochrebanter seconded', 'ana: Ochrebanter: or a tap-centred bat', 'ana: Ochrebanter: use a chuck', 'ben: Ochrebanter seconded']);
    // Written before reply notifications named their comment: known by who wrote what under which post.
    await db.update(notifications).set({ data: { excerpt: 'Ochrebanter seconded', post: 'Trimming feet on a chuck?' } }).where(and(eq(notifications.subjectId, p.id), eq(notifications.userId, ben.id)));
    expect((await call(postActions.deleteCommentAction, { commentId: bens.id })).error).toBeUndefined();
    expect(await quoting()).toEqual(['ana: Ochrebanter: or a tap-centred bat']);
  });

  it('tells people they were mentioned, once, not again on edit', async () => {
    const p = await post(ben, `Look at this @${dev.handle}`);
    actAs(ben);
    await call(postActions.editPostAction, { postId: p.id, body: `Look at this, @${dev.handle}!`, tags: '' });
    expect((await inbox(dev)).filter((x) => x.kind === 'mention')).toHaveLength(1);
  });

  it('folds reactions to one post into one item', async () => {
    const p = await post(cleo, 'My first bowl');
    for (const [who, emoji] of [[ana, '❤️'], [ben, '🎉']] as const) {
      actAs(who);
      expect((await call(postActions.toggleReactionAction, { postId: p.id, emoji })).error).toBeUndefined();
    }
    // Dev is not a member of this request-only group: the reaction is refused, and nothing is sent.
    actAs(dev);
    await expectRefused(() => call(postActions.toggleReactionAction, { postId: p.id, emoji: '👍' }), { error: /cannot see it/, others: [cleo.id, ana.id, ben.id] });
    const { items } = await listNotifications(cleo, { kind: 'reaction' });
    expect(items).toHaveLength(1);
    expect(items[0].actors.map((a) => a.name)).toEqual(['Ben', 'Ana']);
    expect(notificationText(items[0])).toBe('Ben and Ana reacted to “My first bowl”');
  });

  it('respects the kinds a person switched off', async () => {
    actAs(dev);
    await call(savePreferencesAction, { enabled: ['reply', 'mention'] });
    actAs(ana);
    await call(postActions.followPersonAction, { userId: dev.id, on: 'true' });
    expect((await inbox(dev)).filter((x) => x.kind === 'follow')).toHaveLength(0);
    actAs(dev);
    await call(postActions.followPersonAction, { userId: ana.id, on: 'true' });
    expect((await inbox(ana)).filter((x) => x.kind === 'follow' && x.actorId === dev.id)).toHaveLength(1);
  });

  it('sends join requests to the people who may answer, and the answer to the requester', async () => {
    const eve = await person('Eve');
    actAs(eve);
    expect((await call(groupActions.requestToJoinAction, { groupId, answers: [] })).error).toBeUndefined();
    const requestsFor = async (p: Viewer) => (await inbox(p)).filter((x) => x.kind === 'join_request' && x.actorId === eve.id);
    expect(await requestsFor(ana)).toHaveLength(1); // owner
    expect(await requestsFor(ben)).toHaveLength(1); // moderator (approve_requests)
    expect(await requestsFor(cleo)).toHaveLength(0); // plain member
    const [{ id: requestId }] = await db.execute<{ id: string }>(
      // any way to read the id; the action looks it up again
      (await import('drizzle-orm')).sql`select id from group_join_requests where user_id = ${eve.id}`,
    ).then((r) => (Array.isArray(r) ? r : (r as { rows: { id: string }[] }).rows));
    actAs(ben);
    expect((await call(groupActions.decideJoinRequestAction, { requestId, decision: 'approve' })).error).toBeUndefined();
    const approval = (await inbox(eve)).find((x) => x.kind === 'approval');
    expect(approval?.data).toMatchObject({ approved: 1 });
    // Joining a first group is a milestone.
    expect((await db.select().from(milestones).where(eq(milestones.userId, eve.id))).map((m) => m.rule)).toContain('first_group_joined');
  });

  it('marks only one’s own notifications read', async () => {
    const [mine] = await inbox(ana);
    const [theirs] = (await inbox(cleo)).filter((x) => !x.readAt);
    actAs(ana);
    await call(markReadAction, { ids: [mine.id, theirs.id] });
    expect((await db.select().from(notifications).where(eq(notifications.id, theirs.id)))[0].readAt).toBeNull();
    expect((await db.select().from(notifications).where(eq(notifications.id, mine.id)))[0].readAt).toBeInstanceOf(Date);
    expect(await unreadCount(cleo)).toBeGreaterThan(0);
  });
});

describe('milestones', () => {
  it('awards a first post exactly once, even to twenty posts sent at the same time', async () => {
    const fay = await person('Fay');
    await db.insert(groupMembers).values({ groupId, userId: fay.id });
    actAs(fay);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call(postActions.createPostAction, { groupId, channelId, body: `Hello ${i}`, tags: '' })));
    expect(results.filter((r) => r.error)).toEqual([]);
    const earned = await db.select().from(milestones).where(eq(milestones.userId, fay.id));
    expect(earned.filter((m) => m.rule === 'first_post')).toHaveLength(1);
    expect(earned.filter((m) => m.rule === 'post_10')).toHaveLength(1);
    expect(earned.filter((m) => m.rule === 'post_100')).toHaveLength(0);
    const told = (await inbox(fay)).filter((x) => x.kind === 'milestone');
    expect(told.map((x) => x.data.title).sort()).toEqual(['10 posts', 'First post']);
  });

  it('counts reactions received, not given', async () => {
    const [gus, hal] = await Promise.all([person('Gus'), person('Hal')]);
    await db.insert(groupMembers).values([gus, hal].map((p) => ({ groupId, userId: p.id })));
    const p = await post(gus, 'A glaze test');
    actAs(hal);
    await call(postActions.toggleReactionAction, { postId: p.id, emoji: '❤️' });
    const rule = (who: Viewer) => db.select().from(milestones).where(and(eq(milestones.userId, who.id), eq(milestones.rule, 'first_reaction_received')));
    expect(await rule(gus)).toHaveLength(1);
    expect(await rule(hal)).toHaveLength(0);
  });
});

describe('proofs: following, reading and choosing, each for the caller only', () => {
  it('follows another person (they are told), never oneself, nobody gone, nobody across a block', async () => {
    const [ivy, jon, kim] = await Promise.all([person('Ivy'), person('Jon'), person('Kim')]);
    actAs(ivy);
    await expectAllowed(() => call(postActions.followPersonAction, { userId: jon.id, on: 'true' }), {
      changes: [follows, notifications],
      effect: async () => {
        expect(await db.select().from(follows).where(eq(follows.followerId, ivy.id))).toEqual([expect.objectContaining({ followeeId: jon.id })]);
        expect((await inbox(jon)).filter((x) => x.kind === 'follow')).toEqual([expect.objectContaining({ actorId: ivy.id })]);
        expect(await inbox(kim)).toEqual([]);
      },
    });
    await expectAllowed(() => call(postActions.followPersonAction, { userId: jon.id, on: 'false' }), {
      changes: [follows],
      effect: async () => expect(await db.select().from(follows).where(eq(follows.followerId, ivy.id))).toEqual([]),
    });
    await expectRefused(() => call(postActions.followPersonAction, { userId: ivy.id, on: 'true' }), { error: 'You cannot follow yourself.', caller: ivy });
    await expectRefused(() => call(postActions.followPersonAction, { userId: 'nobody-at-all', on: 'true' }), { error: 'That person no longer has an account.', caller: ivy });
    await expectRefused(() => call(postActions.followPersonAction, { userId: '', on: 'true' }), { error: 'Please fix the highlighted fields.', caller: ivy });
    await db.insert(userBlocks).values({ blockerId: kim.id, blockedId: ivy.id });
    await expectRefused(() => call(postActions.followPersonAction, { userId: kim.id, on: 'true' }), { error: `You cannot follow @${kim.handle}.`, caller: ivy });
    actAs(kim);
    await expectRefused(() => call(postActions.followPersonAction, { userId: ivy.id, on: 'true' }), { error: /You blocked/, caller: kim });
    actAs(null);
    await expectRefused(() => call(postActions.followPersonAction, { userId: jon.id, on: 'true' }), { error: 'Your session has ended — please sign in again.', others: [ivy.id, jon.id, kim.id] });
  });

  it('marks read only the caller’s own notifications, one by one or all at once', async () => {
    const [lou, mia, ned] = await Promise.all([person('Lou'), person('Mia'), person('Ned')]);
    // Ned follows both: each gets one follow notification.
    actAs(ned);
    await call(postActions.followPersonAction, { userId: lou.id, on: 'true' });
    await call(postActions.followPersonAction, { userId: mia.id, on: 'true' });
    const [lous] = await inbox(lou);
    const [mias] = await inbox(mia);
    actAs(lou);
    // Someone else's ids are ignored: the answer is the same, and nothing is written.
    const before = await databaseFingerprint();
    expect((await call(markReadAction, { ids: [mias.id] })).error).toBeUndefined();
    expect(await databaseFingerprint()).toEqual(before);
    await expectRefused(() => call(markReadAction, { ids: [] }), { error: 'Please fix the highlighted fields.', caller: lou });
    await expectAllowed(() => call(markReadAction, { ids: [lous.id, mias.id] }), {
      changes: [notifications],
      effect: async () => {
        expect(await unreadCount(lou)).toBe(0);
        expect(await unreadCount(mia)).toBe(1);
      },
    });
    actAs(null);
    await expectRefused(() => call(markReadAction, { ids: [mias.id] }), { error: 'Your session has ended — please sign in again.', others: [mia.id] });
    await expectRefused(() => call(markAllReadAction, {}), { error: 'Your session has ended — please sign in again.', others: [mia.id, lou.id] });
    await db.update(notifications).set({ readAt: null }).where(eq(notifications.id, lous.id));
    actAs(lou);
    await expectAllowed(() => call(markAllReadAction, {}), {
      changes: [notifications],
      effect: async () => {
        expect(await unreadCount(lou)).toBe(0);
        expect(await unreadCount(mia), 'another person’s stay unread').toBe(1);
      },
    });
  });

  it('saves which kinds the caller hears about, for themself only', async () => {
    const [oli, pat] = await Promise.all([person('Oli'), person('Pat')]);
    actAs(oli);
    await expectRefused(() => call(savePreferencesAction, { enabled: ['reply', 'not-a-kind'] }), { error: 'Please fix the highlighted fields.', caller: oli });
    await expectAllowed(() => call(savePreferencesAction, { enabled: ['reply'] }), {
      changes: [notificationPreferences],
      effect: async () => {
        const saved = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, oli.id));
        expect(saved.filter((p) => p.enabled).map((p) => p.kind)).toEqual(['reply']);
        expect(saved.find((p) => p.kind === 'follow')?.enabled).toBe(false);
        expect(await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, pat.id))).toEqual([]);
      },
    });
    actAs(null);
    await expectRefused(() => call(savePreferencesAction, { enabled: [] }), { error: 'Your session has ended — please sign in again.', others: [oli.id, pat.id] });
  });

  it('GET /api/notifications/unread answers the caller’s own unread count and writes nothing; signed out, no count', async () => {
    const [quinn, rae] = await Promise.all([person('Quinn'), person('Rae')]);
    await db.insert(notifications).values([
      { userId: quinn.id, kind: 'follow', link: '/' },
      { userId: quinn.id, kind: 'follow', link: '/', readAt: new Date() },
      { userId: rae.id, kind: 'follow', link: '/' },
      { userId: rae.id, kind: 'follow', link: '/' },
    ]);
    actAs(null);
    await expectRefused(() => routeAnswer(GET()), { error: 'Sign in first.', others: [quinn.id, rae.id] });
    actAs(quinn);
    const tables = await databaseFingerprint();
    const answer = await expectAllowed(() => routeAnswer(GET()), { effect: async () => expect(await databaseFingerprint(), 'counting writes nothing').toEqual(tables) });
    expect(answer).toMatchObject({ status: 200, body: { unread: 1, at: expect.any(Number) } });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});
