// Live updates: triggers announce every write from the table it lands in; the bus hears them on both engines (and
// reads back what it missed after the server dropped its connection); a stream sends a person only what they may
// see — a private group's posts never reach a non-member — replays after Last-Event-ID, and ends with the session.
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, getDatabase, rowsOf } from '@/db/client';
import { comments, groupJoinRequests, groupMembers, groups, liveEvents, notifications, posts, reactions, users, userSessions } from '@/db/schema';
import { testDatabaseKind } from '@/test/db-env';
import { createGroupRecords } from '@/lib/groups/setup';
import { unreadNow } from '@/lib/notifications/queries';
import { showNewPostsAction } from '@/lib/recommend/actions';
import { actAs, call } from '@/test/actions';
import { forYouLists } from '@/db/schema';
import { liveStreamFor } from './instance';
import { messageFor } from './audience';
import { createLiveBus, type LiveBus, type LiveEvent } from './bus';
import { MAX_STREAMS_PER_PERSON, openLiveStream } from './stream';

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
    expect((await call(showNewPostsAction, {})).success).toBe('Showing the newest posts.');
    const lists = await db.select({ userId: forYouLists.userId, items: forYouLists.items }).from(forYouLists);
    expect(lists.find((l) => l.userId === ana.id)?.items).toBeNull();
    expect(lists.find((l) => l.userId === ben.id)?.items).toEqual([]);
    // Signed out: refused, and nothing changes.
    actAs(null);
    expect((await call(showNewPostsAction, {})).error).toMatch(/sign in/i);
    expect((await db.select({ items: forYouLists.items }).from(forYouLists).where(eq(forYouLists.userId, ben.id)))[0].items).toEqual([]);
  });
});
