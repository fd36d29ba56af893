import { expect, test } from '@playwright/test';
import { newPerson, signUp } from './helpers';

test('a follow and a first post show up as notifications, with an unread count until read', async ({ browser }) => {
  const aCtx = await browser.newContext();
  const bCtx = await browser.newContext();
  const a = await aCtx.newPage();
  const b = await bCtx.newPage();
  const ana = { ...newPerson(), name: 'Ana Lopez' };
  const ben = { ...newPerson(), name: 'Ben Ito' };
  await signUp(a, ana);
  await signUp(b, ben);

  // Ana follows Ben.
  await a.goto(`/u/${ben.handle}`);
  await a.getByRole('button', { name: 'Follow Ben Ito' }).click();
  await expect(a.getByRole('button', { name: 'Unfollow Ben Ito' })).toBeVisible();

  // Ben sees the count in the navigation and the notification in the center.
  await b.goto('/feed');
  const nav = b.getByRole('navigation', { name: 'Main', exact: true });
  await expect(nav.getByRole('link', { name: /Notifications \(1 unread\)/ })).toBeVisible();
  await nav.getByRole('link', { name: /Notifications/ }).click();
  await expect(b.getByRole('link', { name: /Ana Lopez started following you/ })).toBeVisible();
  await b.getByRole('button', { name: 'Mark all as read' }).click();
  // The button reads "Working…" while the action runs, so its absence alone does not mean it finished:
  // wait for the count in the navigation to go, which only the action's answer brings.
  await expect(nav.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await expect(b.getByRole('button', { name: /Mark all as read|Working/ })).toHaveCount(0);
  await b.reload();
  await expect(nav.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  // Ben's first post is a milestone, celebrated in his notifications.
  await b.goto(`/u/${ben.handle}`);
  await b.getByLabel('Your post').fill('Hello, Hearth!');
  await b.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(b.getByRole('status').filter({ hasText: 'Posted to your profile.' })).toBeVisible();
  await b.goto('/notifications?kind=milestone');
  await expect(b.getByRole('link', { name: /First post! You shared your first post/ })).toBeVisible();

  await aCtx.close();
  await bCtx.close();
});
