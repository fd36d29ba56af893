// Search on a real database (PGlite here, PostgreSQL with HEARTH_TEST_DB=postgres): stemming, typo tolerance,
// visibility, ranking with the viewer's interests, escaping, the type-ahead route and recent searches.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { feedControls, feedPreferences, groupMembers, groups, interestScores, interests, postTags, posts, profiles, searchHistory, tagFollows, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { actAs, call } from '@/test/actions';
import { databaseFingerprint, expectAllowed, expectRefused } from '@/test/proofs';
import { GET } from '@/app/api/search/route';
import { clearRecentSearchesAction, deleteRecentSearchAction, runSearchAction } from './actions';
import { indexedMatches, recentSearches, searchAll, searchOne, typeahead } from './queries';
import { rateLimitsOn, rateLimitsOff } from '@/test/rate-limits';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

async function person(handle: string, options: { name?: string; visibility?: 'everyone' | 'members' | 'only_me' } = {}): Promise<Viewer> {
  const [u] = await db.insert(users).values({ name: options.name ?? handle, email: `${handle}@example.org`, handle }).returning();
  if (options.visibility) await db.insert(profiles).values({ userId: u.id, visibility: options.visibility });
  return { id: u.id, handle, name: u.name ?? handle, image: null };
}

async function group(slug: string, name: string, topic: string, visibility: 'public' | 'request' | 'invite' = 'public', memberIds: string[] = []) {
  const [g] = await db.insert(groups).values({ slug, name, topic, visibility }).returning();
  for (const userId of memberIds) await db.insert(groupMembers).values({ groupId: g.id, userId });
  return g;
}

async function post(author: Viewer, body: string, options: { groupId?: string; tags?: string[]; createdAt?: Date; removed?: boolean } = {}) {
  const [p] = await db
    .insert(posts)
    .values({ authorId: author.id, body, groupId: options.groupId ?? null, createdAt: options.createdAt, removedAt: options.removed ? new Date() : null, removedReason: options.removed ? 'Off topic' : null })
    .returning();
  for (const tag of options.tags ?? []) {
    await db.insert(postTags).values({ postId: p.id, tag });
    await db.insert(interests).values({ slug: tag, label: tag }).onConflictDoNothing();
  }
  return p;
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

/** Runs a Server Action that ends in redirect() and returns where it went. */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2];
    throw error;
  }
  throw new Error('expected a redirect');
}

describe('finding posts', () => {
  it('matches stemmed words: "glazing" finds a post about a glaze', async () => {
    const ana = await person('ana_stem', { visibility: 'everyone' });
    const glaze = await post(ana, 'The new celadon glaze pooled beautifully in the carved lines.');
    await post(ana, 'Trimming feet on leather-hard bowls.');
    const found = await searchAll(ana, 'glazing');
    expect(ids(found.posts.items)).toEqual([glaze.id]);
    expect(found.posts.matchedBy).toBe('text');
    // Web search syntax: a quoted phrase, and words to leave out.
    expect(ids((await searchAll(ana, '"carved lines"')).posts.items)).toEqual([glaze.id]);
    expect(ids((await searchAll(ana, 'celadon -glaze')).posts.items)).toEqual([]);
  });

  it('finds posts tagged with the words even when the body never says them', async () => {
    const eli = await person('eli_tagged');
    const tagged = await post(eli, 'Smoke, crackle and a bucket of sawdust.', { tags: ['raku-firing'] });
    const said = await post(eli, 'My first raku firing went well.', { createdAt: hoursAgo(2) });
    expect(ids((await searchAll(eli, 'raku firing')).posts.items).sort()).toEqual([tagged.id, said.id].sort());
    expect((await searchAll(eli, 'raku firing')).posts.matchedBy).toBe('text');
    expect(ids((await searchAll(eli, '#raku')).posts.items)).toEqual([tagged.id]);
  });

  it('in the type-ahead, the last word may be unfinished', async () => {
    const bo = await person('bo_prefix');
    await post(bo, 'Wollastonite makes a lovely satin surface.');
    expect((await typeahead(bo, 'wollast')).posts.map((p) => p.label)).toEqual(['Wollastonite makes a lovely satin surface.']);
    expect((await searchAll(bo, 'wollast')).posts.items).toHaveLength(0); // the full page wants whole words
  });

  it('falls back to posts about a close interest when no post has the words (a typo)', async () => {
    const cy = await person('cy_fallback');
    const p = await post(cy, 'Twelve new pieces out of the kiln today.', { tags: ['kintsugi'] });
    const found = await searchAll(cy, 'kintsgi');
    expect(found.posts.matchedBy).toBe('similar');
    expect(ids(found.posts.items)).toEqual([p.id]);
  });

  it('pages through many results without repeating any', async () => {
    const dee = await person('dee_pages');
    for (let i = 0; i < 25; i++) await post(dee, `Sourdoughish loaf number ${i}`, { createdAt: hoursAgo(i) });
    const first = await searchOne(dee, 'sourdoughish', 'posts');
    expect(first.posts.items).toHaveLength(20);
    expect(first.posts.nextOffset).toBe(20);
    const second = await searchOne(dee, 'sourdoughish', 'posts', { offset: 20 });
    expect(second.posts.items).toHaveLength(5);
    expect(second.posts.nextOffset).toBeUndefined();
    expect(new Set([...ids(first.posts.items), ...ids(second.posts.items)]).size).toBe(25);
  });
});

describe('visibility', () => {
  it('never shows removed posts, nor private groups’ posts to outsiders', async () => {
    const owner = await person('owner_vis');
    const outsider = await person('outsider_vis');
    const priv = await group('quiet-kiln', 'Quiet Kiln', 'ceramics', 'request', [owner.id]);
    const pub = await group('open-kiln', 'Open Kiln', 'ceramics', 'public', [owner.id]);
    const secret = await post(owner, 'Zanzibarite firing schedule for members.', { groupId: priv.id });
    const open = await post(owner, 'Zanzibarite firing schedule for everyone.', { groupId: pub.id });
    await post(owner, 'Zanzibarite firing schedule, removed.', { groupId: pub.id, removed: true });
    expect(ids((await searchAll(owner, 'zanzibarite')).posts.items).sort()).toEqual([secret.id, open.id].sort());
    expect(ids((await searchAll(outsider, 'zanzibarite')).posts.items)).toEqual([open.id]);
    expect((await typeahead(outsider, 'zanzibarite')).posts.map((p) => p.id)).toEqual([open.id]);
  });

  it('finds invite-only groups only for their members; signed out, only public groups', async () => {
    const member = await person('member_inv');
    const outsider = await person('outsider_inv');
    const invite = await group('hidden-glaze-lab', 'Hidden Glaze Laboratory', 'glazes', 'invite', [member.id]);
    const request = await group('asking-glaze-lab', 'Asking Glaze Laboratory', 'glazes', 'request');
    const open = await group('open-glaze-lab', 'Open Glaze Laboratory', 'glazes', 'public');
    expect(ids((await searchAll(member, 'glaze laboratory')).groups).sort()).toEqual([invite.id, request.id, open.id].sort());
    expect(ids((await searchAll(outsider, 'glaze laboratory')).groups).sort()).toEqual([request.id, open.id].sort());
    expect(ids((await searchAll(null, 'glaze laboratory')).groups)).toEqual([open.id]);
    expect((await typeahead(outsider, 'hidden glaze')).groups.map((g) => g.id)).not.toContain(invite.id);
  });

  it('finds people as their profile visibility allows, and never shows an email', async () => {
    const viewer = await person('viewer_ppl');
    const open = await person('quillon_open', { name: 'Quillon Everyone', visibility: 'everyone' });
    const members = await person('quillon_members', { name: 'Quillon Members' }); // no profile row: members only
    const hidden = await person('quillon_private', { name: 'Quillon Private', visibility: 'only_me' });
    expect(ids((await searchAll(viewer, 'quillon', { limit: 10 })).people).sort()).toEqual([open.id, members.id].sort());
    expect(ids((await searchAll(null, 'quillon', { limit: 10 })).people)).toEqual([open.id]);
    expect(ids((await searchAll(hidden, 'quillon', { limit: 10 })).people)).toContain(hidden.id); // themself
    const suggestions = await typeahead(viewer, 'quillon');
    expect(JSON.stringify(suggestions)).not.toMatch(/example\.org|@.*\./);
    expect(JSON.stringify(await searchAll(viewer, 'quillon'))).not.toContain('example.org');
  });

  it('signed out, finds only posts on profiles open to everyone', async () => {
    const open = await person('open_poster', { visibility: 'everyone' });
    const closed = await person('closed_poster');
    const g = await group('xylo-club', 'Xylo Club', 'music', 'public', [open.id]);
    const shown = await post(open, 'Xylophonist notes on mallets.');
    await post(closed, 'Xylophonist notes from a members-only profile.');
    await post(open, 'Xylophonist notes in a group.', { groupId: g.id });
    expect(ids((await searchAll(null, 'xylophonist')).posts.items)).toEqual([shown.id]);
    expect((await searchAll(open, 'xylophonist')).posts.items).toHaveLength(3);
  });
});

describe('typo tolerance (trigrams)', () => {
  it('finds "Ceramics" groups, people and interests from "ceramcs"', async () => {
    const viewer = await person('viewer_typo');
    const g = await group('ceramics-typo', 'Ceramics Typo Studio', 'ceramics');
    const p = await person('potter_typo', { name: 'Ceramics Carla' });
    await db.insert(interests).values({ slug: 'ceramics', label: 'Ceramics' }).onConflictDoNothing();
    const found = await searchAll(viewer, 'ceramcs', { limit: 20 });
    expect(ids(found.groups)).toContain(g.id);
    expect(ids(found.people)).toContain(p.id);
    expect(found.interests.map((i) => i.slug)).toContain('ceramics');
    expect(ids((await searchAll(viewer, 'margerite')).people)).toEqual([]);
    const m = await person('m_oyelaran', { name: 'Marguerite Oyelaran' });
    expect(ids((await searchAll(viewer, 'margerite')).people)).toEqual([m.id]);
  });

  it('short queries match only the start of handles, names and tags', async () => {
    const viewer = await person('viewer_short');
    const yv = await person('yvonne_short', { name: 'Yvonne Short' });
    await person('ayvy_short', { name: 'Ayvy Middle' });
    await db.insert(interests).values({ slug: 'yv-topic', label: 'Yv Topic' }).onConflictDoNothing();
    const found = await typeahead(viewer, 'yv');
    expect(found.people.map((s) => s.id)).toEqual([yv.id]);
    expect(found.interests.map((s) => s.id)).toEqual(['yv-topic']);
    expect(found.posts).toEqual([]);
    expect((await typeahead(viewer, '@yvon')).interests).toEqual([]); // @ asks for people only
    expect((await typeahead(viewer, '@yvon')).people.map((s) => s.id)).toEqual([yv.id]);
  });

  it('uses the trigram and full-text indexes (the WHERE clauses are the indexed expressions)', async () => {
    await db.transaction(async (tx) => {
      // Tiny tables would be scanned anyway; without sequential scans the plan shows whether an index fits.
      await tx.execute(sql`set local enable_seqscan = off`);
      for (const { table, index, where } of indexedMatches('ceramcs')) {
        const rows = rowsOf<Record<string, string>>(await tx.execute(sql`explain select 1 from ${sql.identifier(table)} where ${where}`));
        expect(rows.map((r) => Object.values(r)[0]).join('\n'), table).toContain(index);
      }
    });
  });
});

describe('ranking with the person’s interests', () => {
  it('puts a post with a followed tag above an equal one without, and "less" lowers it again', async () => {
    const author = await person('author_rank');
    const fan = await person('fan_rank');
    const stranger = await person('stranger_rank');
    const followed = await post(author, 'Quenching tips for bright colours.', { tags: ['enamels'], createdAt: hoursAgo(5) });
    const other = await post(author, 'Quenching tips for bright colours.', { tags: ['knitting'], createdAt: hoursAgo(1) });
    await db.insert(tagFollows).values({ userId: fan.id, tag: 'enamels' });
    // Without interests, the newer of two equal matches comes first.
    expect(ids((await searchAll(stranger, 'quenching')).posts.items)).toEqual([other.id, followed.id]);
    expect(ids((await searchAll(fan, 'quenching')).posts.items)).toEqual([followed.id, other.id]);
    expect((await typeahead(fan, 'quenching')).posts.map((p) => p.id)).toEqual([followed.id, other.id]);
    // "More" of a topic lifts it just as well, for someone who does not follow it.
    await db.insert(interestScores).values({ userId: stranger.id, tag: 'enamels', choice: 'more' });
    expect(ids((await searchAll(stranger, 'quenching')).posts.items)).toEqual([followed.id, other.id]);
    // "Less" of a topic puts the followed post back below.
    await db.insert(interestScores).values({ userId: fan.id, tag: 'enamels', choice: 'less' });
    expect(ids((await searchAll(fan, 'quenching')).posts.items)).toEqual([other.id, followed.id]);
  });

  it('lifts by inferred interest, but not while history is paused', async () => {
    const author = await person('author_infer');
    const reader = await person('reader_infer');
    const liked = await post(author, 'Burnishing with a smooth stone.', { tags: ['pit-firing'], createdAt: hoursAgo(5) });
    const plain = await post(author, 'Burnishing with a smooth stone.', { tags: ['baking'], createdAt: hoursAgo(1) });
    await db.insert(interestScores).values({ userId: reader.id, tag: 'pit-firing', inferred: 3 });
    expect(ids((await searchAll(reader, 'burnishing')).posts.items)).toEqual([liked.id, plain.id]);
    await db.insert(feedPreferences).values({ userId: reader.id, historyPaused: true });
    expect(ids((await searchAll(reader, 'burnishing')).posts.items)).toEqual([plain.id, liked.id]);
  });

  it('leaves out posts with a hidden topic and posts by muted people', async () => {
    const author = await person('author_hide');
    const muted = await person('muted_hide');
    const reader = await person('reader_hide');
    const kept = await post(author, 'Verdigris patina on copper.', { tags: ['metalwork'] });
    const hiddenTopic = await post(author, 'Verdigris patina, the politics of it.', { tags: ['politics'] });
    const byMuted = await post(muted, 'Verdigris patina recipe.');
    await db.insert(interestScores).values({ userId: reader.id, tag: 'politics', choice: 'hide' });
    await db.insert(feedControls).values({ userId: reader.id, kind: 'mute_user', target: muted.id });
    expect(ids((await searchAll(reader, 'verdigris')).posts.items)).toEqual([kept.id]);
    expect(ids((await searchAll(author, 'verdigris', { limit: 10 })).posts.items).sort()).toEqual([kept.id, hiddenTopic.id, byMuted.id].sort());
  });
});

describe('escaping', () => {
  it('treats % and _ as themselves, not LIKE wildcards', async () => {
    const viewer = await person('viewer_esc');
    await person('under_score_esc', { name: 'Under Score' });
    await group('percent-esc', '100% Clay', 'ceramics');
    for (const q of ['%', '_', '%a', '_e', '%%%', '___', '\\']) {
      const found = await searchAll(viewer, q, { limit: 50 });
      expect([found.people, found.groups, found.interests, found.posts.items].flat(), q).toEqual([]);
    }
    expect((await searchAll(viewer, '100%')).groups.map((g) => g.name)).toContain('100% Clay');
  });

  it('takes hostile or malformed input as plain text', async () => {
    const viewer = await person('viewer_hostile');
    for (const q of ["'; drop table users; --", '"unbalanced', 'a & | ! :* ( )', '-', 'or or or', 'x'.repeat(500), '\u0000']) {
      // Answered (not thrown) with lists of results for the words as typed.
      const found = await searchAll(viewer, q);
      expect([found.people, found.groups, found.interests, found.posts.items].every(Array.isArray), q).toBe(true);
      const suggested = await typeahead(viewer, q);
      expect([suggested.people, suggested.groups, suggested.interests, suggested.posts].every(Array.isArray), q).toBe(true);
    }
    const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from users`));
    expect(Number(n)).toBeGreaterThan(0);
  });
});

describe('the type-ahead route', () => {
  const request = (q: string, ip = '203.0.113.7') => new Request(`http://hearth.test/api/search?q=${encodeURIComponent(q)}`, { headers: { 'x-forwarded-for': ip } });

  it('answers signed out with what anyone may see, and refuses an overlong query', async () => {
    await group('route-public', 'Routemaster Ramblers', 'walking', 'public');
    await group('route-invite', 'Routemaster Secret', 'walking', 'invite');
    const member = await person('route_member');
    await db.insert(groupMembers).values({ groupId: (await db.select().from(groups).where(eq(groups.slug, 'route-invite')))[0].id, userId: member.id });
    actAs(null);
    const response = await GET(request('routemaster'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    // Signed out: the public group, and nothing of the invite-only one; nothing is written for a look-up.
    const before = await databaseFingerprint();
    const anyones = await expectAllowed(async () => (await GET(request('routemaster'))).json(), {
      effect: async () => expect(await databaseFingerprint(), 'a look-up writes nothing').toEqual(before),
    });
    expect(anyones.groups.map((g: { label: string }) => g.label)).toEqual(['Routemaster Ramblers']);
    // A member sees their invite-only group too, and exactly what typeahead gives them.
    actAs(member);
    const theirs = await expectAllowed(async () => (await GET(request('routemaster'))).json(), {
      effect: async () => expect(await databaseFingerprint(), 'a look-up writes nothing').toEqual(before),
    });
    expect(theirs.groups.map((g: { label: string }) => g.label).sort()).toEqual(['Routemaster Ramblers', 'Routemaster Secret']);
    expect(theirs).toEqual(JSON.parse(JSON.stringify(await typeahead(member, 'routemaster'))));
    actAs(null);
    const refused = await GET(request('x'.repeat(201)));
    expect(refused.status).toBe(400);
    await expectRefused(async () => (await GET(request('x'.repeat(201)))).json(), { error: 'That search is too long.', others: [member.id] });
  });

  it('is rate-limited per address', async () => {
    actAs(null);
    rateLimitsOn();
    try {
      let last = 0;
      for (let i = 0; i < 121; i++) last = (await GET(request('ab', '198.51.100.9'))).status;
      expect(last).toBe(429);
      expect((await GET(request('ab', '198.51.100.10'))).status).toBe(200);
    } finally {
      rateLimitsOff();
    }
  });
});

describe('recent searches', () => {
  it('remembers a submitted search for the signed-in person, once, newest first', async () => {
    const maya = await person('maya_recent');
    actAs(maya);
    const went = await expectAllowed(() => redirectOf(call(runSearchAction, { q: '  raku   firing ' })), {
      changes: [searchHistory],
      effect: async () => expect(await db.select({ userId: searchHistory.userId, query: searchHistory.query }).from(searchHistory).where(eq(searchHistory.query, 'raku firing'))).toEqual([{ userId: maya.id, query: 'raku firing' }]),
    });
    expect(went).toBe('/search?q=raku%20firing');
    await redirectOf(call(runSearchAction, { q: 'soda kiln' }));
    await redirectOf(call(runSearchAction, { q: 'Raku firing' }));
    expect((await recentSearches(maya)).map((s) => s.query)).toEqual(['Raku firing', 'soda kiln']);
    expect(await redirectOf(call(runSearchAction, { q: '   ' }))).toBe('/search');
  });

  it('keeps nothing while history is paused, nor for people signed out', async () => {
    const paused = await person('paused_recent');
    await db.insert(feedPreferences).values({ userId: paused.id, historyPaused: true });
    actAs(paused);
    expect(await redirectOf(call(runSearchAction, { q: 'secret hobby' }))).toBe('/search?q=secret%20hobby');
    expect(await recentSearches(paused)).toEqual([]);
    actAs(null);
    const before = await databaseFingerprint();
    expect(await redirectOf(call(runSearchAction, { q: 'anonymous query' }))).toBe('/search?q=anonymous%20query');
    expect(await databaseFingerprint(), 'nothing is kept for people signed out').toEqual(before);
    actAs(paused);
    await expectRefused(() => call(runSearchAction, { q: 'x'.repeat(501) }), { error: 'Please fix the highlighted fields.', caller: paused });
  });

  it('keeps at most 20 per person', async () => {
    const busy = await person('busy_recent');
    actAs(busy);
    for (let i = 0; i < 23; i++) await redirectOf(call(runSearchAction, { q: `query ${i}` }));
    const rows = await db.select().from(searchHistory).where(eq(searchHistory.userId, busy.id));
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.query)).not.toContain('query 0');
    expect(rows.map((r) => r.query)).toContain('query 22');
  });

  it('lets a person delete one of their searches or clear them — never someone else’s', async () => {
    const owner = await person('owner_recent');
    const other = await person('other_recent');
    const [mine] = await db.insert(searchHistory).values({ userId: owner.id, query: 'celadon' }).returning();
    await db.insert(searchHistory).values({ userId: owner.id, query: 'shino' });
    actAs(other);
    await expectRefused(() => call(deleteRecentSearchAction, { searchId: mine.id }), { error: /not in your history/ });
    // Clearing is always one's own: another person's clear leaves the owner's searches, and writes nothing.
    const before = await databaseFingerprint();
    expect((await call(clearRecentSearchesAction, {})).success).toBe('Your recent searches are cleared.');
    expect(await databaseFingerprint()).toEqual(before);
    expect(await db.select().from(searchHistory).where(eq(searchHistory.userId, owner.id))).toHaveLength(2);
    actAs(null);
    await expectRefused(() => call(deleteRecentSearchAction, { searchId: mine.id }), { error: /session has ended/ });
    await expectRefused(() => call(clearRecentSearchesAction, {}), { error: /session has ended/, others: [owner.id, other.id] });
    actAs(owner);
    expect((await expectAllowed(() => call(deleteRecentSearchAction, { searchId: mine.id }), { changes: [searchHistory] })).success).toBe('Search removed from your history.');
    expect((await recentSearches(owner)).map((s) => s.query)).toEqual(['shino']);
    expect((await expectAllowed(() => call(clearRecentSearchesAction, {}), { changes: [searchHistory] })).success).toBe('Your recent searches are cleared.');
    expect(await db.select().from(searchHistory).where(and(eq(searchHistory.userId, owner.id)))).toEqual([]);
  });
});
