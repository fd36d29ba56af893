import { expect, test } from '@playwright/test';
import { newPerson, signUp } from './helpers';

test('a blocked person’s reply is refused, the post is not found for them, and unblocking in settings restores it; comments can be edited in place', async ({ browser }) => {
  const aCtx = await browser.newContext();
  const bCtx = await browser.newContext();
  const a = await aCtx.newPage();
  const b = await bCtx.newPage();
  const ana = { ...newPerson(), name: 'Ana Lopez' };
  const ben = { ...newPerson(), name: 'Ben Ito' };
  await signUp(a, ana);
  await signUp(b, ben);

  // Ana posts on her profile and comments under it, then corrects her comment in place.
  await a.goto(`/u/${ana.handle}`);
  await a.getByLabel('Your post').fill('Low tide at six tomorrow, anyone?');
  await a.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Posted to your profile.' })).toBeVisible();
  await a.getByRole('article').filter({ hasText: 'Low tide at six tomorrow' }).getByRole('link', { name: /ago|just now|now/ }).first().click();
  await expect(a).toHaveURL(/\/p\/[\w-]+$/);
  const postUrl = a.url();
  await a.getByLabel('Your comment').fill('Bring boots');
  await a.getByRole('button', { name: 'Comment', exact: true }).click();
  const comment = a.getByRole('article', { name: 'Comment by Ana Lopez' });
  await expect(comment.getByText('Bring boots')).toBeVisible();
  await comment.getByRole('button', { name: 'Edit comment by Ana Lopez' }).click();
  const editor = a.getByRole('form', { name: 'Edit comment by Ana Lopez' });
  await expect(editor.getByLabel('Edit your comment')).toBeFocused();
  // Cancel (Escape) leaves it as it was.
  await a.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(comment.getByRole('button', { name: 'Edit comment by Ana Lopez' })).toBeFocused();
  await a.keyboard.press('Enter');
  await editor.getByLabel('Edit your comment').fill('Bring **rubber** boots');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(comment.locator('strong', { hasText: 'rubber' })).toBeVisible();
  await expect(comment.getByText('edited', { exact: true })).toHaveAttribute('title', /^Edited /);

  // Ben opens the post through its link, and starts a reply.
  await b.goto(postUrl);
  await expect(b.getByText('Low tide at six tomorrow, anyone?')).toBeVisible();
  await b.getByLabel('Your comment').fill('Count me in!');

  // Meanwhile Ana blocks Ben from his profile, after reading what it does.
  await a.goto(`/u/${ben.handle}`);
  await a.getByText('Block Ben Ito').click();
  await expect(a.getByText('neither of you sees the other’s posts, comments or profile')).toBeVisible();
  await a.getByRole('button', { name: `Block @${ben.handle}` }).click();
  await expect(a.getByRole('heading', { name: `You blocked @${ben.handle}` })).toBeVisible();

  // Ben's reply, sent from the page he already had open, is refused; nothing was posted.
  await b.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(b.getByRole('form', { name: 'Write a comment' }).getByRole('alert')).toHaveText('That post does not exist, or you cannot see it.');
  // Opened again, the post is not found for him, and Ana's profile is not there either.
  const response = await b.goto(postUrl);
  expect(response?.status()).toBe(404);
  await expect(b.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
  expect((await b.goto(`/u/${ana.handle}`))?.status()).toBe(404);

  // Ana sees Ben in her settings, and unblocks him there.
  await a.goto('/settings/blocked');
  const list = a.getByRole('list', { name: 'People you blocked' });
  await expect(list.getByText(`@${ben.handle}`)).toBeVisible();
  await list.getByRole('button', { name: 'Unblock' }).click();
  await expect(a.getByText('You haven’t blocked anyone.')).toBeVisible();

  // The post is back for Ben, without his refused reply.
  await b.goto(postUrl);
  await expect(b.getByText('Low tide at six tomorrow, anyone?')).toBeVisible();
  await expect(b.getByText('Count me in!')).toHaveCount(0);
  await expect(b.getByRole('article', { name: 'Comment by Ana Lopez' }).locator('strong', { hasText: 'rubber' })).toBeVisible();

  await aCtx.close();
  await bCtx.close();
});
