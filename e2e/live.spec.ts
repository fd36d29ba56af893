// Live updates between two people in two browsers, without reloading: a new post waits behind "1 new post" on the
// feed; a comment appears on the open post and the unread count in the other person's navigation moves; a reaction's
// count changes on the other screen.
import { expect, test } from '@playwright/test';
import { newPerson, signUp } from './helpers';

test('two people see each other’s posts, comments, reactions and notifications arrive without reloading', async ({ browser }) => {
  const aCtx = await browser.newContext();
  const bCtx = await browser.newContext();
  const a = await aCtx.newPage();
  const b = await bCtx.newPage();
  const ana = { ...newPerson(), name: 'Ana Live' };
  const ben = { ...newPerson(), name: 'Ben Live' };
  await signUp(a, ana);
  await signUp(b, ben);

  // Ana follows Ben and reads her feed.
  await a.goto(`/u/${ben.handle}`);
  await a.getByRole('button', { name: 'Follow Ben Live' }).click();
  await expect(a.getByRole('button', { name: 'Unfollow Ben Live' })).toBeVisible();
  await a.goto('/feed');
  // Following: newest first, so the new post is at the top once shown (For you ranks it among the rest).
  await a.getByRole('button', { name: 'Following' }).click();
  await expect(a.getByText('Your feed is now Following.')).toBeVisible();
  await a.waitForLoadState('networkidle');

  // Ben posts: Ana's feed does not move; a button says there is one new post, and shows it when asked.
  await b.goto(`/u/${ben.handle}`);
  await b.getByLabel('Your post').fill('Live from the kiln room');
  await b.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(b.getByRole('status').filter({ hasText: 'Posted to your profile.' })).toBeVisible();
  const pill = a.getByRole('button', { name: '1 new post' });
  await expect(pill).toBeVisible({ timeout: 15_000 });
  await expect(a.getByText('Live from the kiln room')).toHaveCount(0);
  await pill.click();
  await expect(a.getByText('Live from the kiln room')).toBeVisible();
  await expect(pill).toHaveCount(0);

  // Both open the post; Ana comments and Ben sees it appear, and his unread count move, with no reload.
  const postUrl = await a.getByRole('article').filter({ hasText: 'Live from the kiln room' }).getByRole('link', { name: /\d+ comments?$/ }).getAttribute('href');
  expect(postUrl).toMatch(/^\/p\//);
  // Ben starts with nothing unread (Ana's follow and his first-post milestone are read).
  await b.goto('/notifications');
  await b.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(b.getByRole('button', { name: /Mark all as read|Working/ })).toHaveCount(0);
  await Promise.all([a.goto(postUrl!), b.goto(postUrl!)]);
  await b.waitForLoadState('networkidle');
  const nav = b.getByRole('navigation', { name: 'Main', exact: true });
  await expect(nav.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await a.getByLabel('Your comment').fill('The glaze came out beautifully');
  await a.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(b.getByRole('article', { name: 'Comment by Ana Live' })).toContainText('The glaze came out beautifully', { timeout: 15_000 });
  await expect(nav.getByRole('link', { name: /Notifications \(1 unread\)/ })).toBeVisible({ timeout: 15_000 });

  // Ben reacts; Ana's screen shows the count change.
  await b.getByRole('button', { name: 'Add a reaction' }).click();
  await b.getByRole('button', { name: 'React with love (0)' }).click();
  await expect(a.getByRole('button', { name: 'React with love (1)' }).or(a.getByLabel('love: 1'))).toBeVisible({ timeout: 15_000 });

  await aCtx.close();
  await bCtx.close();
});

test('installable: a manifest with icons, a service worker that keeps only static files, and an offline page', async ({ browser, request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: 'Hearth', display: 'standalone', start_url: '/feed' });
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const response = await request.get(icon.src);
    expect(response.headers()['content-type'], icon.src).toBe('image/png');
  }
  expect(manifest.icons.map((i: { purpose: string }) => i.purpose)).toContain('maskable');

  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, newPerson());
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.goto('/groups');
  await page.goto('/feed');
  // Nothing but build assets, icons and the offline page is kept.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return urls;
  });
  expect(cached).toContain('/offline.html');
  expect(cached.filter((u) => !/^\/(_next\/static\/|icons\/|offline\.html$)/.test(u))).toEqual([]);
  await context.setOffline(true);
  await page.goto('/notifications').catch(() => {});
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await context.close();
});
