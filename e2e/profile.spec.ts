// Profiles as people use them: editing with a live preview, uploading and cropping an avatar that carries GPS
// data, the theme a visitor sees, a members-only profile kept from signed-out visitors, and screenshots.
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { jpegWithGps } from '../test/fixtures/images';
import { demo, newPerson, signIn, signUp } from './helpers';
import { checkedScreenshot } from './layout';

async function visitor(browser: Browser, options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}) {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

async function saveProfile(page: Page) {
  // The message of an earlier save may still be on screen: wait for this save's Server Action to answer.
  const saved = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/settings/profile');
  await page.getByRole('button', { name: 'Save profile' }).click();
  expect((await saved).ok()).toBe(true);
  await expect(page.getByText(/^Profile saved\./)).toBeVisible();
}

test('edit with a live preview, upload and crop an avatar with GPS data, and see it on the profile and in the header', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await page.goto('/settings/profile');
  const preview = page.getByRole('region', { name: 'Live preview' });
  await expect(preview.getByRole('heading', { name: person.name })).toBeVisible();

  // The preview follows the form as it is typed, before anything is saved.
  await page.getByLabel('Display name').fill('Maya Kim-Park');
  await expect(preview.getByRole('heading', { name: 'Maya Kim-Park' })).toBeVisible();
  await page.getByLabel('Pronouns').fill('she/they');
  await expect(preview.getByText('she/they')).toBeVisible();
  await page.getByLabel('Bio').fill('Clay, **kilns** and [my notes](https://example.org/maya)');
  await expect(preview.locator('strong', { hasText: 'kilns' })).toBeVisible();
  await expect(preview.getByRole('link', { name: 'my notes' })).toHaveAttribute('rel', 'nofollow noopener ugc');
  await page.getByLabel('Link 1').fill('https://example.org/maya');
  await expect(preview.getByRole('list', { name: 'Links' }).getByRole('link', { name: 'example.org/maya' })).toHaveAttribute('rel', 'me nofollow noopener');

  // A custom colour too light for white text is refused, beside its field.
  await page.getByRole('radio', { name: 'Custom' }).check({ force: true });
  await page.getByLabel('Custom colour (hex)').fill('#ffe066');
  await expect(page.getByText(/White text on #ffe066 has a contrast of/)).toBeVisible();
  await page.getByRole('radio', { name: 'Ocean' }).check({ force: true });
  await page.getByRole('radio', { name: 'Side by side' }).check();
  await expect(preview.getByRole('complementary', { name: 'About' })).toBeVisible();
  await page.getByRole('radio', { name: /^Everyone/ }).check();
  await saveProfile(page);

  // Upload a JPEG that carries GPS and camera EXIF, crop it, save it.
  const photo = await jpegWithGps(1200, 800);
  expect((await sharp(photo).metadata()).exif).toBeDefined();
  await page.getByLabel('Upload a picture').setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: photo });
  const cropArea = page.getByLabel('Crop area: drag, or move with the arrow keys');
  await expect(cropArea).toBeVisible();
  await page.getByLabel('Zoom').fill('1.6');
  await cropArea.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Save avatar' }).click();
  await expect(page.getByText('Your new avatar is saved.')).toBeVisible();
  const current = page.getByRole('img', { name: 'Your current avatar' });
  // The URL carries the version of the image under the profile's visibility (a public profile: long-cached).
  await expect(current).toHaveAttribute('src', /\/api\/media\/[0-9a-f-]{36}\/128\?v=[0-9a-z]+$/);

  // What is served has no EXIF and no GPS, and is cacheable with an ETag.
  const src = await current.getAttribute('src');
  const response = await page.request.get(src!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/webp');
  expect(response.headers()['cache-control']).toContain('max-age=31536000');
  const etag = response.headers()['etag'];
  expect(etag).toBeTruthy();
  const served = await response.body();
  const meta = await sharp(served).metadata();
  expect(meta.exif).toBeUndefined();
  expect(served.includes(Buffer.from('HearthTestCam'))).toBe(false);
  expect((await page.request.get(src!, { headers: { 'If-None-Match': etag } })).status()).toBe(304);

  // On the profile and in the header.
  await page.goto(`/u/${person.handle}`);
  await expect(page.getByRole('heading', { name: 'Maya Kim-Park' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Maya Kim-Park’s avatar' })).toHaveAttribute('src', /\/api\/media\//);
  await expect(page.getByRole('banner').getByRole('img', { name: 'Your avatar' })).toHaveAttribute('src', /\/api\/media\//);

  // Removing it brings the generated avatar back.
  await page.goto('/settings/profile');
  await page.getByRole('button', { name: 'Remove avatar' }).click();
  await expect(page.getByText('Avatar removed — you have your generated one again.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Your current avatar' })).toHaveAttribute('src', /\/api\/avatar\//);
});

test('a signed-out visitor sees the theme, in light and dark mode; a members-only profile stays hidden', async ({ page, browser }) => {
  const person = newPerson();
  await signUp(page, person);
  await page.goto('/settings/profile');
  await page.getByLabel('Bio').fill('Themed and public');
  await page.getByRole('radio', { name: 'Ocean' }).check({ force: true });
  await page.getByRole('radio', { name: 'Side by side' }).check();
  await page.getByRole('radio', { name: /^Everyone/ }).check();
  await page.getByLabel('My groups').uncheck();
  await saveProfile(page);

  const light = await visitor(browser, { colorScheme: 'light' });
  await light.page.goto(`/u/${person.handle}`);
  await expect(light.page.getByRole('heading', { name: person.name })).toBeVisible();
  await expect(light.page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(light.page.getByRole('complementary', { name: 'About' })).toBeVisible();
  const accentOf = (p: Page) => p.getByText('Themed and public').evaluate((el) => getComputedStyle(el.closest('.profile-theme')!).getPropertyValue('--color-accent').trim());
  expect(await accentOf(light.page)).toBe('#1f5fa8');
  await expect(light.page.getByRole('heading', { name: 'Groups' })).toHaveCount(0);
  await checkedScreenshot(light.page, { path: path.join('test-results', 'screens', 'profile-themed-desktop-light.png'), fullPage: true });
  await light.context.close();

  const dark = await visitor(browser, { colorScheme: 'dark', viewport: { width: 375, height: 812 } });
  await dark.page.goto(`/u/${person.handle}`);
  await expect(dark.page.getByRole('heading', { name: person.name })).toBeVisible();
  // Lightened so it stays readable on the dark surface.
  expect(await accentOf(dark.page)).toBe('#5787be');
  const overflow = await dark.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await checkedScreenshot(dark.page, { path: path.join('test-results', 'screens', 'profile-themed-phone-dark.png'), fullPage: true });
  await dark.context.close();

  // Back to members only: a signed-out visitor gets neither the name nor the bio, not even in the HTML.
  await page.getByRole('radio', { name: /^Signed-in members/ }).check();
  await saveProfile(page);
  const stranger = await visitor(browser);
  await stranger.page.goto(`/u/${person.handle}`);
  await expect(stranger.page.getByText('This profile is visible to signed-in members of Hearth only.')).toBeVisible();
  const html = await stranger.page.content();
  expect(html).not.toContain('Themed and public');
  expect(html).not.toContain(person.name);
  await stranger.page.getByRole('link', { name: 'Sign in to see it' }).click();
  await expect(stranger.page).toHaveURL(new RegExp(`/sign-in\\?next=%2Fu%2F${person.handle}$`));
  await stranger.context.close();
});

test('screenshots of a themed demo profile at phone and desktop widths', async ({ browser }) => {
  for (const size of [
    { name: 'phone', width: 375, height: 812 },
    { name: 'desktop', width: 1280, height: 900 },
  ]) {
    const { context, page } = await visitor(browser, { viewport: { width: size.width, height: size.height } });
    await page.goto('/u/demo');
    await expect(page.getByRole('heading', { name: 'Sam Rivera' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'garden diary' })).toBeVisible();
    await checkedScreenshot(page, { path: path.join('test-results', 'screens', `profile-demo-${size.name}.png`), fullPage: true });
    await context.close();
  }
});

test('the profile editor fits a phone, and the Save bar never covers the field being edited', async ({ page }) => {
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/feed$/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/settings/profile');
  await expect(page.getByRole('form', { name: 'Edit profile' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // On a desktop, tab to the field just above the bar: it is scrolled into view above the bar, not under it.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/settings/profile');
  const field = page.getByLabel('Time zone');
  await field.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const bar = page.getByRole('button', { name: 'Save profile' }).locator('..');
  const [fieldBox, barBox] = [await field.boundingBox(), await bar.boundingBox()];
  expect(fieldBox!.y + fieldBox!.height).toBeLessThanOrEqual(barBox!.y);

  // A 6 MB photo is refused with the size in words, before anything is sent (Next would refuse the body with a 500).
  await page.getByLabel('Upload a picture').first().setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(6 * 1024 * 1024, 1) });
  await expect(page.getByText('That file is 6.0 MB; images can be at most 5 MB.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Crop your avatar' })).toHaveCount(0);
});
