// Live updates between two people in two browsers, without reloading: a new post waits behind "1 new post" on the
// feed while its celebration card appears; a comment appears on the open post and the unread count in the other
// person's navigation moves; a reaction's count changes on the other screen; congratulations show on the card of the
// person congratulated; a report arrives in the moderator's open queue.
import { expect, test, type Page } from '@playwright/test';
import { newPerson, sayYes, signUp, createGroup } from './helpers';

test('two people see each other’s posts, comments, reactions, congratulations and notifications arrive without reloading', async ({ browser }) => {
  // Two sign-ups and a long story, on a shared 2-core machine: more than the default two minutes.
  test.slow();
  const aCtx = await browser.newContext();
  const bCtx = await browser.newContext();
  const a = await aCtx.newPage();
  const b = await bCtx.newPage();
  const ana = { ...newPerson(), name: 'Ana Live' };
  const ben = { ...newPerson(), name: 'Ben Live' };
  await signUp(a, ana);
  await signUp(b, ben);
  // Both let others celebrate their milestones (every consent is off until a person says yes).
  await sayYes(a, ['Public celebrations']);
  await sayYes(b, ['Public celebrations']);

  // Ana follows Ben and reads her feed.
  await a.goto(`/u/${ben.handle}`);
  await a.getByRole('button', { name: 'Follow Ben Live' }).click();
  await expect(a.getByRole('button', { name: 'Unfollow Ben Live' })).toBeVisible();
  await a.goto('/feed');
  // Following: newest first, so the new post is at the top once shown (For you ranks it among the rest).
  await a.getByRole('button', { name: 'Following' }).click();
  await expect(a.getByText('Your feed is now Following.')).toBeVisible();
  await a.waitForLoadState('networkidle');
  // The week's celebrations open in another tab of Ana's (the feed shows two cards, her own fresh ones first).
  const week = await a.context().newPage();
  await week.goto('/celebrations');
  await expect(week.getByRole('heading', { name: 'Celebrations', level: 1 })).toBeVisible();
  await week.waitForLoadState('networkidle');

  // Ben posts: Ana's feed does not move; a button says there is one new post, and shows it when asked.
  await b.goto(`/u/${ben.handle}`);
  await b.getByLabel('Your post').fill('Live from the kiln room');
  await b.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(b.getByRole('status').filter({ hasText: 'Posted to your profile.' })).toBeVisible();
  const pill = a.getByRole('button', { name: '1 new post' });
  await expect(pill).toBeVisible({ timeout: 15_000 });
  // His first post is a milestone: its card appears among Ana's celebrations by itself (only the cards are read again).
  const bensCard = week.getByRole('main').getByRole('listitem', { name: 'Ben Live’s milestone: First post' });
  await expect(bensCard).toBeVisible({ timeout: 15_000 });
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
  await b.getByRole('button', { name: 'React with love: 0' }).click();
  await expect(a.getByRole('button', { name: 'React with love: 1' }).or(a.getByText('love: 1', { exact: true }))).toBeVisible({ timeout: 15_000 });

  // Congratulations, both ways, each seen on the other screen without reloading. Ben follows Ana, whose first
  // comment was a milestone too; both read their feeds.
  await b.goto(`/u/${ana.handle}`);
  await b.getByRole('button', { name: 'Follow Ana Live' }).click();
  await expect(b.getByRole('button', { name: 'Unfollow Ana Live' })).toBeVisible();
  await week.close();
  await Promise.all([a.goto('/celebrations'), b.goto('/celebrations')]);
  await Promise.all([a.waitForLoadState('networkidle'), b.waitForLoadState('networkidle')]);
  const cardsOf = (page: Page) => page.getByRole('main');
  const bensOwn = cardsOf(b).getByRole('listitem', { name: 'Your milestone: First post' });
  await expect(bensOwn).toBeVisible();
  await expect(bensOwn).not.toContainText('congratulated you');
  await cardsOf(a).getByRole('button', { name: /^Congratulated? \d+ — Ben Live$/ }).click();
  await expect(bensOwn).toContainText('1 person congratulated you.', { timeout: 15_000 });
  const anasOwn = cardsOf(a).getByRole('listitem', { name: 'Your milestone: First comment' });
  await expect(anasOwn).toBeVisible();
  const congratulateAna = cardsOf(b).getByRole('button', { name: /^Congratulated? \d+ — Ana Live$/ });
  await expect(congratulateAna).toContainText('0');
  await congratulateAna.click();
  await expect(anasOwn).toContainText('1 person congratulated you.', { timeout: 15_000 });
  // Taken back: the count on Ana's card goes down again, still without a reload.
  await expect(congratulateAna).toHaveAttribute('aria-pressed', 'true');
  await congratulateAna.click();
  await expect(congratulateAna).toHaveAttribute('aria-pressed', 'false');
  await expect(anasOwn).toContainText('Your followers and groups can congratulate you.', { timeout: 15_000 });

  await aCtx.close();
  await bCtx.close();
});

test('a moderator’s open report queue shows a new report without a reload', async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const reporterCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  const reporter = await reporterCtx.newPage();
  const slug = `live-queue-${Date.now().toString(36)}`;
  await signUp(owner, { ...newPerson(), name: 'Mona Moderator' });
  await createGroup(owner, { name: 'Live Queue', slug });
  await owner.getByLabel('Your post').fill('Kiln schedule for the week');
  await owner.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Posted in #general.' })).toBeVisible();

  await signUp(reporter, { ...newPerson(), name: 'Rita Reporter' });
  await reporter.goto(`/g/${slug}`);
  await reporter.getByRole('button', { name: 'Join group' }).click();
  await reporter.reload();

  // The owner opens the (empty) queue and leaves it open.
  await owner.goto(`/g/${slug}/settings?tab=reports`);
  await expect(owner.getByText('Nothing to review')).toBeVisible();
  await owner.waitForLoadState('networkidle');

  const post = reporter.getByRole('list', { name: 'Posts' }).getByRole('article').filter({ hasText: 'Kiln schedule' });
  await post.getByRole('button', { name: /^Report this post by/ }).click();
  const form = post.getByRole('form', { name: /^Report this post by/ });
  await form.getByRole('radio', { name: 'Spam or advertising' }).check();
  await form.getByRole('button', { name: 'Send report' }).click();
  await expect(post.getByRole('status')).toContainText('Thank you.');

  // No reload: the report is there, and so is the count beside "Reports".
  await expect(owner.getByRole('article', { name: /^Post by @.* in Live Queue$/ })).toContainText('Reported by 1 person', { timeout: 15_000 });
  await expect(owner.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Reports (1)' })).toBeVisible();
  await expect(owner.getByText('Nothing to review')).toHaveCount(0);

  await ownerCtx.close();
  await reporterCtx.close();
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
