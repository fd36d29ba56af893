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
