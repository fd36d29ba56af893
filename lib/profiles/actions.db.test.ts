// The profile actions on a real database: each acts only for the signed-in person, validates what it is given,
// and stores images with their metadata gone.
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { handleRedirects, media, mediaVariants, profiles, userInterests, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { registry } from '@/lib/privacy/registry';
import { profileMediaUrl } from '@/lib/media/urls';
import { gif, jpegWithGps, noisyPng, pngBomb } from '@/test/fixtures/images';
import { makeInterests, makePerson, makePost, profileForm } from '@/test/profiles';
import { expectAllowed, expectRefused } from '@/test/proofs';

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock('@/lib/auth/viewer', () => ({ getViewer: async () => session.viewer }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { previewBioAction, removeImageAction, updateProfileAction, uploadImageAction, rememberTimeZoneAction } = await import('./actions');
const { getProfile } = await import('./queries');

const as = (viewer: Viewer | null) => (session.viewer = viewer);

async function profileOf(userId: string) {
  const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return { ...row, user };
}

function uploadForm(bytes: Uint8Array, kind = 'avatar', name = 'photo.jpg', crop?: Record<string, string>) {
  const data = new FormData();
  data.set('kind', kind);
  data.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'image/jpeg' }));
  for (const [k, v] of Object.entries(crop ?? {})) data.set(k, v);
  return data;
}

beforeEach(() => as(null));

describe('updateProfileAction', () => {
  it('saves every field for the signed-in person', async () => {
    await makeInterests('ceramics', 'baking');
    const maya = await makePerson({}, 'Maya Kim');
    const post = await makePost(maya.id, 'My first pot');
    as(maya);
    const result = await expectAllowed(() => updateProfileAction(
      {},
      profileForm(maya, {
        name: 'Maya K.',
        pronouns: 'she/her',
        bio: 'Potter **and** baker',
        location: 'Leeds',
        link1: 'https://example.org/maya',
        accent: 'custom',
        accentCustom: '#1F5FA8',
        bannerGradient: 'dusk',
        layout: 'split',
        avatarStyle: 'lorelei',
        avatarBackground: 'b6e3f4',
        avatarShape: 'rounded',
        visibility: 'everyone',
        showGroups: '',
        interest_ceramics: 'on',
        pinnedPostId: post,
        timeZone: 'Europe/London',
      }),
    ), { changes: [profiles, users, userInterests] });
    expect(result).toMatchObject({ success: 'Profile saved.' });
    const saved = await profileOf(maya.id);
    expect(saved).toMatchObject({
      pronouns: 'she/her',
      bio: 'Potter **and** baker',
      location: 'Leeds',
      links: ['https://example.org/maya'],
      accentColor: '#1f5fa8',
      bannerGradient: 'dusk',
      layout: 'split',
      visibility: 'everyone',
      showGroups: false,
      showPosts: true,
      pinnedPostId: post,
      timeZone: 'Europe/London',
    });
    expect(saved.user.name).toBe('Maya K.');
    expect(saved.user.image).toBe(`/api/avatar/lorelei/${maya.handle}?bg=b6e3f4&shape=rounded`);
    expect(await db.select().from(userInterests).where(eq(userInterests.userId, maya.id))).toHaveLength(1);
  });

  it('refuses when nobody is signed in', async () => {
    const maya = await makePerson();
    as(null);
    await expectRefused(() => updateProfileAction({}, profileForm(maya, { bio: 'hacked' })), { error: 'Your session has ended — please sign in again.', others: [maya.id] });
    expect((await profileOf(maya.id)).bio).toBe('');
  });

  it('edits only the signed-in person, whatever ids the form carries', async () => {
    const maya = await makePerson({}, 'Maya');
    const eve = await makePerson({}, 'Eve');
    as(eve);
    const result = await updateProfileAction({}, profileForm({ ...maya }, { userId: maya.id, id: maya.id, handle: eve.handle, bio: 'Eve was here' }));
    expect(result.success).toBeDefined();
    expect((await profileOf(maya.id)).bio).toBe('');
    expect((await profileOf(maya.id)).user.name).toBe('Maya');
    expect((await profileOf(eve.id)).bio).toBe('Eve was here');
  });

  it('refuses to pin someone else’s post', async () => {
    const maya = await makePerson();
    const eve = await makePerson();
    const mayasPost = await makePost(maya.id, 'Mine');
    as(eve);
    await expectRefused(() => updateProfileAction({}, profileForm(eve, { pinnedPostId: mayasPost })), { error: 'Please fix the highlighted fields.', caller: eve });
    const result = await updateProfileAction({}, profileForm(eve, { pinnedPostId: mayasPost }));
    expect(result.fieldErrors).toEqual({ pinnedPostId: 'You can pin only one of your own posts.' });
    expect((await profileOf(eve.id)).pinnedPostId).toBeNull();
  });

  it('returns field errors and the typed values for invalid input', async () => {
    const maya = await makePerson();
    as(maya);
    const result = await updateProfileAction({}, profileForm(maya, { link1: 'javascript:alert(1)', accent: 'custom', accentCustom: '#ffee00', bio: 'kept' }));
    expect(result.error).toBe('Please fix the highlighted fields.');
    expect(result.fieldErrors).toMatchObject({ link1: expect.stringContaining('Only web links'), accent: expect.stringContaining('contrast') });
    expect(result.values).toMatchObject({ bio: 'kept', link1: 'javascript:alert(1)' });
  });

  it('refuses unknown interests', async () => {
    const maya = await makePerson();
    as(maya);
    const result = await updateProfileAction({}, profileForm(maya, { 'interest_no-such-thing': 'on' }));
    expect(result.fieldErrors).toEqual({ interests: 'Choose interests from the list.' });
  });

  it('changes the handle, keeps the old one redirecting for 30 days, and refuses taken, held or reserved handles', async () => {
    const maya = await makePerson({ visibility: 'everyone' }, 'Maya');
    const eve = await makePerson();
    as(maya);
    const newHandle = `${maya.handle}_new`;
    const changed = await updateProfileAction({}, profileForm(maya, { handle: newHandle.toUpperCase() }));
    expect(changed.success).toBe(`Profile saved. @${maya.handle} now redirects to @${newHandle} for 30 days.`);
    const [redirect] = await db.select().from(handleRedirects).where(eq(handleRedirects.userId, maya.id));
    expect(redirect.oldHandle).toBe(maya.handle);
    expect(redirect.expiresAt.getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect(await getProfile(null, maya.handle)).toEqual({ kind: 'redirect', handle: newHandle });
    // After 30 days the old handle no longer leads anywhere.
    expect(await getProfile(null, maya.handle, new Date(Date.now() + 31 * 86_400_000))).toEqual({ kind: 'not_found' });

    as(eve);
    expect((await updateProfileAction({}, profileForm(eve, { handle: newHandle }))).fieldErrors).toEqual({ handle: `The handle @${newHandle} is taken — try another.` });
    expect((await updateProfileAction({}, profileForm(eve, { handle: maya.handle }))).fieldErrors?.handle).toContain('still held for them');
    expect((await updateProfileAction({}, profileForm(eve, { handle: 'admin' }))).fieldErrors).toEqual({ handle: 'That handle is reserved — try another.' });

    // Maya may take her old handle back; its redirect then ends.
    as({ ...maya, handle: newHandle });
    expect((await updateProfileAction({}, profileForm({ ...maya, handle: newHandle }, { handle: maya.handle }))).success).toBeDefined();
    const redirects = await db.select().from(handleRedirects).where(eq(handleRedirects.userId, maya.id));
    expect(redirects.map((r) => r.oldHandle)).toEqual([newHandle]);
  });
});

describe('rememberTimeZoneAction', () => {
  it('takes the browser’s time zone only until the person chose one', async () => {
    const maya = await makePerson();
    as(maya);
    const form = (tz: string) => {
      const data = new FormData();
      data.set('timeZone', tz);
      return data;
    };
    await expectRefused(() => rememberTimeZoneAction({}, form('Not/AZone')), { error: 'Please fix the highlighted fields.', caller: maya });
    await expectAllowed(() => rememberTimeZoneAction({}, form('Asia/Tokyo')), {
      changes: [profiles],
      effect: async () => expect((await profileOf(maya.id)).timeZone).toBe('Asia/Tokyo'),
    });
    await rememberTimeZoneAction({}, form('Europe/Paris'));
    expect((await profileOf(maya.id)).timeZone).toBe('Asia/Tokyo');
    as(null);
    await expectRefused(() => rememberTimeZoneAction({}, form('Europe/Paris')), { error: 'Your session has ended — please sign in again.', others: [maya.id] });
  });
});

describe('uploadImageAction', () => {
  it('stores an avatar without any metadata, at three sizes, and shows it everywhere users.image is read', async () => {
    const maya = await makePerson();
    as(maya);
    const input = await jpegWithGps(1200, 800);
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const result = await expectAllowed(() => uploadImageAction({}, uploadForm(input, 'avatar', 'holiday.jpg', { cropX: '0.25', cropY: '0', cropWidth: '0.5', cropHeight: '1' })), {
      changes: [media, mediaVariants, profiles, users],
    });
    expect(result).toEqual({ success: 'Your new avatar is saved.' });

    const saved = await profileOf(maya.id);
    expect(saved.avatarMediaId).toBeTruthy();
    expect(saved.user.image).toBe(profileMediaUrl(saved.avatarMediaId!, saved.visibility));
    expect(saved.user.image).toMatch(/^\/api\/media\/[0-9a-f-]{36}\?v=[0-9a-z]+$/);
    const variants = await db.select().from(mediaVariants).where(eq(mediaVariants.mediaId, saved.avatarMediaId!));
    expect(variants.map((v) => v.name).sort()).toEqual(['128', '256', '48']);
    for (const v of variants) {
      // Read back from the database with sharp: no EXIF, no GPS, no ICC, no XMP.
      const meta = await sharp(v.bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(v.bytes.includes(Buffer.from('HearthTestCam'))).toBe(false);
      expect(meta.width).toBe(meta.height);
    }
  });

  it('replaces the previous picture, and “remove” returns to the generated avatar', async () => {
    const maya = await makePerson();
    as(maya);
    await uploadImageAction({}, uploadForm(await jpegWithGps(300, 300)));
    await uploadImageAction({}, uploadForm(await gif(), 'avatar', 'anim.gif'));
    expect(await db.select().from(media).where(eq(media.ownerId, maya.id))).toHaveLength(1);
    const kind = (value: string) => {
      const d = new FormData();
      d.set('kind', value);
      return d;
    };
    await expectRefused(() => removeImageAction({}, kind('wallpaper')), { error: 'Please fix the highlighted fields.', caller: maya });
    as(null);
    await expectRefused(() => removeImageAction({}, kind('avatar')), { error: 'Your session has ended — please sign in again.', others: [maya.id] });
    as(maya);
    const removed = await expectAllowed(() => removeImageAction({}, kind('avatar')), { changes: [media, mediaVariants, users] });
    expect(removed.success).toContain('generated one again');
    const saved = await profileOf(maya.id);
    expect(saved.avatarMediaId).toBeNull();
    expect(saved.user.image).toMatch(new RegExp(`^/api/avatar/thumbs/${maya.handle}\\?bg=[0-9a-f]{6}&shape=circle$`));
    expect(await db.select().from(media).where(eq(media.ownerId, maya.id))).toHaveLength(0);
  });

  it('stores banners wide and exports every stored byte through the privacy registry', async () => {
    const maya = await makePerson();
    as(maya);
    expect((await uploadImageAction({}, uploadForm(await noisyPng(900, 300), 'banner', 'b.png'))).success).toBe('Your new banner is saved.');
    const exported = await registry.find((e) => e.table === 'media')!.export(db, maya.id);
    expect(exported).toHaveLength(1);
    const variants = exported[0].variants as { width: number; height: number; base64: string }[];
    expect(variants.map((v) => [v.width, v.height])).toEqual([[768, 256], [1536, 512]]);
    expect((await sharp(Buffer.from(variants[0].base64, 'base64')).metadata()).format).toBe('webp');
  });

  it.each([
    ['a text file named like a picture', async () => Buffer.from('not an image at all'), 'That file isn’t a PNG, JPEG, WebP or GIF image (we look at what is inside, not at its name).'],
    ['a truncated JPEG', async () => (await jpegWithGps()).subarray(0, 3000), 'That image is damaged or cut short, so we can’t read it. Try saving or exporting it again.'],
    ['a decompression bomb', pngBomb, 'That image is 20000×20000 pixels; images can be at most 4096×4096.'],
    ['a 6 MB file', async () => Buffer.alloc(6 * 1024 * 1024, 1), 'That file is 6.0 MB; images can be at most 5 MB.'],
  ])('refuses %s with its message', async (_name, make, message) => {
    const maya = await makePerson();
    as(maya);
    const upload = uploadForm(await make());
    await expectRefused(() => uploadImageAction({}, upload), { error: message, caller: maya });
    const result = await uploadImageAction({}, uploadForm(await make()));
    expect(result).toEqual({ error: message, fieldErrors: { file: message } });
    expect(await db.select().from(media).where(eq(media.ownerId, maya.id))).toHaveLength(0);
  });

  it('refuses an upload without a file, or from nobody', async () => {
    const maya = await makePerson();
    as(maya);
    const data = new FormData();
    data.set('kind', 'avatar');
    expect((await uploadImageAction({}, data)).fieldErrors).toEqual({ file: 'Choose an image file first.' });
    as(null);
    const upload = uploadForm(await jpegWithGps(100, 100));
    await expectRefused(() => uploadImageAction({}, upload), { error: 'Your session has ended — please sign in again.', others: [maya.id] });
  });
});

describe('previewBioAction', () => {
  it('renders the bio as the profile will show it, storing nothing; for nobody it renders nothing', async () => {
    const maya = await makePerson();
    as(maya);
    let preview = { html: '', text: '' };
    await expectAllowed(async () => (preview = await previewBioAction('Potter **and** baker <script>alert(1)</script>')), {
      // What it answers is the effect: the bio rendered safely, and its plain text for the character count.
      effect: () => {
        expect(preview.html).toContain('<strong>and</strong>');
        expect(preview.html).not.toContain('<script');
        expect(preview.text).toMatch(/^Potter and baker/);
      },
    });
    as(null);
    await expectRefused(() => previewBioAction('**hi**'), { error: 'Your session has ended — please sign in again.', others: [maya.id] });
    expect(await previewBioAction('**hi**')).toEqual({ html: '', text: '', error: 'Your session has ended — please sign in again.' });
  });
});
