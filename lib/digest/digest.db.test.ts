// The personal digest mail: asked for on the settings page (off by default), built by the same code as the feed,
// sent by the daily job only to people who asked, once per person even with two runners, and never when nothing is new.
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { activitySignals, consentLog, digestSubscriptions, feedControls, feedPreferences, follows, forYouLists, groupMembers, interestScores, outbox, postTags, posts, userSessions, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { createGroupRecords } from '@/lib/groups/setup';
import { turnOffMailKind } from '@/lib/mail/preferences';
import { consentLogOf } from '@/lib/privacy/consents';
import { getFeed } from '@/lib/recommend/feed';
import { forgetForYou } from '@/lib/recommend/for-you-list';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { setDigestAction } from './actions';
import { buildDigest, digestSince, type Digest } from './build';
import { sendDigest, sendDueDigests } from './send';
import { sayYes } from '@/test/consents';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('@/lib/auth/config', () => ({ signOut: async () => {} }));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let counter = 0;

async function person(name: string, options: { verified?: boolean } = {}): Promise<Viewer> {
  counter += 1;
  const handle = `${name.toLowerCase()}_dg${counter}`;
  const [u] = await db
    .insert(users)
    .values({ name, email: `${handle}@example.org`, handle, emailVerified: options.verified === false ? null : new Date(Date.now() - 30 * DAY) })
    .returning();
  return { id: u!.id, handle, name, image: null };
}

async function post(author: Viewer, body: string, options: { hoursAgo?: number; groupId?: string; tags?: string[] } = {}) {
  const [p] = await db
    .insert(posts)
    .values({ authorId: author.id, body, bodyHtml: `<p>${body}</p>`, groupId: options.groupId ?? null, createdAt: new Date(Date.now() - (options.hoursAgo ?? 1) * HOUR) })
    .returning();
  for (const tag of options.tags ?? []) await db.insert(postTags).values({ postId: p!.id, tag });
  return p!;
}

/** Subscribes the person as if they had chosen it `daysAgo` days ago. */
async function subscribe(who: Viewer, frequency: 'daily' | 'weekly', daysAgo = 2) {
  await db.insert(digestSubscriptions).values({ userId: who.id, frequency, createdAt: new Date(Date.now() - daysAgo * DAY) });
}

const digestMail = (userId: string) => db.select().from(outbox).where(and(eq(outbox.userId, userId), eq(outbox.kind, 'digest')));
const ids = (digest: Digest) => digest.items.map((i) => i.postId);
const since = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR);

describe('choosing the digest', () => {
  let me: Viewer, other: Viewer;
  beforeAll(async () => {
    [me, other] = [await person('Maya'), await person('Sam')];
  });

  it('is off by default; Weekly writes the row, Daily changes it, Off deletes it — each start and stop in the consent log', async () => {
    expect(await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, me.id))).toEqual([]);
    actAs(me);
    const weekly = await call(setDigestAction, { frequency: 'weekly' });
    expect(weekly.error).toBeUndefined();
    expect(weekly.success).toMatch(/^Email digest: weekly\. The next one comes on \w+day/);
    const [row] = await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, me.id));
    expect(row?.frequency).toBe('weekly');
    expect(row?.lastSentAt).toBeNull();

    expect((await expectAllowed(() => call(setDigestAction, { frequency: 'daily' }), { changes: [digestSubscriptions] })).success).toMatch(/^Email digest: daily/);
    expect((await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, me.id)))[0]?.frequency).toBe('daily');

    expect((await expectAllowed(() => call(setDigestAction, { frequency: 'off' }), { changes: [digestSubscriptions] })).success).toBe('Email digest is off. No more digests will be sent.');
    expect(await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, me.id))).toEqual([]);

    // Started once (weekly → daily is a setting, not a consent), stopped once.
    const log = await consentLogOf(db, me.id);
    expect(log.map((l) => [l.kind, l.label, l.oldValue, l.newValue]).sort()).toEqual([
      ['email_digest', 'Email digest', false, true],
      ['email_digest', 'Email digest', true, false],
    ]);
    expect(await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, other.id))).toEqual([]);
  });

  it('refuses a signed-out caller and a choice that is not one, changing nothing', async () => {
    actAs(null);
    await expectRefused(() => call(setDigestAction, { frequency: 'weekly' }), { error: /session has ended/ });
    actAs(other);
    expect((await call(setDigestAction, { frequency: 'hourly' })).fieldErrors?.frequency).toBe('Choose Off, Daily or Weekly.');
    expect(await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, other.id))).toEqual([]);
    const [logged] = await db.select({ n: count() }).from(consentLog).where(eq(consentLog.userId, other.id));
    expect(logged!.n).toBe(0);
  });

  it('says so when the address is not confirmed yet', async () => {
    const unconfirmed = await person('Una', { verified: false });
    actAs(unconfirmed);
    expect((await expectAllowed(() => call(setDigestAction, { frequency: 'daily' }), { changes: [digestSubscriptions] })).success).toMatch(/not confirmed yet, so nothing is sent until it is/);
  });

  it('the one-click unsubscribe (turnOffMailKind) deletes the row and logs the stop', async () => {
    const quitter = await person('Quinn');
    await subscribe(quitter, 'weekly');
    await turnOffMailKind(db, quitter.id, 'digest');
    expect(await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, quitter.id))).toEqual([]);
    expect((await consentLogOf(db, quitter.id)).map((l) => [l.kind, l.newValue])).toEqual([['email_digest', false]]);
  });
});

describe('what is in a digest', () => {
  it('is the For you order and its reasons, for posts since then only', async () => {
    const reader = await person('Reader');
    await sayYes(reader.id);
    const potter = await person('Potter');
    const stranger = await person('Stranger');
    await db.insert(follows).values({ followerId: reader.id, followeeId: potter.id });
    const old = await post(potter, 'Before the last visit', { hoursAgo: 30 });
    const a = await post(potter, 'A new bowl off the wheel', { hoursAgo: 2 });
    const b = await post(stranger, 'Moss on old stones', { hoursAgo: 3, tags: ['moss'] });
    const c = await post(potter, 'Glaze test tiles', { hoursAgo: 5 });
    await db.insert(interestScores).values({ userId: reader.id, tag: 'moss', choice: 'more' });

    const digest = await buildDigest(db, reader.id, { since: since(24) });
    expect(digest.order).toBe('for_you');
    expect(digest.note).toBeNull();
    expect(ids(digest)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    expect(ids(digest)).not.toContain(old.id);

    // The feed itself, for the same person: the digest is its posts from after `since`, in its order, with its reasons.
    await forgetForYou(db, reader.id);
    const feed = await getFeed(reader, { mode: 'foryou' });
    const fresh = feed.items.filter((i) => i.post.createdAt > since(24));
    expect(ids(digest)).toEqual(fresh.map((i) => i.post.id).slice(0, 8));
    expect(digest.items.map((i) => i.reasons)).toEqual(fresh.slice(0, 8).map((i) => i.explanation!.reasons.map((r) => r.text)));
    const mine = digest.items.find((i) => i.postId === a.id)!;
    expect(mine.reasons[0]).toBe('Because you follow Potter');
    expect(digest.items.find((i) => i.postId === b.id)!.reasons.join(' ')).toMatch(/#moss/);
    expect(mine.author).toEqual({ name: 'Potter', handle: potter.handle });
  });

  it('leaves out muted words and people, hidden posts and topics, and posts the person may not see', async () => {
    const reader = await person('Careful');
    const friend = await person('Friend');
    const loud = await person('Loud');
    const owner = await person('Owner');
    for (const followee of [friend, loud, owner]) await db.insert(follows).values({ followerId: reader.id, followeeId: followee.id });
    const kept = await post(friend, 'A quiet walk by the river');
    const mutedWord = await post(friend, 'Spoilers for the finale ahead');
    const mutedPerson = await post(loud, 'Look at me');
    const hiddenPost = await post(friend, 'Not for me, this one');
    const hiddenTopic = await post(friend, 'All about crypto', { tags: ['crypto'] });
    const secret = await db.transaction((tx) => createGroupRecords(tx, { name: 'Secret', slug: `secret-dg${counter}`, description: '', topic: 'x', visibility: 'invite' }, owner.id)).then((r) => r.group);
    const open = await db.transaction((tx) => createGroupRecords(tx, { name: 'Open', slug: `open-dg${counter}`, description: '', topic: 'x', visibility: 'public' }, owner.id)).then((r) => r.group);
    const privatePost = await post(owner, 'Members only news', { groupId: secret.id });
    const publicPost = await post(owner, 'News for everyone', { groupId: open.id });
    await db.insert(feedControls).values([
      { userId: reader.id, kind: 'mute_word', target: 'spoilers' },
      { userId: reader.id, kind: 'mute_user', target: loud.id },
      { userId: reader.id, kind: 'not_interested', target: hiddenPost.id },
    ]);
    await db.insert(interestScores).values({ userId: reader.id, tag: 'crypto', choice: 'hide' });

    const got = ids(await buildDigest(db, reader.id, { since: since(24) }));
    expect(got).toEqual(expect.arrayContaining([kept.id, publicPost.id]));
    for (const left of [mutedWord, mutedPerson, hiddenPost, hiddenTopic, privatePost]) expect(got, left.body).not.toContain(left.id);

    // A member of the private group does get it.
    await db.insert(groupMembers).values({ groupId: secret.id, userId: reader.id });
    expect(ids(await buildDigest(db, reader.id, { since: since(24) }))).toContain(privatePost.id);

    // The same rules in the chronological mode.
    await db.insert(feedPreferences).values({ userId: reader.id, mode: 'chronological' });
    const chrono = ids(await buildDigest(db, reader.id, { since: since(24) }));
    expect(chrono).toEqual(expect.arrayContaining([kept.id, publicPost.id, privatePost.id]));
    for (const left of [mutedWord, mutedPerson, hiddenPost, hiddenTopic]) expect(chrono, left.body).not.toContain(left.id);
  });

  it('with history paused: what For you shows then (explicit choices only), saying so; in the chronological mode, newest first with no reasons', async () => {
    const reader = await person('Paused');
    await sayYes(reader.id);
    const author = await person('Author');
    const stranger = await person('Gardener');
    await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
    // Learned from activity: with history on, ferns count; paused, they must not.
    await db.insert(interestScores).values({ userId: reader.id, tag: 'ferns', inferred: 5, inferredAt: new Date(), signalCounts: { reaction: 5 } });
    const followed = await post(author, 'Kiln day', { hoursAgo: 4 });
    const ferns = await post(stranger, 'Ferns unfurling', { hoursAgo: 3, tags: ['ferns'] });

    const learning = await buildDigest(db, reader.id, { since: since(24) });
    expect(learning.items.find((i) => i.postId === ferns.id)?.reasons.join(' ')).toMatch(/#ferns/);

    await db.insert(feedPreferences).values({ userId: reader.id, historyPaused: true });
    const paused = await buildDigest(db, reader.id, { since: since(24) });
    expect(paused.note).toBe('Your history is paused, so these are ranked only by whom and what you follow and chose.');
    expect(paused.items.flatMap((i) => i.reasons).join(' ')).not.toMatch(/#ferns/);
    await forgetForYou(db, reader.id);
    const feed = await getFeed(reader, { mode: 'foryou' });
    expect(ids(paused)).toEqual(feed.items.filter((i) => i.post.createdAt > since(24)).map((i) => i.post.id).slice(0, 8));

    await db.update(feedPreferences).set({ mode: 'chronological' }).where(eq(feedPreferences.userId, reader.id));
    const chrono = await buildDigest(db, reader.id, { since: since(24) });
    expect(chrono.order).toBe('chronological');
    expect(chrono.items.every((i) => i.reasons.length === 0)).toBe(true);
    // Only what they follow (they follow someone), newest first.
    expect(ids(chrono)).toEqual([followed.id]);
  });

  it('records nothing: no signal, no profile change, no stored For you list', async () => {
    const reader = await person('Quiet');
    const author = await person('Writer');
    await db.insert(follows).values({ followerId: reader.id, followeeId: author.id });
    const fresh = await post(author, 'Something new');
    await subscribe(reader, 'daily');
    const snapshot = async () => ({
      signals: (await db.select({ n: count() }).from(activitySignals).where(eq(activitySignals.userId, reader.id)))[0]!.n,
      interests: await db.select().from(interestScores).where(eq(interestScores.userId, reader.id)),
      lists: (await db.select({ n: count() }).from(forYouLists).where(eq(forYouLists.userId, reader.id)))[0]!.n,
    });
    const before = await snapshot();
    expect(ids(await buildDigest(db, reader.id, { since: since(24) }))).toContain(fresh.id);
    await sendDueDigests(db);
    expect(await digestMail(reader.id)).toHaveLength(1);
    expect(await snapshot()).toEqual(before);
  });

  it('starts at the later of the last visit and the last digest', () => {
    // One clock reading for the whole test: two readings can fall in different milliseconds.
    const now = Date.now();
    const at = (h: number) => new Date(now - h * HOUR);
    expect(digestSince({ lastVisit: at(5), lastSentAt: at(30), subscribedAt: at(100) })).toEqual(at(5));
    expect(digestSince({ lastVisit: at(50), lastSentAt: at(30), subscribedAt: at(100) })).toEqual(at(30));
    expect(digestSince({ lastVisit: null, lastSentAt: null, subscribedAt: at(100) })).toEqual(at(100));
  });
});

describe('sending', () => {
  it('only to people who asked, are not suspended and have a confirmed address; the mail has the reasons, links and a way to stop', async () => {
    const author = await person('Poet');
    const asked = await person('Asked');
    const never = await person('Never');
    const suspended = await person('Suspended');
    const unconfirmed = await person('Unconfirmed', { verified: false });
    for (const p of [asked, never, suspended, unconfirmed]) await db.insert(follows).values({ followerId: p.id, followeeId: author.id });
    const fresh = await post(author, 'A poem about **kilns**');
    for (const p of [asked, suspended, unconfirmed]) await subscribe(p, 'daily');
    await db.update(users).set({ suspendedAt: new Date(), suspensionReason: 'spam' }).where(eq(users.id, suspended.id));

    await sendDueDigests(db);
    const [mail] = await digestMail(asked.id);
    expect(mail).toBeDefined();
    expect(mail!.subject).toMatch(/^Hearth: \d+ new posts? since you were last here$/);
    expect(mail!.toAddress).toBe(`${asked.handle}@example.org`);
    expect(mail!.body).toContain('A poem about kilns');
    expect(mail!.body).toContain('Why: Because you follow Poet');
    expect(mail!.body).toMatch(new RegExp(`^   https?://[^\\s]+/p/${fresh.id}$`, 'm'));
    expect(mail!.body).toMatch(/^Stop these emails: https?:\/\/[^\s]+\/settings\/digest$/m);
    for (const p of [never, suspended, unconfirmed]) expect(await digestMail(p.id), p.name).toEqual([]);
    const [row] = await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, asked.id));
    expect(row!.lastSentAt).not.toBeNull();

    // Already sent today: the next run sends nothing more.
    await sendDueDigests(db);
    expect(await digestMail(asked.id)).toHaveLength(1);
  });

  it('a weekly digest waits a week from subscribing (or from the last one)', async () => {
    const author = await person('Weekly author');
    const early = await person('Early');
    const due = await person('Due');
    for (const p of [early, due]) await db.insert(follows).values({ followerId: p.id, followeeId: author.id });
    await post(author, 'Weekly news');
    await subscribe(early, 'weekly', 3);
    await subscribe(due, 'weekly', 8);
    await sendDueDigests(db);
    expect(await digestMail(early.id)).toEqual([]);
    expect(await digestMail(due.id)).toHaveLength(1);
  });

  it('two runners at once: each person gets one digest', async () => {
    const author = await person('Racer');
    const people = [await person('One'), await person('Two'), await person('Three')];
    for (const p of people) {
      await db.insert(follows).values({ followerId: p.id, followeeId: author.id });
      await subscribe(p, 'daily');
    }
    await post(author, 'Off to the races');
    const runs = await Promise.all([sendDueDigests(db), sendDueDigests(db)]);
    for (const p of people) expect(await digestMail(p.id), p.name).toHaveLength(1);
    // Whatever the interleaving: three sent in all, and a runner that lost a person knew it.
    expect(runs[0]!.sent + runs[1]!.sent).toBe(3);
    expect(runs[0]!.failed + runs[1]!.failed).toBe(0);

    // The claim itself: a runner holding a stale last_sent_at is refused.
    const [one] = await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, people[0]!.id));
    const stale = { userId: people[0]!.id, email: 'x@example.org', name: 'One', frequency: 'daily' as const, lastSentAt: null, createdAt: one!.createdAt };
    expect(await sendDigest(db, stale)).toBe('taken');
    expect(await digestMail(people[0]!.id)).toHaveLength(1);
  });

  it('nothing new, no mail — but the digest’s clock moves, so a weekly one keeps its day', async () => {
    const lonely = await person('Lonely');
    const author = await person('Silent');
    await db.insert(follows).values({ followerId: lonely.id, followeeId: author.id });
    await post(author, 'Long ago', { hoursAgo: 24 * 40 });
    await subscribe(lonely, 'daily');
    // Everything else in this database is older than the last visit.
    await db.insert(userSessions).values({ userId: lonely.id, device: 'Test' });
    const run = await sendDueDigests(db);
    expect(run.nothingNew).toBeGreaterThanOrEqual(1);
    expect(await digestMail(lonely.id)).toEqual([]);
    const [row] = await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, lonely.id));
    expect(row!.lastSentAt).not.toBeNull();
  });
});
