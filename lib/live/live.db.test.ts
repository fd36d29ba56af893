// Live updates: triggers announce every write from the table it lands in; the bus hears them on both engines (and
// reads back what it missed after the server dropped its connection); a stream sends a person only what they may
// see — a private group's posts never reach a non-member — replays after Last-Event-ID, and ends with the session.
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, getDatabase, rowsOf } from '@/db/client';
import {
  comments,
  congratulations,
  groupJoinRequests,
  groupMemberRoles,
  groupMembers,
  groupRoles,
  groups,
  liveEvents,
  milestones,
  notifications,
  posts,
  reactions,
  reports,
  userBlocks,
  users,
  userSessions,
} from '@/db/schema';
import type { Executor } from '@/db/client';
import { testDatabaseKind } from '@/test/db-env';
import { createGroupRecords } from '@/lib/groups/setup';
import { unreadNow } from '@/lib/notifications/queries';
import { showNewPostsAction } from '@/lib/recommend/actions';
import { actAs, call } from '@/test/actions';
import { databaseFingerprint, expectAllowed, expectRefused, routeAnswer } from '@/test/proofs';
import { GET } from '@/app/api/live/route';
import { forYouLists } from '@/db/schema';
import { getCelebrationCards } from '@/lib/milestones/celebrations';
import { liveStreamFor } from './instance';
import { messageFor, messagesFor, type Watcher } from './audience';
import { createLiveBus, type LiveBus, type LiveEvent } from './bus';
import { MAX_STREAMS_PER_PERSON, openLiveStream } from './stream';
import { sayYes } from '@/test/consents';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

let n = 0;
async function person(name: string) {
  const handle = `${name.toLowerCase()}_live${++n}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  const [s] = await db.insert(userSessions).values({ userId: u.id, device: 'test' }).returning();
  return { id: u.id, sessionId: s.id };
}

async function group(visibility: 'public' | 'request' | 'invite', ...members: { id: string }[]) {
  const slug = `live-${++n}`;
  const [g] = await db.insert(groups).values({ slug, name: slug, topic: 'tides', visibility }).returning();
  for (const m of members) await db.insert(groupMembers).values({ groupId: g.id, userId: m.id });
  return g;
}

async function post(authorId: string, groupId: string | null = null) {
  const [p] = await db.insert(posts).values({ authorId, groupId, body: `hello ${++n}` }).returning();
  return p;
}

const buses: LiveBus[] = [];
function bus() {
  const b = createLiveBus(getDatabase());
  buses.push(b);
  return b;
}
afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.close()));
});

/** Collects a bus's events until `count` arrived (or fails after a few seconds). */
function collect(b: LiveBus) {
  const seen: LiveEvent[] = [];
  b.subscribe((e) => seen.push(e));
  return {
    seen,
    async until(predicate: (events: LiveEvent[]) => boolean, ms = 8000) {
      const start = Date.now();
      while (!predicate(seen)) {
        if (Date.now() - start > ms) throw new Error(`events so far: ${JSON.stringify(seen)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return seen;
    },
  };
}

describe('live events', () => {
  it('are written by the tables themselves: notifications, comments, reactions (both ways), posts, join requests', async () => {
    const ana = await person('Ana');
    const ben = await person('Ben');
    const g = await group('request', ana);
    const p = await post(ana.id, g.id);
    const [c] = await db.insert(comments).values({ postId: p.id, authorId: ben.id, body: 'nice' }).returning();
    await db.insert(reactions).values({ postId: p.id, userId: ben.id, emoji: '🔥' });
    await db.delete(reactions).where(eq(reactions.postId, p.id));
    const [note] = await db.insert(notifications).values({ userId: ana.id, kind: 'reply', actorId: ben.id, link: `/p/${p.id}` }).returning();
    const [request] = await db.insert(groupJoinRequests).values({ groupId: g.id, userId: ben.id }).returning();

    const rows = await db.select().from(liveEvents).orderBy(liveEvents.id);
    const mine = rows.filter((r) => r.postId === p.id || r.groupId === g.id || r.userId === ana.id);
    expect(mine.map((r) => [r.kind, r.postId, r.groupId, r.subjectId, r.userId])).toEqual([
      ['post', p.id, g.id, null, null],
      ['comment', p.id, null, c.id, null],
      ['reaction', p.id, null, null, null],
      ['reaction', p.id, null, null, null],
      ['notification', null, null, note.id, ana.id],
      ['join_request', null, g.id, request.id, null],
    ]);
  });

  it('reach a listening bus when the transaction commits, and not before or after a rollback', async () => {
    const ana = await person('Ana');
    const b = bus();
    const events = collect(b);
    await b.ready();
    await db
      .transaction(async (tx) => {
        await tx.insert(notifications).values({ userId: ana.id, kind: 'follow', link: '/' });
        throw new Error('roll back');
      })
      .catch(() => {});
    const [kept] = await db.insert(notifications).values({ userId: ana.id, kind: 'follow', link: '/' }).returning();
    const seen = await events.until((e) => e.some((x) => x.subjectId === kept.id));
    expect(seen.filter((e) => e.userId === ana.id).map((e) => e.subjectId)).toEqual([kept.id]);
  });

  it('a private group post is told to its members watching the feed or the group, never to anyone else', async () => {
    const member = await person('Member');
    const outsider = await person('Outsider');
    const author = await person('Author');
    const g = await group('invite', member, author);
    const p = await post(author.id, g.id);
    const [event] = await db.select().from(liveEvents).where(eq(liveEvents.postId, p.id));
    const e = event as LiveEvent;
    expect(await messageFor(db, member.id, { feed: true }, e)).toEqual({ id: e.id, kind: 'post' });
    expect(await messageFor(db, member.id, { groupId: g.id }, e)).toEqual({ id: e.id, kind: 'post', groupId: g.id });
    expect(await messageFor(db, outsider.id, { feed: true }, e)).toBeNull();
    expect(await messageFor(db, outsider.id, { groupId: g.id }, e)).toBeNull();
    expect(await messageFor(db, outsider.id, { postId: p.id }, { ...e, kind: 'comment' })).toBeNull();
    // Not one's own post, and not a group one watches by another id.
    expect(await messageFor(db, author.id, { groupId: g.id }, e)).toBeNull();
    expect(await messageFor(db, member.id, { groupId: 'another' }, e)).toBeNull();
  });

  it('comments and reactions go to those watching that post who may see it; notifications only to their person; join requests to approvers', async () => {
    const ana = await person('Ana');
    const ben = await person('Ben');
    const owner = await person('Owner');
    const g = await group('public', ana);
    const p = await post(ana.id, g.id);
    await db.insert(comments).values({ postId: p.id, authorId: ana.id, body: 'first' });
    const [comment] = await db.select().from(liveEvents).where(sql`${liveEvents.kind} = 'comment' and ${liveEvents.postId} = ${p.id}`);
    expect(await messageFor(db, ben.id, { postId: p.id }, comment as LiveEvent)).toEqual({ id: comment.id, kind: 'comment', postId: p.id });
    expect(await messageFor(db, ben.id, { postId: 'other' }, comment as LiveEvent)).toBeNull();

    const [note] = await db.insert(notifications).values({ userId: ana.id, kind: 'follow', link: '/' }).returning();
    const [noteEvent] = await db.select().from(liveEvents).where(eq(liveEvents.subjectId, note.id));
    expect(await messageFor(db, ana.id, {}, noteEvent as LiveEvent)).toEqual({ id: noteEvent.id, kind: 'notification' });
    expect(await messageFor(db, ben.id, {}, noteEvent as LiveEvent)).toBeNull();

    // The request is told to who may approve it (the group's owner), not to a plain member nor to the asker.
    const { group: og } = await db.transaction((tx) => createGroupRecords(tx, { name: `Req ${++n}`, slug: `req-${n}`, description: '', topic: 'tides', visibility: 'request' }, owner.id));
    await db.insert(groupMembers).values({ groupId: og.id, userId: ana.id });
    await db.insert(groupJoinRequests).values({ groupId: og.id, userId: ben.id });
    const [requestEvent] = await db.select().from(liveEvents).where(sql`${liveEvents.kind} = 'join_request' and ${liveEvents.groupId} = ${og.id}`);
    expect(await messageFor(db, owner.id, { groupId: og.id }, requestEvent as LiveEvent)).toEqual({ id: requestEvent.id, kind: 'join_request', groupId: og.id });
    expect(await messageFor(db, ana.id, { groupId: og.id }, requestEvent as LiveEvent)).toBeNull();
    expect(await messageFor(db, ben.id, { groupId: og.id }, requestEvent as LiveEvent)).toBeNull();
  });

  it('a stream sends what its person may see, replays after Last-Event-ID, and ends when the session does', async () => {
    const ana = await person('Ana');
    const ben = await person('Ben');
    const g = await group('invite', ana, ben);
    const p = await post(ana.id, g.id);
    const b = bus();
    const abort = new AbortController();
    const stream = openLiveStream({ handle: getDatabase(), bus: b, owner: { userId: ana.id, sessionId: ana.sessionId }, watch: { postId: p.id }, signal: abort.signal, heartbeatMs: 200 });
    const reader = stream.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      const start = Date.now();
      while (!text.includes(needle)) {
        if (Date.now() - start > 8000) throw new Error(`stream so far: ${text}`);
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    };
    await readUntil(': open');
    await b.ready();
    const [c] = await db.insert(comments).values({ postId: p.id, authorId: ben.id, body: 'hi' }).returning();
    void c;
    await readUntil('event: comment');
    expect(text).toContain(`"postId":"${p.id}"`);
    // Nothing about another person's notification, nor a comment on a post this tab does not watch.
    await db.insert(notifications).values({ userId: ben.id, kind: 'follow', link: '/' });
    const other = await post(ben.id, g.id);
    await db.insert(comments).values({ postId: other.id, authorId: ben.id, body: 'elsewhere' });
    const [mine] = await db.insert(notifications).values({ userId: ana.id, kind: 'follow', link: '/' }).returning();
    void mine;
    await readUntil('event: notification');
    expect(text).not.toContain(other.id);
    expect(text.match(/event: notification/g)).toHaveLength(1);

    // Replay: a tab that saw up to the comment is sent the notification it missed.
    const commentId = Number(/id: (\d+)\nevent: comment/.exec(text)![1]);
    const replay = openLiveStream({ handle: getDatabase(), bus: b, owner: { userId: ana.id, sessionId: ana.sessionId }, watch: { postId: p.id }, lastEventId: commentId }).getReader();
    let replayed = '';
    while (!replayed.includes('event: notification')) replayed += new TextDecoder().decode((await replay.read()).value);
    expect(replayed).not.toContain('event: comment');
    await replay.cancel();

    // Signing this session out ends the stream at the next heartbeat.
    await db.delete(userSessions).where(eq(userSessions.id, ana.sessionId));
    await readUntil('event: end');
    expect(text).toContain('"reason":"signed-out"');
    abort.abort();
  });

  it('a person holds at most MAX_STREAMS_PER_PERSON streams on an instance: a new one ends the oldest', async () => {
    const ana = await person('Ana');
    const b = bus();
    const streams = Array.from({ length: MAX_STREAMS_PER_PERSON + 2 }, () => openLiveStream({ handle: getDatabase(), bus: b, owner: { userId: ana.id, sessionId: ana.sessionId }, watch: {} }));
    // Every stream opens; then two of them — the first two to have registered — are ended ('replaced').
    const readers = streams.map((stream) => stream.getReader());
    const texts = readers.map(() => '');
    readers.forEach((reader, i) => {
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          texts[i] += new TextDecoder().decode(value);
        }
      })();
    });
    const start = Date.now();
    while (texts.filter((t) => t.includes('event: end')).length < 2 || texts.some((t) => !t.includes(': open'))) {
      if (Date.now() - start > 10_000) throw new Error(JSON.stringify(texts));
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 100));
    const ended = texts.filter((t) => t.includes('event: end'));
    expect(ended).toHaveLength(2);
    expect(ended.every((t) => t.includes('"reason":"replaced"'))).toBe(true);
    await Promise.all(readers.map((r) => r.cancel().catch(() => {})));
  });

  // Server only: embedded PGlite listens inside this very process, so there is no listening connection to cut (its
  // in-process listen cannot drop). The PostgreSQL pass of .ci/run runs it.
  it.runIf(testDatabaseKind() === 'postgres')('the bus reads back what was written while its connection was cut (a server restart)', async () => {
    const ana = await person('Ana');
    const b = bus();
    const events = collect(b);
    await b.ready();
    // Cut the listening connection as a restart would, and write while it reconnects.
    const [{ killed }] = rowsOf<{ killed: number }>(
      await db.execute(sql`select count(pg_terminate_backend(pid))::int as killed from pg_stat_activity where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`),
    );
    expect(killed).toBeGreaterThanOrEqual(1);
    const written: string[] = [];
    for (let i = 0; i < 3; i++) written.push((await db.insert(notifications).values({ userId: ana.id, kind: 'follow', link: `/${i}` }).returning())[0].id);
    const seen = await events.until((e) => written.every((id) => e.some((x) => x.subjectId === id)), 15_000);
    expect(written.every((id) => seen.filter((x) => x.subjectId === id).length === 1)).toBe(true);
  });

  it('the stream of a person outside a private group carries nothing about its posts, while a member is told', async () => {
    const member = await person('Member');
    const outsider = await person('Outsider');
    const author = await person('Author');
    const g = await group('invite', member, author);
    // The outsider even follows the author and asks to watch the group and its posts by id.
    await db.execute(sql`insert into follows (follower_id, followee_id) values (${outsider.id}, ${author.id})`);
    const read = (stream: ReadableStream<Uint8Array>) => {
      const reader = stream.getReader();
      let text = '';
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          text += new TextDecoder().decode(value);
        }
      })();
      return { text: () => text, stop: () => reader.cancel() };
    };
    const abort = new AbortController();
    const outsiderFeed = read(liveStreamFor({ userId: outsider.id, sessionId: outsider.sessionId }, { feed: true }, undefined, abort.signal));
    const outsiderGroup = read(liveStreamFor({ userId: outsider.id, sessionId: outsider.sessionId }, { groupId: g.id }, undefined, abort.signal));
    const memberFeed = read(liveStreamFor({ userId: member.id, sessionId: member.sessionId }, { feed: true }, undefined, abort.signal));
    const start = Date.now();
    while (![outsiderFeed, outsiderGroup, memberFeed].every((s) => s.text().includes(': open'))) {
      if (Date.now() - start > 8000) throw new Error('streams did not open');
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 100));
    const secret = await post(author.id, g.id);
    await db.insert(comments).values({ postId: secret.id, authorId: author.id, body: 'inside' });
    const [public_] = [await post(author.id)]; // a profile post the outsider may see
    // The member (in the group, not following the author) hears of the group post; the outsider of the profile post.
    while (!outsiderFeed.text().includes('event: post') || !memberFeed.text().includes('event: post')) {
      if (Date.now() - start > 10_000) throw new Error(`member: ${memberFeed.text()} outsider: ${outsiderFeed.text()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    // The outsider heard of the profile post only; nothing of the private group's post, comment or group.
    const [secretEvent] = await db.select().from(liveEvents).where(eq(liveEvents.postId, secret.id));
    expect(memberFeed.text()).toContain(`id: ${secretEvent.id}\n`);
    expect(outsiderFeed.text().match(/event: post/g)).toHaveLength(1);
    expect(outsiderFeed.text()).not.toContain(`id: ${secretEvent.id}\n`);
    expect(outsiderGroup.text()).not.toContain('event:');
    expect(outsiderFeed.text() + outsiderGroup.text()).not.toContain(secret.id);
    expect(outsiderFeed.text() + outsiderGroup.text()).not.toContain(g.id);
    void public_;
    abort.abort();
  });

  it('the unread count a page fetches after an event is the person’s own, with when it was counted', async () => {
    const ana = await person('Ana');
    const ben = await person('Ben');
    await db.insert(notifications).values([
      { userId: ana.id, kind: 'follow', link: '/' },
      { userId: ana.id, kind: 'follow', link: '/', readAt: new Date() },
      { userId: ben.id, kind: 'follow', link: '/' },
    ]);
    const before = Date.now();
    const counted = await unreadNow({ id: ana.id, handle: 'ana', name: 'Ana', image: null });
    expect(counted.unread).toBe(1);
    expect(counted.at).toBeGreaterThanOrEqual(before);
  });

  it('"N new posts", clicked, ranks the person’s own For you list again, and nobody else’s', async () => {
    const ana = await person('Ana');
    const ben = await person('Ben');
    for (const who of [ana, ben]) await db.insert(forYouLists).values({ userId: who.id, items: [], computedAt: new Date() });
    actAs({ id: ana.id, handle: 'ana', name: 'Ana', image: null });
    const shown = await expectAllowed(() => call(showNewPostsAction, {}), {
      changes: [forYouLists],
      effect: async () => {
        const lists = await db.select({ userId: forYouLists.userId, items: forYouLists.items }).from(forYouLists);
        expect(lists.find((l) => l.userId === ana.id)?.items).toBeNull();
        expect(lists.find((l) => l.userId === ben.id)?.items).toEqual([]);
      },
    });
    expect(shown.success).toBe('Showing the newest posts.');
    // Signed out: refused, and nothing changes.
    actAs(null);
    await expectRefused(() => call(showNewPostsAction, {}), { error: /sign in/i, others: [ana.id, ben.id] });
  });
});

/** The newest event of this kind about this subject (or post). */
async function eventOf(kind: LiveEvent['kind'], where: { subjectId?: string; postId?: string; groupId?: string }) {
  const rows = (await db.select().from(liveEvents).where(eq(liveEvents.kind, kind)).orderBy(liveEvents.id)) as LiveEvent[];
  const found = rows.filter((r) => (!where.subjectId || r.subjectId === where.subjectId) && (!where.postId || r.postId === where.postId) && (!where.groupId || r.groupId === where.groupId)).at(-1);
  if (!found) throw new Error(`no ${kind} event for ${JSON.stringify(where)}`);
  return found;
}

/** A group made as the app makes it (built-in roles), with `moderators` holding the Moderator role and `members` none. */
async function groupWithRoles(visibility: 'public' | 'request' | 'invite', owner: { id: string }, moderators: { id: string }[], members: { id: string }[]) {
  const { group: g } = await db.transaction((tx) => createGroupRecords(tx, { name: `Roles ${++n}`, slug: `roles-${n}`, description: '', topic: 'tides', visibility }, owner.id));
  const [moderatorRole] = await db.select().from(groupRoles).where(sql`${groupRoles.groupId} = ${g.id} and ${groupRoles.builtin} = 'moderator'`);
  for (const m of [...moderators, ...members]) await db.insert(groupMembers).values({ groupId: g.id, userId: m.id });
  for (const m of moderators) await db.insert(groupMemberRoles).values({ groupId: g.id, userId: m.id, roleId: moderatorRole.id });
  return g;
}

/** Counts the queries a function makes through this executor (select builders and raw statements). */
function counting(target: Executor) {
  const counter = { queries: 0 };
  const proxy = new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver);
      if ((prop === 'select' || prop === 'execute') && typeof value === 'function') {
        return (...args: unknown[]) => {
          counter.queries++;
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      }
      return value;
    },
  });
  return { db: proxy as Executor, counter };
}

describe('live events, decided for many streams at once', () => {
  it('one query decides a comment for 1,000 streams, however many people; a non-member and both sides of a block get nothing', async () => {
    const author = await person('Author');
    const member = await person('Member');
    const blocker = await person('Blocker');
    const blockedOne = await person('Blocked');
    const outsider = await person('Outsider');
    const g = await group('invite', author, member, blocker, blockedOne);
    const p = await post(author.id, g.id);
    const commenter = await person('Commenter');
    await db.insert(groupMembers).values({ groupId: g.id, userId: commenter.id });
    // One blocked the commenter; the commenter blocked the other.
    await db.insert(userBlocks).values([
      { blockerId: blocker.id, blockedId: commenter.id },
      { blockerId: commenter.id, blockedId: blockedOne.id },
    ]);
    const [c] = await db.insert(comments).values({ postId: p.id, authorId: commenter.id, body: 'hello' }).returning();
    const e = await eventOf('comment', { subjectId: c.id });
    const people = [member, blocker, blockedOne, outsider, author];
    const watchers: Watcher[] = Array.from({ length: 1000 }, (_, i) => ({ viewerId: people[i % people.length].id, watch: { postId: i % 7 === 6 ? 'elsewhere' : p.id } }));
    const { db: counted, counter } = counting(db);
    const messages = await messagesFor(counted, e, watchers);
    expect(counter.queries).toBe(1);
    const told = new Set(watchers.filter((_, i) => messages[i]).map((w) => w.viewerId));
    expect([...told].sort()).toEqual([member.id, author.id].sort());
    // Every stream of those told that watches the post is told; no stream watching another post is.
    watchers.forEach((w, i) => {
      expect(Boolean(messages[i]), `stream ${i}`).toBe(told.has(w.viewerId) && w.watch.postId === p.id);
      if (messages[i]) expect(messages[i]).toEqual({ id: e.id, kind: 'comment', postId: p.id });
    });
    // The same, one stream at a time, agrees.
    expect(await messageFor(db, blocker.id, { postId: p.id }, e)).toBeNull();
    expect(await messageFor(db, blockedOne.id, { postId: p.id }, e)).toBeNull();
    expect(await messageFor(db, outsider.id, { postId: p.id }, e)).toBeNull();
    expect(await messageFor(db, member.id, { postId: p.id }, e)).toEqual({ id: e.id, kind: 'comment', postId: p.id });
  });

  it('a new post is decided for every feed and group stream in one query; a non-member and a blocked person get nothing', async () => {
    const author = await person('Author');
    const member = await person('Member');
    const blocked = await person('Blocked');
    const outsider = await person('Outsider');
    const g = await group('invite', author, member, blocked);
    await db.insert(userBlocks).values({ blockerId: author.id, blockedId: blocked.id });
    await db.execute(sql`insert into follows (follower_id, followee_id) values (${outsider.id}, ${author.id})`);
    const p = await post(author.id, g.id);
    const e = await eventOf('post', { postId: p.id });
    const watchers: Watcher[] = [member, blocked, outsider].flatMap((who) => [
      { viewerId: who.id, watch: { feed: true } },
      { viewerId: who.id, watch: { groupId: g.id } },
    ]);
    const { db: counted, counter } = counting(db);
    const messages = await messagesFor(counted, e, watchers);
    expect(counter.queries).toBe(1);
    expect(messages).toEqual([{ id: e.id, kind: 'post' }, { id: e.id, kind: 'post', groupId: g.id }, null, null, null, null]);
  });

  it('a celebration reaches the feeds it is celebrated on and its group page, in one query; not an outsider, a blocked person, nor anyone for a goal or a milestone kept to oneself', async () => {
    const ana = await person('Ana');
    await sayYes(ana.id, ['public_celebrations']); // consents are off until a person says yes
    const friend = await person('Friend');
    const comember = await person('Comember');
    const outsider = await person('Outsider');
    const blocked = await person('Blocked');
    const g = await group('invite', ana, comember, blocked);
    await db.execute(sql`insert into follows (follower_id, followee_id) values (${friend.id}, ${ana.id}), (${blocked.id}, ${ana.id})`);
    await db.insert(userBlocks).values({ blockerId: blocked.id, blockedId: ana.id });
    const [personal] = await db.insert(milestones).values({ userId: ana.id, rule: 'first_post', scope: `s${++n}` }).returning();
    const [inGroup] = await db.insert(milestones).values({ userId: ana.id, rule: 'membership_1', scope: g.id, groupId: g.id }).returning();
    const [goal] = await db.insert(milestones).values({ userId: ana.id, rule: 'goal_reached', scope: `s${++n}` }).returning();
    const [hidden] = await db.insert(milestones).values({ userId: ana.id, rule: 'post_10', scope: `s${++n}`, visibility: 'only_me' }).returning();
    const watchers: Watcher[] = [ana, friend, comember, outsider, blocked].flatMap((who) => [
      { viewerId: who.id, watch: { feed: true } },
      { viewerId: who.id, watch: { groupId: g.id } },
    ]);
    const told = async (milestoneId: string) => {
      const e = await eventOf('celebration', { subjectId: milestoneId });
      const { db: counted, counter } = counting(db);
      const messages = await messagesFor(counted, e, watchers);
      expect(counter.queries).toBe(1);
      const name = new Map([ana, friend, comember, outsider, blocked].map((p, i) => [p.id, ['ana', 'friend', 'comember', 'outsider', 'blocked'][i]]));
      return watchers.flatMap((w, i) => (messages[i] ? [`${name.get(w.viewerId)}:${w.watch.feed ? 'feed' : 'group'}`] : []));
    };
    expect(await told(personal.id)).toEqual(['ana:feed', 'friend:feed']);
    expect(await told(inGroup.id)).toEqual(['ana:feed', 'ana:group', 'comember:feed', 'comember:group']);
    expect(await told(goal.id)).toEqual([]);
    expect(await told(hidden.id)).toEqual(['ana:feed']);
    expect((await eventOf('celebration', { subjectId: inGroup.id })).groupId).toBe(g.id);
  });

  /** Ana's milestone in an invite-only group of hers, congratulated by a fellow member; an outsider besides. */
  const congratulatedInGroup = async () => {
    const ana = await person('Ana');
    await sayYes(ana.id, ['public_celebrations']); // consents are off until a person says yes
    const comember = await person('Comember');
    const outsider = await person('Outsider');
    const g = await group('invite', ana, comember);
    const [m] = await db.insert(milestones).values({ userId: ana.id, rule: 'membership_1', scope: g.id, groupId: g.id }).returning();
    await db.insert(congratulations).values({ milestoneId: m!.id, userId: comember.id });
    return { ana, comember, outsider, g, m: m! };
  };

  it('a congratulation, given or taken back, updates the card for those who see it (with its group), not for others', async () => {
    const { ana, comember, outsider, g, m } = await congratulatedInGroup();
    await db.delete(congratulations).where(eq(congratulations.milestoneId, m.id));
    const events = (await db.select().from(liveEvents).where(sql`${liveEvents.kind} = 'congratulation' and ${liveEvents.subjectId} = ${m.id}`)) as LiveEvent[];
    expect(events.map((e) => e.groupId)).toEqual([g.id, g.id]);
    const watchers: Watcher[] = [
      { viewerId: ana.id, watch: { feed: true } },
      { viewerId: comember.id, watch: { groupId: g.id } },
      { viewerId: outsider.id, watch: { feed: true } },
      { viewerId: outsider.id, watch: { groupId: g.id } },
    ];
    for (const e of events) {
      expect(await messagesFor(db, e, watchers)).toEqual([{ id: e.id, kind: 'congratulation' }, { id: e.id, kind: 'congratulation', groupId: g.id }, null, null]);
    }
  });

  it('a report, filed and handled, reaches only those who work its queue: group moderators, or instance staff for the instance queue', async () => {
    const owner = await person('Owner');
    const moderator = await person('Moderator');
    const member = await person('Member');
    const outsider = await person('Outsider');
    const staff = await person('Staff');
    await db.update(users).set({ instanceRole: 'moderator' }).where(eq(users.id, staff.id));
    const g = await groupWithRoles('public', owner, [moderator], [member]);
    const p = await post(member.id, g.id);
    const [groupReport] = await db.insert(reports).values({ reporterId: member.id, targetKind: 'post', targetId: p.id, groupId: g.id, reason: 'spam' }).returning();
    const [instanceReport] = await db.insert(reports).values({ reporterId: member.id, targetKind: 'profile', targetId: outsider.id, targetUserId: outsider.id, reason: 'spam' }).returning();
    await db.update(reports).set({ status: 'resolved', outcome: 'dismissed', resolvedAt: new Date() }).where(eq(reports.id, groupReport.id));
    await db.update(reports).set({ note: 'edited' }).where(eq(reports.id, instanceReport.id)); // no status change: no event
    const groupEvents = (await db.select().from(liveEvents).where(sql`${liveEvents.kind} = 'report' and ${liveEvents.subjectId} = ${groupReport.id}`)) as LiveEvent[];
    const instanceEvents = (await db.select().from(liveEvents).where(sql`${liveEvents.kind} = 'report' and ${liveEvents.subjectId} = ${instanceReport.id}`)) as LiveEvent[];
    expect(groupEvents.map((e) => e.groupId)).toEqual([g.id, g.id]);
    expect(instanceEvents.map((e) => e.groupId)).toEqual([null]);

    const everyone = [owner, moderator, member, outsider, staff];
    const watchers: Watcher[] = everyone.flatMap((who) => [
      { viewerId: who.id, watch: { groupId: g.id } },
      { viewerId: who.id, watch: { reports: true } },
      { viewerId: who.id, watch: { feed: true } },
    ]);
    const toldOf = async (e: LiveEvent) => {
      const { db: counted, counter } = counting(db);
      const messages = await messagesFor(counted, e, watchers);
      expect(counter.queries).toBeLessThanOrEqual(2);
      return watchers.flatMap((w, i) => (messages[i] ? [`${['owner', 'moderator', 'member', 'outsider', 'staff'][everyone.findIndex((p) => p.id === w.viewerId)]}:${Object.keys(w.watch)[0]}`] : []));
    };
    for (const e of groupEvents) expect(await toldOf(e)).toEqual(['owner:groupId', 'moderator:groupId']);
    expect(await toldOf(instanceEvents[0])).toEqual(['staff:reports']);
  });

  it('a join request handled or withdrawn is told to its approvers again, not to a plain member or the asker', async () => {
    const owner = await person('Owner');
    const moderator = await person('Moderator');
    const member = await person('Member');
    const asker = await person('Asker');
    const other = await person('Other');
    const g = await groupWithRoles('request', owner, [moderator], [member]);
    const [request] = await db.insert(groupJoinRequests).values({ groupId: g.id, userId: asker.id }).returning();
    await db.update(groupJoinRequests).set({ status: 'approved', decidedAt: new Date() }).where(eq(groupJoinRequests.id, request.id));
    const [second] = await db.insert(groupJoinRequests).values({ groupId: g.id, userId: other.id }).returning();
    await db.delete(groupJoinRequests).where(eq(groupJoinRequests.id, second.id));
    const events = (await db.select().from(liveEvents).where(sql`${liveEvents.kind} = 'join_request' and ${liveEvents.groupId} = ${g.id}`).orderBy(liveEvents.id)) as LiveEvent[];
    expect(events.map((e) => e.subjectId)).toEqual([request.id, request.id, second.id, second.id]);
    const everyone = [owner, moderator, member, asker, other];
    for (const e of events) {
      const messages = await messagesFor(db, e, everyone.map((who) => ({ viewerId: who.id, watch: { groupId: g.id } })));
      expect(messages.map((m) => Boolean(m))).toEqual([true, true, false, false, false]);
    }
  });

  it('the cards a page reads again after a celebration event are only those the person may see, with the current count', async () => {
    const { ana, comember, outsider, g, m } = await congratulatedInGroup();
    const viewer = (who: { id: string }) => ({ id: who.id, handle: 'x', name: 'X', image: null });
    const cardsOf = async (who: { id: string }, groupId?: string) => (await getCelebrationCards(viewer(who), groupId)).celebrations.filter((c) => c.id === m.id);
    expect((await cardsOf(comember)).map((c) => [c.congratulations, c.congratulated])).toEqual([[1, true]]);
    expect((await cardsOf(comember, g.id)).map((c) => c.congratulations)).toEqual([1]);
    expect((await cardsOf(ana)).map((c) => [c.isMine, c.congratulations])).toEqual([[true, 1]]);
    expect(await cardsOf(outsider)).toEqual([]);
    expect(await cardsOf(outsider, g.id)).toEqual([]);
    const read = await getCelebrationCards(viewer(comember));
    expect(typeof read.at).toBe('number');
    expect(typeof read.celebrations[0].earnedAt).toBe('string');
  });
});

describe('GET /api/live', () => {
  it('opens a stream only for a signed-in session, watching something well named; it carries a private group’s post to its member, not to an outsider', async () => {
    const member = await person('Member');
    const author = await person('Author');
    const outsider = await person('Outsider');
    const g = await group('invite', member, author);
    const as = (p: { id: string; sessionId: string }) => actAs({ id: p.id, handle: `h${p.id.slice(0, 6)}`, name: 'P', image: null, sessionId: p.sessionId });
    const abort = new AbortController();
    const ask = (query: string) => new Request(`http://hearth.test/api/live?${query}`, { signal: abort.signal });

    actAs(null);
    await expectRefused(() => routeAnswer(GET(ask(`group=${g.id}`))), { error: 'Sign in to receive live updates.', others: [member.id, outsider.id] });
    actAs({ id: member.id, handle: 'member', name: 'Member', image: null });
    await expectRefused(() => routeAnswer(GET(ask(`group=${g.id}`))), { error: 'Sign in to receive live updates.', others: [outsider.id] });
    as(member);
    await expectRefused(() => routeAnswer(GET(ask('group=not%20an%20id'))), { error: /Watch a post, a group/, others: [outsider.id] });

    const read = (stream: ReadableStream<Uint8Array>) => {
      const reader = stream.getReader();
      let text = '';
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          text += new TextDecoder().decode(value);
        }
      })();
      return () => text;
    };
    const until = async (ok: () => boolean, what: () => string) => {
      const start = Date.now();
      while (!ok()) {
        if (Date.now() - start > 10_000) throw new Error(what());
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const tables = await databaseFingerprint();
    const opened = await expectAllowed(() => routeAnswer(GET(ask(`group=${g.id}`))), {
      effect: async () => expect(await databaseFingerprint(), 'opening a stream writes nothing').toEqual(tables),
    });
    expect(opened).toMatchObject({ status: 200 });
    const memberSees = read(opened.body as ReadableStream<Uint8Array>);
    as(outsider);
    const outsiders = await routeAnswer(GET(ask(`group=${g.id}`)));
    expect(outsiders.status, 'watching is no permission: the stream opens, and carries nothing of the group').toBe(200);
    const outsiderSees = read(outsiders.body as ReadableStream<Uint8Array>);
    await until(() => memberSees().includes(': open') && outsiderSees().includes(': open'), () => 'streams did not open');
    await new Promise((r) => setTimeout(r, 100));
    const secret = await post(author.id, g.id);
    await until(() => memberSees().includes('event: post'), () => `member: ${memberSees()}`);
    const [secretEvent] = await db.select().from(liveEvents).where(eq(liveEvents.postId, secret.id));
    expect(memberSees()).toContain(`id: ${secretEvent.id}\nevent: post`);
    expect(outsiderSees()).not.toContain('event:');
    expect(outsiderSees()).not.toContain(g.id);
    abort.abort();
  });
});
