// Visibility on every query that shows profile data: what a viewer may not see is never read or returned.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { follows, interests, media, mediaVariants, profiles, userInterests } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getMediaAccess } from '@/lib/media/queries';
import { forgetPerson } from '@/lib/cache/person-cache';
import { feedGreeting, getFeedGreeting, getProfile, getProfileForEditing, getProfilePosts, listSuggestedPeople, type ProfileView } from './queries';
import { makeGroup, makeInterests, makePerson, makePost } from '@/test/profiles';

async function found(viewer: Viewer | null, handle: string): Promise<ProfileView> {
  const result = await getProfile(viewer, handle);
  if (result.kind !== 'found') throw new Error(`expected a profile, got ${result.kind}`);
  return result.profile;
}

describe('getProfile', () => {
  it('shows an “everyone” profile to a signed-out visitor, a “members” one only to members, an “only me” one only to its owner', async () => {
    const member = await makePerson();
    const open = await makePerson({ visibility: 'everyone', bio: 'Hello **there**' });
    const members = await makePerson({ visibility: 'members', bio: 'secret bio' });
    const hidden = await makePerson({ visibility: 'only_me', bio: 'diary' });

    expect((await found(null, open.handle)).bioHtml).toBe('<p>Hello <strong>there</strong></p>');
    expect(await getProfile(null, members.handle)).toEqual({ kind: 'restricted', handle: members.handle, reason: 'members' });
    expect((await found(member, members.handle)).bioText).toBe('secret bio');
    expect(await getProfile(member, hidden.handle)).toEqual({ kind: 'restricted', handle: hidden.handle, reason: 'only_me' });
    expect(await getProfile(null, hidden.handle)).toEqual({ kind: 'restricted', handle: hidden.handle, reason: 'only_me' });
    expect((await found(hidden, hidden.handle)).isSelf).toBe(true);
    expect(await getProfile(member, 'nobody_by_this_name')).toEqual({ kind: 'not_found' });
    // A restricted answer carries nothing but the handle.
    expect(JSON.stringify(await getProfile(null, members.handle))).not.toContain('secret');
  });

  it('does not read hidden sections for others, and tells the owner what others don’t see', async () => {
    const [ceramics] = await makeInterests('pottery');
    const viewer = await makePerson();
    const owner = await makePerson({ visibility: 'everyone', showGroups: false, showInterests: false, showPosts: false });
    await makeGroup([owner.id]);
    await db.insert(userInterests).values({ userId: owner.id, interestId: ceramics?.id ?? (await db.select().from(interests).where(eq(interests.slug, 'pottery')))[0].id });
    const pinned = await makePost(owner.id, 'pinned thought');
    await db.update(profiles).set({ pinnedPostId: pinned }).where(eq(profiles.userId, owner.id));

    const seen = await found(viewer, owner.handle);
    expect(seen.groups).toBeNull();
    expect(seen.interests).toBeNull();
    expect(seen.showsPosts).toBe(false);
    expect(seen.pinnedPost).toBeNull();
    expect(seen.hiddenFromOthers).toEqual([]);
    expect(await getProfilePosts(viewer, seen)).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('pinned thought');

    const self = await found(owner, owner.handle);
    expect(self.groups).toHaveLength(1);
    expect(self.interests).toEqual([{ slug: 'pottery', label: 'Pottery' }]);
    expect(self.pinnedPost?.body).toBe('pinned thought');
    expect(self.hiddenFromOthers).toEqual(['posts', 'groups', 'interests']);
    expect((await getProfilePosts(owner, self))?.items).toHaveLength(1);
  });

  it('shows a signed-out visitor only posts made on the profile, members also the group posts', async () => {
    const owner = await makePerson({ visibility: 'everyone' });
    const member = await makePerson();
    const group = await makeGroup([owner.id]);
    await makePost(owner.id, 'on my profile');
    const inGroup = await makePost(owner.id, 'in my group', group);
    await db.update(profiles).set({ pinnedPostId: inGroup }).where(eq(profiles.userId, owner.id));

    const visitor = await found(null, owner.handle);
    expect((await getProfilePosts(null, visitor))!.items.map((p) => p.body)).toEqual(['on my profile']);
    expect(visitor.pinnedPost).toBeNull();
    const asMember = await found(member, owner.handle);
    expect((await getProfilePosts(member, asMember))!.items.map((p) => p.body).sort()).toEqual(['in my group', 'on my profile']);
    expect(asMember.pinnedPost?.body).toBe('in my group');
  });

  it('shows a pinned post only when it is the person’s own', async () => {
    const owner = await makePerson({ visibility: 'everyone' });
    const other = await makePerson();
    const theirs = await makePost(other.id, 'not yours');
    // Written straight to the database, past the action's own check.
    await db.update(profiles).set({ pinnedPostId: theirs }).where(eq(profiles.userId, owner.id));
    expect((await found(other, owner.handle)).pinnedPost).toBeNull();
  });
});

describe('getMediaAccess', () => {
  async function storeImage(ownerId: string, kind: 'avatar' | 'banner') {
    const [row] = await db.insert(media).values({ ownerId, kind, width: 48, height: 48, sha256: 'x' }).returning({ id: media.id });
    await db.insert(mediaVariants).values({ mediaId: row.id, name: '48', width: 48, height: 48, contentType: 'image/webp', etag: '"abc"', bytes: Buffer.from('RIFFxxxxWEBP') });
    return row.id;
  }

  it('serves images by the owner’s visibility, and caches publicly only what everyone may see', async () => {
    const member = await makePerson();
    const open = await makePerson({ visibility: 'everyone' });
    const closed = await makePerson({ visibility: 'only_me' });
    const openAvatar = await storeImage(open.id, 'avatar');
    const closedAvatar = await storeImage(closed.id, 'avatar');
    const closedBanner = await storeImage(closed.id, 'banner');

    expect(await getMediaAccess(null, openAvatar, '48')).toMatchObject({ cache: 'public', etag: '"abc"', contentType: 'image/webp' });
    expect(await getMediaAccess(null, closedAvatar, '48')).toBeNull();
    expect(await getMediaAccess(member, closedAvatar, '48')).toMatchObject({ cache: 'private' });
    expect(await getMediaAccess(member, closedBanner, '48')).toBeNull();
    expect(await getMediaAccess(closed, closedBanner, '48')).not.toBeNull();
    expect(await getMediaAccess(member, openAvatar, '999')).toBeNull();
    expect(await getMediaAccess(member, 'not-an-id', '48')).toBeNull();
  });
});

describe('listSuggestedPeople', () => {
  it('suggests only people who said yes and whose profile is not private', async () => {
    const viewer = await makePerson();
    const yes = await makePerson({ suggestMe: true });
    const no = await makePerson({ suggestMe: false });
    const privateOne = await makePerson({ suggestMe: true, visibility: 'only_me' });
    const followed = await makePerson({ suggestMe: true });
    await makeGroup([viewer.id, yes.id, no.id, privateOne.id, followed.id]);
    await db.insert(follows).values({ followerId: viewer.id, followeeId: followed.id });
    expect((await listSuggestedPeople(viewer, 10)).map((p) => p.handle)).toEqual([yes.handle]);
  });
});

describe('getProfileForEditing', () => {
  it('gives the person everything they can change, and never anyone else’s', async () => {
    const maya = await makePerson({ bio: 'mine', visibility: 'only_me' });
    await makePerson({ bio: 'not mine' });
    const editing = await getProfileForEditing(maya);
    expect(editing).toMatchObject({ bio: 'mine', visibility: 'only_me', handle: maya.handle });
    expect(JSON.stringify(editing)).not.toContain('not mine');
  });
});

describe('getFeedGreeting', () => {
  it('greets in the person’s time zone with news since their last visit', async () => {
    const maya = await makePerson({ timeZone: 'Asia/Tokyo' }, 'Maya Kim');
    const friend = await makePerson({}, 'Ana Lee');
    const group = await makeGroup([maya.id, friend.id]);
    const firstVisit = new Date('2026-03-02T10:00:00Z');
    const first = await getFeedGreeting(maya, firstVisit);
    expect(first?.salutation).toBe('Good evening, Maya'); // 19:00 in Tokyo

    // Posts are stamped now: the previous visit was two hours ago, the next one an hour from now.
    await db.update(profiles).set({ feedSeenAt: new Date(Date.now() - 2 * 60 * 60 * 1000) }).where(eq(profiles.userId, maya.id));
    await makePost(friend.id, 'new in the group', group);
    await makePost(maya.id, 'her own post does not count', group);
    const nextVisit = new Date(Date.now() + 60 * 60 * 1000);
    expect((await getFeedGreeting(maya, nextVisit))?.line).toBe('One new post in your groups since your last visit.');
    // Within the same visit (less than 30 minutes later) the news stays; a new follower comes first.
    await db.insert(follows).values({ followerId: friend.id, followeeId: maya.id });
    expect((await getFeedGreeting(maya, new Date(nextVisit.getTime() + 60_000)))?.line).toBe('Ana Lee started following you.');
  });

  it('as the feed shows it: the visit’s news is kept per person until they change something; the hour is always now', async () => {
    const maya = await makePerson({ timeZone: 'UTC' }, 'Maya Kim');
    const friend = await makePerson({}, 'Ana Lee');
    // The version is read from the database (the page passes the one read with the session).
    const viewer: Viewer = { ...maya, cacheVersion: undefined };
    // The next 11:58 UTC to come (what happens is stamped now, before it).
    const morning = new Date();
    morning.setUTCHours(11, 58, 0, 0);
    if (morning.getTime() <= Date.now()) morning.setUTCDate(morning.getUTCDate() + 1);
    const first = await feedGreeting(viewer, morning);
    expect(first).toMatchObject({ salutation: 'Good morning, Maya', line: null });
    // A new follower: the news read for this visit stands for the next few minutes; the part of the day moves on.
    await db.insert(follows).values({ followerId: friend.id, followeeId: maya.id });
    const later = new Date(morning.getTime() + 4 * 60_000);
    expect(await feedGreeting(viewer, later)).toMatchObject({ salutation: 'Good afternoon, Maya', line: null });
    // Read afresh it is there, and the feed says it once the person's cache is forgotten (any of their changes).
    expect((await getFeedGreeting(maya, later))?.line).toBe('Ana Lee started following you.');
    await forgetPerson(db, maya.id);
    expect((await feedGreeting(viewer, later))?.line).toBe('Ana Lee started following you.');
  });
});
