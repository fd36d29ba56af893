// The media route's caching, through its GET handler: long caching only for a public image under its current
// versioned URL, `private, no-cache` with ETags (and 304s) for everything else, access decided before any bytes are
// read, and a private group's icon and banner for its members only.
import { and, eq } from 'drizzle-orm';
import { PgDatabase } from 'drizzle-orm/pg-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { groupMembers, groups, mediaVariants, users } from '@/db/schema';
import type { GroupVisibility } from '@/db/schema/groups';
import type { Viewer } from '@/lib/auth/viewer';
import { uploadGroupImageAction } from '@/lib/groups/actions';
import { getGroupPage, listGroups } from '@/lib/groups/queries';
import { createGroupRecords } from '@/lib/groups/setup';
import { updateProfileAction, uploadImageAction } from '@/lib/profiles/actions';
import { getProfile } from '@/lib/profiles/queries';
import { makePerson, profileForm } from '@/test/profiles';
import { actAs, form } from '@/test/actions';
import { databaseFingerprint, expectAllowed, expectRefused, routeAnswer } from '@/test/proofs';
import { webp } from '@/test/fixtures/images';
import { GET } from '@/app/api/media/[id]/[variant]/route';
import { mediaVariantUrl } from './urls';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

// Every select through `db` (the real database behind its proxy inherits from PgDatabase): one that asks for the
// stored bytes, or for whole rows, is a read of the bytes.
const selects = vi.spyOn(PgDatabase.prototype, 'select');
const readsBytes = (fields: unknown) => !fields || Object.values(fields as Record<string, unknown>).includes(mediaVariants.bytes);

type Answer = { status: number; cache: string | null; etag: string | null; vary: string | null; body: number; bytesRead: boolean };

/** Asks the media route for `url` as `viewer`, as a browser would. */
async function fetchMedia(url: string, viewer: Viewer | null, headers: Record<string, string> = {}): Promise<Answer> {
  actAs(viewer);
  const target = new URL(url, 'http://localhost');
  const [, , , id, variant] = target.pathname.split('/');
  const before = selects.mock.calls.length;
  const response = await GET(new Request(target, { headers }), { params: Promise.resolve({ id, variant }) });
  const bytesRead = selects.mock.calls.slice(before).some(([fields]) => readsBytes(fields));
  return {
    status: response.status,
    cache: response.headers.get('cache-control'),
    etag: response.headers.get('etag'),
    vary: response.headers.get('vary'),
    body: (await response.arrayBuffer()).byteLength,
    bytesRead,
  };
}

const longCache = 'public, max-age=31536000, immutable';
const revalidate = 'private, no-cache';
const withoutVersion = (url: string) => url.replace(/\?.*$/, '');

const imageFile = async (name: string) => new File([new Uint8Array(await webp())], name, { type: 'image/webp' });

async function uploadProfileImage(viewer: Viewer, kind: 'avatar' | 'banner') {
  actAs(viewer);
  const data = new FormData();
  data.set('kind', kind);
  data.set('file', await imageFile(`${kind}.webp`));
  expect((await uploadImageAction({}, data)).success).toBeTruthy();
}

async function setVisibility(viewer: Viewer, visibility: 'everyone' | 'members' | 'only_me') {
  actAs(viewer);
  expect((await updateProfileAction({}, profileForm(viewer, { visibility }))).success).toBeTruthy();
}

const userImage = async (viewer: Viewer) => (await db.select({ image: users.image }).from(users).where(eq(users.id, viewer.id)))[0].image!;

let n = 0;
async function makeGroupWithImages(owner: Viewer, members: Viewer[], visibility: GroupVisibility) {
  const groupId = await db.transaction(async (tx) => {
    const { group } = await createGroupRecords(tx, { name: `Darkroom ${++n}`, slug: `darkroom-cache-${n}-${Date.now()}`, description: '', topic: 'photography', visibility }, owner.id);
    if (members.length) await tx.insert(groupMembers).values(members.map((m) => ({ groupId: group.id, userId: m.id })));
    return group.id;
  });
  actAs(owner);
  for (const kind of ['group_icon', 'group_banner']) {
    const data = form({ groupId, kind });
    data.append('file', await imageFile(`${kind}.webp`));
    expect((await uploadGroupImageAction({}, data)).success).toBeTruthy();
  }
  return groupId;
}

beforeEach(() => actAs(null));

describe('public images', () => {
  it('are long-cached only under their current versioned URL; a change of visibility changes the URL and ends it', async () => {
    const owner = await makePerson({}, 'Owner');
    const member = await makePerson({}, 'Member');
    await setVisibility(owner, 'everyone');
    await uploadProfileImage(owner, 'avatar');
    const publicUrl = mediaVariantUrl(await userImage(owner), '48');
    expect(publicUrl).toMatch(/^\/api\/media\/[0-9a-f-]{36}\/48\?v=[0-9a-z]+$/);

    const current = await fetchMedia(publicUrl, null);
    expect(current).toMatchObject({ status: 200, cache: longCache, vary: null });
    expect(current.etag).toMatch(/^".+"$/);
    // Without a version, or with one that is not current, the same image is revalidated on every use.
    expect(await fetchMedia(withoutVersion(publicUrl), null)).toMatchObject({ status: 200, cache: revalidate, vary: 'Cookie' });
    expect(await fetchMedia(`${withoutVersion(publicUrl)}?v=old`, null)).toMatchObject({ status: 200, cache: revalidate });

    await setVisibility(owner, 'members');
    const membersUrl = mediaVariantUrl(await userImage(owner), '48');
    expect(membersUrl).not.toBe(publicUrl);
    expect(withoutVersion(membersUrl)).toBe(withoutVersion(publicUrl));
    // The old URL is no longer long-cached by anyone, nor served to whoever may not see it now.
    expect(await fetchMedia(publicUrl, null)).toMatchObject({ status: 404, cache: 'no-store', bytesRead: false });
    expect(await fetchMedia(publicUrl, member)).toMatchObject({ status: 200, cache: revalidate, vary: 'Cookie' });
    // Members-only media is never long-cached, even under its current URL.
    expect(await fetchMedia(membersUrl, member)).toMatchObject({ status: 200, cache: revalidate, vary: 'Cookie' });

    // Public again: its URL is long-cached again.
    await setVisibility(owner, 'everyone');
    expect(await fetchMedia(mediaVariantUrl(await userImage(owner), '48'), null)).toMatchObject({ status: 200, cache: longCache });
  });
});

describe('private images', () => {
  it('are revalidated every time: a 304 without reading the bytes while unchanged and allowed, refused once not', async () => {
    const owner = await makePerson({ visibility: 'members' }, 'Owner');
    const member = await makePerson({}, 'Member');
    await uploadProfileImage(owner, 'banner');
    const found = await getProfile(member, owner.handle);
    if (found.kind !== 'found') throw new Error(`expected a profile, got ${found.kind}`);
    const url = mediaVariantUrl(found.profile.theme.bannerUrl!, '768');
    expect(url).toMatch(/\/768\?v=/);

    const first = await fetchMedia(url, member);
    expect(first).toMatchObject({ status: 200, cache: revalidate, vary: 'Cookie', bytesRead: true });
    expect(first.body).toBeGreaterThan(0);
    expect(await fetchMedia(url, null)).toMatchObject({ status: 404, bytesRead: false });

    const again = await fetchMedia(url, member, { 'If-None-Match': first.etag! });
    expect(again).toMatchObject({ status: 304, cache: revalidate, etag: first.etag, body: 0, bytesRead: false });
    expect(await fetchMedia(url, member, { 'If-None-Match': `"other", W/${first.etag}` })).toMatchObject({ status: 304, bytesRead: false });
    expect(await fetchMedia(url, member, { 'If-None-Match': '"other"' })).toMatchObject({ status: 200, bytesRead: true });

    // Access ends: the browser's copy is not confirmed (no 304), and nothing is read.
    await setVisibility(owner, 'only_me');
    expect(await fetchMedia(url, member, { 'If-None-Match': first.etag! })).toMatchObject({ status: 404, bytesRead: false });
    expect(await fetchMedia(url, owner, { 'If-None-Match': first.etag! })).toMatchObject({ status: 304, bytesRead: false });
  });
});

describe('group icons and banners', () => {
  it('of a private group are served to its members only, and its URLs are given to members only', async () => {
    const owner = await makePerson({}, 'Owner');
    const member = await makePerson({}, 'Member');
    const outsider = await makePerson({}, 'Outsider');
    const groupId = await makeGroupWithImages(owner, [member], 'invite');
    const [group] = await db.select().from(groups).where(eq(groups.id, groupId));

    const seen = (await listGroups(member, { q: group.name })).find((g) => g.id === groupId)!;
    expect(seen.iconUrl).toMatch(/\?v=/);
    expect((await listGroups(outsider, { q: group.name })).find((g) => g.id === groupId)?.iconUrl).toBeNull();
    const page = await getGroupPage(member, group.slug);
    expect(page?.group.bannerUrl).toMatch(/\?v=/);
    expect((await getGroupPage(outsider, group.slug))?.group).toMatchObject({ iconUrl: null, bannerUrl: null });

    for (const url of [mediaVariantUrl(seen.iconUrl!, '128'), mediaVariantUrl(page!.group.bannerUrl!, '768')]) {
      expect(await fetchMedia(url, outsider)).toMatchObject({ status: 404, cache: 'no-store', bytesRead: false });
      expect(await fetchMedia(url, null)).toMatchObject({ status: 404, bytesRead: false });
      const served = await fetchMedia(url, member);
      expect(served).toMatchObject({ status: 200, cache: revalidate, vary: 'Cookie', bytesRead: true });
      expect(await fetchMedia(url, owner, { 'If-None-Match': served.etag! })).toMatchObject({ status: 304, bytesRead: false });
    }
    // Leaving the group ends it.
    await db.delete(groupMembers).where(eq(groupMembers.userId, member.id));
    expect(await fetchMedia(mediaVariantUrl(seen.iconUrl!, '128'), member)).toMatchObject({ status: 404, bytesRead: false });
  });

  it('of a public group are public and long-cached, until the group turns private', async () => {
    const owner = await makePerson({}, 'Owner');
    const member = await makePerson({}, 'Member');
    const outsider = await makePerson({}, 'Outsider');
    const groupId = await makeGroupWithImages(owner, [member], 'public');
    const [group] = await db.select().from(groups).where(eq(groups.id, groupId));
    const iconUrl = (await listGroups(outsider, { q: group.name })).find((g) => g.id === groupId)!.iconUrl!;
    const url = mediaVariantUrl(iconUrl, '48');
    expect(await fetchMedia(url, null)).toMatchObject({ status: 200, cache: longCache, bytesRead: true });
    expect(await fetchMedia(url, outsider)).toMatchObject({ status: 200, cache: longCache });

    await db.update(groups).set({ visibility: 'request' }).where(eq(groups.id, groupId));
    const nowUrl = (await listGroups(member, { q: group.name })).find((g) => g.id === groupId)!.iconUrl!;
    expect(nowUrl).not.toBe(iconUrl);
    expect(await fetchMedia(url, null)).toMatchObject({ status: 404, bytesRead: false });
    expect(await fetchMedia(url, outsider)).toMatchObject({ status: 404, bytesRead: false });
    expect(await fetchMedia(url, member)).toMatchObject({ status: 200, cache: revalidate });
    expect(await fetchMedia(mediaVariantUrl(nowUrl, '48'), member)).toMatchObject({ status: 200, cache: revalidate });
  });
});

describe('proved through the route', () => {
  it('serves an image’s bytes to whoever may see it, the same “not found” to anyone else, and writes nothing either way', async () => {
    const owner = await makePerson({ visibility: 'members' }, 'Owner');
    const member = await makePerson({}, 'Member');
    await uploadProfileImage(owner, 'banner');
    const found = await getProfile(member, owner.handle);
    if (found.kind !== 'found') throw new Error(`expected a profile, got ${found.kind}`);
    const url = new URL(mediaVariantUrl(found.profile.theme.bannerUrl!, '768'), 'http://localhost');
    const [, , , id, variant] = url.pathname.split('/');
    const at = (size = variant) => [new Request(url), { params: Promise.resolve({ id, variant: size }) }] as const;
    const [stored] = await db.select({ bytes: mediaVariants.bytes }).from(mediaVariants).where(and(eq(mediaVariants.mediaId, id), eq(mediaVariants.name, variant)));
    const others = [owner.id, member.id];

    actAs(null);
    await expectRefused(() => routeAnswer(GET(...at())), { error: 'Not found', others });
    actAs(member);
    await expectRefused(() => routeAnswer(GET(...at('9999'))), { error: 'Not found', others });
    const before = await databaseFingerprint();
    const served = await expectAllowed(() => routeAnswer(GET(...at())), {
      effect: async () => expect(await databaseFingerprint(), 'serving an image writes nothing').toEqual(before),
    });
    expect(Buffer.from(served.body as Uint8Array).equals(Buffer.from(stored.bytes))).toBe(true);

    await setVisibility(owner, 'only_me');
    actAs(member);
    await expectRefused(() => routeAnswer(GET(...at())), { error: 'Not found', others });
    actAs(owner);
    expect(await routeAnswer(GET(...at()))).toMatchObject({ status: 200 });
  });
});
