import { expect, test, type Page } from '@playwright/test';
import { demo, newPerson, signIn, signUp, createGroup } from './helpers';

/** Reports a post through its Report button, by keyboard: open, pick the first reason, write a note, send. */
async function reportPost(page: Page, post: ReturnType<Page['getByRole']>, reason: string, note: string) {
  const button = post.getByRole('button', { name: /^Report this post by/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const form = post.getByRole('form', { name: /^Report this post by/ });
  // Focus moves to the first reason; the arrow keys move through the radio group.
  await expect(form.getByRole('radio', { name: 'Spam or advertising' })).toBeFocused();
  await form.getByRole('radio', { name: reason }).check();
  await form.getByLabel(/^Note/).fill(note);
  await form.getByRole('button', { name: 'Send report' }).click();
}

test('a member reports a post in a group; its moderator removes it from the group’s queue; the reporter is told', async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const authorCtx = await browser.newContext();
  const reporterCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  const author = await authorCtx.newPage();
  const reporter = await reporterCtx.newPage();
  const ownerPerson = { ...newPerson(), name: 'Rosa Moderna' };
  const authorPerson = { ...newPerson(), name: 'Sid Spammer' };
  const slug = `swap-${Date.now().toString(36)}`;

  // The group's owner — its first moderator — opens a public group.
  await signUp(owner, ownerPerson);
  await createGroup(owner, { name: 'Glaze Swap', slug });

  // Someone joins and posts spam.
  await signUp(author, authorPerson);
  await author.goto(`/g/${slug}`);
  await author.getByRole('button', { name: 'Join group' }).click();
  await author.getByLabel('Your post').fill('Cheap followers, 1000 for $1 at spam.example');
  await author.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(author.getByRole('status').filter({ hasText: 'Posted in #general.' })).toBeVisible();
  // Nobody reports themself: the author's own post has no Report button.
  await author.reload();
  const own = author.getByRole('list', { name: 'Posts' }).getByRole('article').filter({ hasText: 'Cheap followers' });
  await expect(own).toBeVisible();
  await expect(own.getByRole('button', { name: /^Report/ })).toHaveCount(0);

  // A member reports it, and a second report is the first.
  await signIn(reporter, demo.email, demo.password);
  await expect(reporter).toHaveURL(/\/feed$/);
  await reporter.goto(`/g/${slug}`);
  await reporter.getByRole('button', { name: 'Join group' }).click();
  await reporter.reload();
  const post = reporter.getByRole('list', { name: 'Posts' }).getByRole('article').filter({ hasText: 'Cheap followers' });
  await reportPost(reporter, post, 'Spam or advertising', 'Same link in three groups today');
  await expect(post.getByRole('status')).toContainText('Thank you. The moderators of Glaze Swap will review it');
  await reporter.reload();
  await reportPost(reporter, post, 'Something else', 'Still there');
  await expect(post.getByRole('status')).toHaveText('You already reported this; we will tell you the outcome.');

  // The moderator finds it in the group's queue (with the count in the navigation), and removes it with a reason.
  await owner.goto(`/g/${slug}/settings`);
  await owner.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Reports (1)' }).click();
  const card = owner.getByRole('article', { name: `Post by @${authorPerson.handle} in Glaze Swap` });
  await expect(card).toContainText('Reported by 1 person');
  await expect(card).toContainText('Spam or advertising');
  await expect(card).toContainText('Same link in three groups today');
  await expect(card).toContainText('Cheap followers, 1000 for $1');
  await expect(card).not.toContainText(demo.handle);
  const remove = card.getByRole('form', { name: /^Remove:/ });
  await remove.getByLabel(/^Reason for removing/).fill('Spam links');
  await remove.getByRole('button', { name: 'Remove post' }).click();
  // The card leaves the open queue; the queue says what happened.
  await expect(owner.getByRole('status').filter({ hasText: 'Removed. The author can see why, and the people who reported it are told.' })).toBeVisible();
  await expect(card).toHaveCount(0);
  await expect(owner.getByText('Nothing to review')).toBeVisible();
  await owner.getByRole('link', { name: 'Resolved' }).click();
  await expect(owner.getByRole('article', { name: `Post by @${authorPerson.handle} in Glaze Swap` })).toContainText('Removed — “Spam links”');
  await owner.goto(`/g/${slug}/settings?tab=audit`);
  await expect(owner.getByRole('table')).toContainText('answered reports about');

  // The reporter is told what happened — not who did it.
  await reporter.goto('/notifications');
  await expect(reporter.getByText('The post you reported was removed: “Spam links”')).toBeVisible();
  await expect(reporter.getByRole('main')).not.toContainText(ownerPerson.name);

  await Promise.all([ownerCtx.close(), authorCtx.close(), reporterCtx.close()]);
});

test('a profile post goes to the instance queue at /admin/reports, which only the people who run the instance can open', async ({ browser }) => {
  const posterCtx = await browser.newContext();
  const adminCtx = await browser.newContext();
  const poster = await posterCtx.newPage();
  const admin = await adminCtx.newPage();
  const person = { ...newPerson(), name: 'Pat Poster' };

  await signUp(poster, person);
  await poster.goto(`/u/${person.handle}`);
  await poster.getByLabel('Your post').fill('Follow my other account for free money');
  await poster.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(poster.getByRole('status').filter({ hasText: 'Posted to your profile.' })).toBeVisible();
  // A member who does not run the instance finds no queue there.
  const refused = await poster.goto('/admin/reports');
  expect(refused?.status()).toBe(404);

  // The demo sign-in runs the demo instance; here they report the post, then work the instance queue.
  await signIn(admin, demo.email, demo.password);
  await expect(admin).toHaveURL(/\/feed$/);
  await admin.goto(`/u/${person.handle}`);
  const post = admin.getByRole('article').filter({ hasText: 'Follow my other account' });
  await reportPost(admin, post, 'Spam or advertising', 'Scam');
  await expect(post.getByRole('status')).toContainText('The people who run this community will review it');

  await admin.goto('/admin/reports');
  await expect(admin.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  const card = admin.getByRole('article', { name: `Post by @${person.handle} on their profile` });
  await expect(card).toContainText('Scam');
  const remove = card.getByRole('form', { name: /^Remove:/ });
  await remove.getByLabel(/^Reason for removing/).fill('Scam');
  await remove.getByRole('button', { name: 'Remove post' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Removed. The author can see why' })).toBeVisible();
  await expect(card).toHaveCount(0);
  await admin.goto('/notifications');
  await expect(admin.getByText('The post you reported was removed: “Scam”')).toBeVisible();

  await Promise.all([posterCtx.close(), adminCtx.close()]);
});
