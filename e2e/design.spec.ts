// The calmer design of issue #18, as a person meets it: emoji drawn as pictures, two celebrations and a page for all,
// the reason for a post under its author, a default that does not look chosen, a privacy page with a table of
// contents that fits a phone, a feed heading above its greeting, and avatars that are never blank.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demo, newPerson, signIn, signUp, createGroup } from './helpers';

/** Text on the page that is an emoji drawn as a character (a box on a browser without a colour-emoji font). */
async function emojiLeftAsText(page: Page) {
  return page.locator('main').evaluate((main) => {
    const emoji = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;
    // Text inside <noscript> is never drawn while scripts run (it is the markup offered to browsers without them).
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (node.parentElement?.closest('noscript') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    const found: string[] = [];
    while (walker.nextNode()) if (emoji.test(walker.currentNode.textContent ?? '')) found.push((walker.currentNode.textContent ?? '').trim());
    return found;
  });
}

/** Every emoji picture on the page arrived and has a size (a missing file would be a broken image). */
async function emojiPicturesLoaded(page: Page) {
  const pictures = page.locator('main img[src^="/emoji/"]');
  await expect(pictures.first()).toBeVisible();
  for (const picture of await pictures.all()) {
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
  return pictures.count();
}

test('emoji are pictures with names on the feed, a post, notifications and celebrations; the feed shows two celebrations and links to all', async ({ browser }) => {
  const anaCtx = await browser.newContext();
  const benCtx = await browser.newContext();
  const ana = await anaCtx.newPage();
  const ben = await benCtx.newPage();
  const anaPerson = { ...newPerson(), name: 'Ana Lopez' };
  const benPerson = { ...newPerson(), name: 'Ben Ito' };
  const slug = `kiln-${Date.now().toString(36)}`;

  await signUp(ana, anaPerson);
  await createGroup(ana, { name: 'Kiln Club', slug });

  // Ben joins and posts for the first time (two milestones); Ana's reaction brings a third, and a notification.
  await signUp(ben, benPerson);
  await ben.goto(`/g/${slug}`);
  await ben.getByRole('button', { name: 'Join group' }).click();
  await ben.getByLabel('Your post').fill('Hello, kiln people!');
  await ben.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(ben.getByRole('status').filter({ hasText: 'Posted in #general.' })).toBeVisible();
  await ana.goto(`/g/${slug}`);
  const post = ana.getByRole('list', { name: 'Posts' }).getByRole('article').filter({ hasText: 'Hello, kiln people!' });
  await post.getByRole('button', { name: 'Add a reaction' }).click();
  await post.getByRole('button', { name: 'React with love: 0' }).click();
  await expect(post.getByRole('button', { name: 'React with love: 1' })).toHaveAttribute('aria-pressed', 'true');
  const postUrl = await post.locator('header a[href^="/p/"]').getAttribute('href');

  // His feed: two celebrations, and a link to the rest.
  await ben.goto('/feed');
  const celebrations = ben.getByRole('region', { name: 'Celebrations' });
  await expect(celebrations.getByRole('listitem')).toHaveCount(2);
  await expect(celebrations.getByRole('listitem', { name: 'Your milestone: First post' })).toBeVisible();
  expect(await emojiLeftAsText(ben)).toEqual([]);
  await emojiPicturesLoaded(ben);
  await celebrations.getByRole('link', { name: 'See all celebrations' }).click();
  await expect(ben).toHaveURL(/\/celebrations$/);
  await expect(ben.getByRole('heading', { level: 1, name: 'Celebrations' })).toBeVisible();
  const all = ben.getByRole('main').getByRole('listitem');
  for (const title of ['First post', 'First group', 'First reaction']) await expect(all.filter({ has: ben.getByText(title, { exact: true }) })).toHaveCount(1);
  expect(await all.count()).toBeGreaterThanOrEqual(3);
  expect(await emojiLeftAsText(ben)).toEqual([]);
  await emojiPicturesLoaded(ben);

  // The reaction in his notifications is a picture named "love"; the milestone's icon a picture too.
  await ben.goto('/notifications');
  const reacted = ben.getByRole('link', { name: /Ana Lopez reacted love to “Hello, kiln people!”/ });
  await expect(reacted).toBeVisible();
  await expect(reacted.getByRole('img', { name: 'love' })).toHaveAttribute('src', '/emoji/red-heart.svg');
  expect(await emojiLeftAsText(ben)).toEqual([]);
  await emojiPicturesLoaded(ben);

  // The post's page: the reaction count with its picture.
  await ben.goto(postUrl!);
  await expect(ben.getByRole('article').getByText('Hello, kiln people!')).toBeVisible();
  expect(await emojiLeftAsText(ben)).toEqual([]);
  await emojiPicturesLoaded(ben);

  // Until a picture arrives (here: never), an avatar shows the person's colour and initial.
  await benCtx.route('**/api/avatar/**', (route) => route.abort());
  await ben.reload();
  const avatar = ben.getByRole('main').getByRole('article').first().locator('header img').first().locator('..');
  await expect(avatar).toHaveText('B');
  expect(await avatar.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

  await anaCtx.close();
  await benCtx.close();
});

test('the reason for a post is one quiet line under its author, with the calculation a click away; a default is not a choice', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person, { onboarding: true });
  const topics = page.getByRole('group', { name: /What are you into/ });
  for (let i = 0; i < 3; i++) await topics.locator('label').nth(i).click();
  await page.getByRole('group', { name: /use your activity to personalize/ }).getByRole('radio', { name: 'Yes, use my activity' }).check();
  await page.getByRole('button', { name: 'Show me my feed' }).click();
  await expect(page).toHaveURL(/\/feed$/);

  // The page's heading outweighs the greeting above it.
  const heading = page.getByRole('heading', { level: 1, name: 'Your feed' });
  // Any hour of the day: "Good evening, Maya" by day, "Hello, night owl Maya" from 23:00 to 05:00 (lib/profiles/greeting.ts).
  const greeting = page.getByText(/^(Good (morning|afternoon|evening), |Hello, night owl )Maya$/);
  const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
  expect(await heading.evaluate(size)).toBeGreaterThan((await greeting.evaluate(size)) * 1.5);

  const article = page.getByRole('list', { name: 'Posts' }).getByRole('article').filter({ has: page.getByTestId('feed-reason') }).first();
  const author = article.locator('header a').first();
  const reason = article.getByTestId('feed-reason').first();
  // The post leads: the author line comes first, the reason after it, smaller than the post's words.
  expect(await author.evaluate((a, r) => Boolean(a.compareDocumentPosition(r!) & Node.DOCUMENT_POSITION_FOLLOWING), await reason.elementHandle())).toBe(true);
  const bodySize = await article.locator('header ~ p, header ~ div.markdown').first().evaluate(size);
  expect(await reason.evaluate(size)).toBeLessThan(bodySize);
  const line = reason.locator('xpath=ancestor::div[1]');
  expect(await line.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(36);
  // The calculation is behind one click.
  const table = article.getByRole('table', { name: 'Score of this post' });
  await expect(table).toHaveCount(0);
  await article.getByText('See the calculation').click();
  await expect(table).toContainText('Freshness');

  // Feed controls: a chosen Follow is filled in the accent; a default Neutral is pressed but quiet.
  await page.goto('/settings/feed');
  const follow = page.getByRole('form', { name: 'Follow a topic' });
  await follow.getByLabel('Follow a new topic').fill('glaze-chemistry');
  await follow.getByRole('button', { name: 'Follow topic' }).click();
  const row = page.getByRole('group', { name: '#glaze-chemistry', exact: true });
  await expect(row.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
  const chosenFill = await row.getByRole('button', { name: 'Follow' }).evaluate((el) => getComputedStyle(el).backgroundColor);
  await row.getByRole('button', { name: 'Neutral' }).click();
  await expect(row.getByRole('button', { name: 'Neutral' })).toHaveAttribute('aria-pressed', 'true');
  const defaultFill = await row.getByRole('button', { name: 'Neutral' }).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(defaultFill).not.toBe(chosenFill);
  const accent = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--color-accent').trim());
  expect(accent).toMatch(/^#/);
  expect(chosenFill).toBe(await page.evaluate((hex) => {
    const probe = document.createElement('span');
    probe.style.backgroundColor = hex;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return rgb;
  }, accent));
});

test('the privacy page has a table of contents to its sections, and its interests table fits a 390 px phone', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person, { onboarding: true });
  const topics = page.getByRole('group', { name: /What are you into/ });
  for (let i = 0; i < 3; i++) await topics.locator('label').nth(i).click();
  await page.getByRole('group', { name: /use your activity to personalize/ }).getByRole('radio', { name: 'No, only what I choose' }).check();
  await page.getByRole('button', { name: 'Show me my feed' }).click();
  await expect(page).toHaveURL(/\/feed$/);

  await page.goto('/settings/privacy');
  const contents = page.getByRole('navigation', { name: 'On this page' });
  const links = contents.getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(8);
  // Each entry leads to a section heading of the page, and every section has its entry.
  const targets = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.replace(/^#/, '')));
  for (const id of targets) await expect(page.getByRole('region').locator(`h2[id="${id}"]`)).toHaveCount(1);
  const sections = await page.getByRole('main').getByRole('region').evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-labelledby')));
  expect(sections.filter((id) => id && !targets.includes(id))).toEqual([]);
  await contents.getByRole('link', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/#delete-account$/);
  await expect(page.getByRole('heading', { name: 'Delete my account' })).toBeInViewport();

  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of ['/settings/privacy', '/settings/privacy/interests']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), url).toBeLessThanOrEqual(0);
  }
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).not.toHaveCount(0);
  // No sideways scrolling inside the table either: every cell within the table's own box.
  expect(await table.evaluate((t) => t.scrollWidth - t.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
  const right = await table.evaluate((t) => t.getBoundingClientRect().right);
  for (const cell of await table.getByRole('cell').all()) expect(await cell.evaluate((c) => c.getBoundingClientRect().right)).toBeLessThanOrEqual(right + 0.5);
});

// Screenshots to look at (test-results/screens/design-*): the pages this work changed, at 390 and 1280 px, light and dark.
for (const size of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`design screenshots at ${size.name} width, ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: scheme });
      const page = await context.newPage();
      const shot = (name: string, fullPage = false) => page.screenshot({ path: path.join('test-results', 'screens', `design-${name}-${size.name}-${scheme}.png`), fullPage });
      await signIn(page, demo.email, demo.password);
      await expect(page.getByRole('list', { name: 'Posts' }).getByRole('article').first()).toBeVisible();
      await shot('feed');
      const postHref = await page.getByRole('list', { name: 'Posts' }).getByRole('article').first().locator('header a[href^="/p/"]').getAttribute('href');
      for (const [name, url] of [
        ['celebrations', '/celebrations'],
        ['notifications', '/notifications'],
        ['post', postHref!],
        ['settings-feed', '/settings/feed'],
        ['privacy', '/settings/privacy'],
        ['privacy-interests', '/settings/privacy/interests'],
      ] as const) {
        await page.goto(url);
        await expect(page.getByRole('main')).toBeVisible();
        await shot(name);
      }
      await context.close();
    });
  }
}
