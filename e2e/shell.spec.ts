import { expect, test } from '@playwright/test';
import { demo, signIn } from './helpers';

test.beforeEach(async ({ page }) => {
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/feed$/);
});

test('navigation reaches every part of Hearth and marks where you are', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Main', exact: true });
  await nav.getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Groups' })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('link', { name: 'Night Photographers' }).click();
  await expect(page.getByRole('heading', { name: 'Night Photographers', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Posts' }).getByRole('article').first()).toBeVisible();

  await nav.getByRole('link', { name: 'Profile' }).click();
  await expect(page).toHaveURL(/\/u\/demo$/);
  await expect(page.getByRole('heading', { name: 'Sam Rivera' })).toBeVisible();

  await nav.getByRole('link', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();

  await nav.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { name: 'Your privacy' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Posts, comments and reactions/ })).toBeVisible();
});

test('For you pages to an honest end; older posts come on request, newest first', async ({ page }) => {
  const posts = page.getByRole('list', { name: 'Posts' }).getByRole('article');
  await expect(posts).toHaveCount(10);
  // At most six pages of ten (sixty posts), then "You're all caught up" — no bottomless scrolling.
  for (let pageNumber = 2; pageNumber <= 6; pageNumber++) {
    const more = page.getByRole('link', { name: 'More for you' });
    if ((await more.count()) === 0) break;
    await more.click();
    await expect(page).toHaveURL(new RegExp(`page=${pageNumber}`));
  }
  await expect(page.getByRole('link', { name: 'More for you' })).toHaveCount(0);
  await expect(page.getByText('You’re all caught up.')).toBeVisible();
  await page.getByRole('link', { name: 'See older posts from what you follow' }).click();
  await expect(page).toHaveURL(/\/feed\/older$/);
  await expect(posts).toHaveCount(20);
  const firstTime = await posts.first().locator('time').getAttribute('datetime');
  await page.getByRole('link', { name: 'Show older posts' }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(posts).toHaveCount(20);
  const olderTime = await posts.first().locator('time').getAttribute('datetime');
  expect(new Date(olderTime!).getTime()).toBeLessThanOrEqual(new Date(firstTime!).getTime());
});

test('dark mode can be chosen and stays chosen', async ({ page }) => {
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  await page.getByRole('button', { name: 'Use dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Use dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(22, 18, 15)');
});

test('an unknown page says so', async ({ page }) => {
  const response = await page.goto('/this-page-does-not-exist');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
  // Addresses that name something: a real 404, not a 200 that streams "not found" (signed out and signed in).
  for (const path of ['/u/nobody_by_this_name', '/p/00000000-0000-4000-8000-000000000000', '/g/no-such-group-here']) {
    const missing = await page.goto(path);
    expect(missing?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
  }
});

test('on a phone the navigation sits at the bottom and the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  const mobileNav = page.getByRole('navigation', { name: 'Main (mobile)' });
  await expect(mobileNav).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main', exact: true })).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await mobileNav.getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  // Discover is one of the tab bar's places too.
  await mobileNav.getByRole('link', { name: 'Discover' }).click();
  await expect(page).toHaveURL(/\/discover$/);
});

test('every settings page links the others, Account & security among them', async ({ page }) => {
  await page.goto('/settings/privacy');
  const settings = page.getByRole('navigation', { name: 'Settings' });
  await expect(settings.getByRole('link', { name: 'Privacy' })).toHaveAttribute('aria-current', 'page');
  await settings.getByRole('link', { name: 'Account & security' }).click();
  await expect(page).toHaveURL(/\/settings\/account$/);
  await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Account & security' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Feed' }).click();
  await expect(page).toHaveURL(/\/settings\/feed$/);
});

test('pages carry a nonce-based Content-Security-Policy and nothing breaks it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/groups');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  const nonce = /nonce-([A-Za-z0-9+/=]+)/.exec(csp)![1];
  // Every script tag in the HTML the server sent carries this request's nonce (scripts added later are trusted through 'strict-dynamic').
  const html = await response!.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((t) => !t.includes(`nonce="${nonce}"`))).toEqual([]);
  // And the page is interactive (hydrated) under the policy.
  await page.getByRole('button', { name: 'Use dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(violations).toEqual([]);
});
