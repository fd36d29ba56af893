// Images on posts and on groups: through the one pipeline, seen exactly by those who may see what holds them.
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { channels, groupAuditLog, groupMembers, groups, media, mediaVariants, postImages, posts, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { removeGroupImageAction, uploadGroupImageAction } from '@/lib/groups/actions';
import { createGroupRecords } from '@/lib/groups/setup';
import { getMediaAccess, readMediaBytes } from '@/lib/media/queries';
import { actAs, form } from '@/test/actions';
import { gif, jpegWithGps, pngBomb, polyglotGif, webp } from '@/test/fixtures/images';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { GET as getMedia } from '@/app/api/media/[id]/[variant]/route';
import { createPostAction } from './actions';
import { getPost } from './queries';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

let n = 0;
async function person(name: string): Promise<Viewer> {
  const handle = `${name.toLowerCase()}_${++n}${Math.random().toString(36).slice(2, 6)}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  return { id: u.id, handle: u.handle, name, image: null };
}

const file = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' });

let owner: Viewer, member: Viewer, outsider: Viewer, groupId: string, channelId: string;
beforeAll(async () => {
  [owner, member, outsider] = await Promise.all([person('Owner'), person('Member'), person('Outsider')]);
  [groupId, channelId] = await db.transaction(async (tx) => {
    const { group } = await createGroupRecords(tx, { name: 'Darkroom', slug: `darkroom-${Date.now()}`, description: '', topic: 'photography', visibility: 'invite' }, owner.id);
    await tx.insert(groupMembers).values({ groupId: group.id, userId: member.id });
    const [general] = await tx.select().from(channels).where(and(eq(channels.groupId, group.id), eq(channels.name, 'general')));
    return [group.id, general.id];
  });
});

function postForm(images: File[], body = 'Prints from the weekend') {
  const data = form({ groupId, channelId, body, tags: '', imageAlt: 'Two prints drying on a line' });
  for (const image of images) data.append('images', image);
  return data;
}

describe('post images', () => {
  it('stores up to four images, re-encoded without their metadata, in order', async () => {
    actAs(member);
    const result = await createPostAction({}, postForm([file(await jpegWithGps(), 'a.jpg'), file(await webp(), 'b.webp')]));
    expect(result.error).toBeUndefined();
    const [post] = await db.select().from(posts).where(and(eq(posts.authorId, member.id), eq(posts.body, 'Prints from the weekend')));
    const card = await getPost(member, post.id);
    expect(card?.images).toHaveLength(2);
    expect(card?.images[0]).toMatchObject({ alt: 'Two prints drying on a line', width: 900, height: 600 });
    const served = await readMediaBytes((await getMediaAccess(member, card!.images[0].id, '640'))!);
    const meta = await sharp(served!).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(640);
    expect(meta.exif).toBeUndefined();
  });

  it('shows a private group’s post images only to its members', async () => {
    const [row] = await db.select({ mediaId: postImages.mediaId }).from(postImages).innerJoin(posts, eq(posts.id, postImages.postId)).where(eq(posts.groupId, groupId)).limit(1);
    expect(await getMediaAccess(member, row.mediaId, '640')).not.toBeNull();
    expect(await getMediaAccess(outsider, row.mediaId, '640')).toBeNull();
    expect(await getMediaAccess(null, row.mediaId, '640')).toBeNull();
  });

  it('refuses a fifth image, and a bad file with its own message, writing nothing', async () => {
    actAs(member);
    const five = await Promise.all([1, 2, 3, 4, 5].map(async (i) => file(await gif(), `${i}.gif`)));
    expect((await createPostAction({}, postForm(five, 'Five'))).error).toBe('A post holds at most 4 images.');
    const bomb = await createPostAction({}, postForm([file(await webp(), 'ok.webp'), file(await pngBomb(), 'bomb.png')], 'Bomb'));
    expect(bomb.error).toMatch(/^Image 2: /);
    expect(await db.select().from(posts).where(and(eq(posts.authorId, member.id), eq(posts.body, 'Bomb')))).toHaveLength(0);
  });
});

describe('hostile uploads', () => {
  it('a GIF that is also JavaScript is stored and served as a clean WebP, with nosniff and no way to run it', async () => {
    actAs(member);
    const posted = await createPostAction({}, postForm([file(polyglotGif(), 'innocent.gif')], 'Polyglot'));
    expect(posted.error).toBeUndefined();
    const [row] = await db
      .select({ mediaId: postImages.mediaId })
      .from(postImages)
      .innerJoin(posts, eq(posts.id, postImages.postId))
      .where(and(eq(posts.authorId, member.id), eq(posts.body, 'Polyglot')));
    const response = await getMedia(new Request('http://localhost/api/media'), { params: Promise.resolve({ id: row.mediaId, variant: '640' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect(bytes.toString('latin1')).not.toMatch(/alert|GIF8/);
  });

  it('an SVG, HTML named .png and a truncated image are each refused with their own message, writing nothing', async () => {
    actAs(member);
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#345' } }).png().toBuffer();
    const cases: [Buffer, string, RegExp][] = [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'drawing.svg', /isn’t a PNG, JPEG, WebP or GIF/],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png', /isn’t a PNG, JPEG, WebP or GIF/],
      [png.subarray(0, png.length - 30), 'cut.png', /damaged or cut short/],
    ];
    for (const [bytes, name, message] of cases) {
      const result = await createPostAction({}, postForm([file(bytes, name)], `Bad ${name}`));
      expect(result.error).toMatch(message);
      expect(result.fieldErrors?.images).toMatch(message);
      expect(await db.select().from(posts).where(eq(posts.body, `Bad ${name}`))).toHaveLength(0);
    }
  });
});

describe('group icon and banner', () => {
  it('only people who may manage settings can change them; the old image is not kept', async () => {
    const icon = await webp();
    const iconForm = (kind: string) => {
      const data = form({ groupId, kind });
      data.append('file', file(icon, 'icon.webp'));
      return data;
    };
    const others = [owner.id, member.id, outsider.id];
    actAs(member);
    await expectRefused(() => uploadGroupImageAction({}, iconForm('group_icon')), { error: /None of your roles grants/, others });
    actAs(outsider);
    await expectRefused(() => uploadGroupImageAction({}, iconForm('group_banner')), { error: /None of your roles grants|Only members/, others });
    actAs(null);
    await expectRefused(() => uploadGroupImageAction({}, iconForm('group_icon')), { error: 'Your session has ended — please sign in again.', others });
    actAs(owner);
    await expectRefused(() => uploadGroupImageAction({}, iconForm('wallpaper')), { error: 'Please fix the highlighted fields.', others });
    await expectAllowed(() => uploadGroupImageAction({}, iconForm('group_icon')), { changes: [groups, media, mediaVariants, groupAuditLog] });
    const [first] = await db.select({ icon: groups.iconMediaId }).from(groups).where(eq(groups.id, groupId));
    expect((await uploadGroupImageAction({}, iconForm('group_icon'))).success).toBe('New icon saved.');
    const [second] = await db.select({ icon: groups.iconMediaId }).from(groups).where(eq(groups.id, groupId));
    expect(second.icon).not.toBe(first.icon);
    expect(await db.select().from(media).where(eq(media.id, first.icon!))).toHaveLength(0);
    actAs(member);
    await expectRefused(() => removeGroupImageAction({}, form({ groupId, kind: 'group_icon' })), { error: /None of your roles grants/, others });
    actAs(null);
    await expectRefused(() => removeGroupImageAction({}, form({ groupId, kind: 'group_icon' })), { error: 'Your session has ended — please sign in again.', others });
    actAs(owner);
    const removed = await expectAllowed(() => removeGroupImageAction({}, form({ groupId, kind: 'group_icon' })), {
      changes: [groups, media, mediaVariants, groupAuditLog],
      effect: async () => expect(await db.select().from(media).where(eq(media.id, second.icon!))).toHaveLength(0),
    });
    expect(removed.success).toBe('Icon removed.');
    expect((await db.select({ icon: groups.iconMediaId }).from(groups).where(eq(groups.id, groupId)))[0].icon).toBeNull();
  });
});
