import { expect, test, type Page } from '@playwright/test';
import { newPerson, signUp } from './helpers';

async function postOrder(page: Page) {
  return page.locator('ul[aria-label="Posts"] > li article').evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')));
}

test('onboarding picks interests → the feed explains itself → "show less" recedes an author → modes persist → views are recorded', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person, { onboarding: true });
  await expect(page.getByRole('heading', { name: /Welcome to Hearth/ })).toBeVisible();

  // Nothing is pre-ticked: the consent question must be answered.
  const consent = page.getByRole('group', { name: /use your activity to personalize/ });
  await expect(consent.getByRole('radio', { name: 'Yes, use my activity' })).not.toBeChecked();
  await expect(consent.getByRole('radio', { name: 'No, only what I choose' })).not.toBeChecked();
  const topics = page.getByRole('group', { name: /What are you into/ });
  const chips = topics.locator('label');
  const picked: string[] = [];
  for (let i = 0; i < 2; i++) {
    picked.push(((await chips.nth(i).locator('input').getAttribute('value')) ?? '').trim());
    await chips.nth(i).click();
  }
  await page.getByRole('button', { name: 'Show me my feed' }).click();
  await expect(page.getByText('Pick at least 3 interests')).toBeVisible();
  await expect(page.getByText('Please answer: may Hearth use your activity')).toBeVisible();
  picked.push(((await chips.nth(2).locator('input').getAttribute('value')) ?? '').trim());
  await chips.nth(2).click();
  await consent.getByRole('radio', { name: 'Yes, use my activity' }).check();
  // The other consents are asked too, none pre-ticked; an unticked box is the answer "no".
  await expect(consent.getByRole('checkbox', { name: /Use inferred interests/ })).not.toBeChecked();
  await consent.getByRole('checkbox', { name: /Use inferred interests/ }).check();
  await expect(page.getByRole('checkbox', { name: /Suggest me to others/ })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Public celebrations/ })).not.toBeChecked();
  await page.getByRole('button', { name: 'Show me my feed' }).click();
  await expect(page).toHaveURL(/\/feed$/);

  // For you: items carry reasons built from the score, naming a picked interest.
  await expect(page.getByRole('button', { name: 'For you' })).toHaveAttribute('class', /bg-accent/);
  const reasons = page.getByTestId('feed-reason');
  await expect(reasons.first()).toBeVisible();
  const texts = await reasons.allTextContents();
  expect(texts.some((t) => picked.some((tag) => t === `Because you follow #${tag}`))).toBe(true);
  await page.locator('article').first().getByText('See the calculation').click();
  await expect(page.locator('article').first().getByRole('table', { name: 'Score of this post' })).toContainText('Freshness');

  // "Show less like this" for the first author: their posts recede on the next load.
  const before = await postOrder(page);
  const first = page.locator('article').first();
  const author = (await first.locator('header a').first().textContent())!.trim();
  await first.getByText('Show less like this…').click();
  const lessForm = first.getByRole('form', { name: 'Show less like this' });
  await lessForm.getByRole('radio', { name: `${author} (this author)` }).check();
  await lessForm.getByLabel('For how long').selectOption('always');
  await lessForm.getByRole('button', { name: 'Show less' }).click();
  await expect(first.getByText(`You’ll see less of ${author} from now on.`)).toBeVisible();
  await expect(page.locator('article').first()).toHaveAttribute("data-post-id", before[0]!);
  await page.reload();
  const after = await postOrder(page);
  expect(after[0]).not.toBe(before[0]);
  const authorsNow = await page.locator('ul[aria-label="Posts"] > li article header a:first-of-type').allTextContents();
  expect(authorsNow.slice(0, 3).map((a) => a.trim())).not.toContain(author);
  // Listed with the other controls, and undoable there.
  await page.goto('/settings/feed');
  const active = page.getByRole('list', { name: 'Active controls' });
  await expect(active).toContainText(`Show less of ${author}`);

  // Switching modes persists across loads.
  await page.goto('/feed');
  await page.getByRole('button', { name: 'Chronological' }).click();
  await expect(page.getByText('No personal signal is used and nothing you do here is recorded.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Chronological' }).locator('[aria-current="page"]')).toHaveCount(1);
  await expect(page.getByTestId('feed-reason')).toHaveCount(0);
  await page.getByRole('button', { name: 'For you' }).click();
  await expect(page.getByTestId('feed-reason').first()).toBeVisible();

  // Opening a post records an "open" (sent with sendBeacon), which the privacy page lists.
  const postId = (await postOrder(page))[0]!;
  const beacon = page.waitForRequest((r) => r.url().endsWith('/api/signals') && r.method() === 'POST');
  await page.goto(`/p/${postId}`);
  await beacon;
  await expect
    .poll(async () => {
      await page.goto('/settings/privacy/activity_signals');
      return page.getByText('open', { exact: true }).count();
    })
    .toBeGreaterThan(0);
});

test('the signals route refuses cross-site and signed-out requests', async ({ request }) => {
  const cross = await request.post('/api/signals', { data: '{"events":[]}', headers: { 'Sec-Fetch-Site': 'cross-site' } });
  expect(cross.status()).toBe(403);
  const anonymous = await request.post('/api/signals', { data: '{"events":[]}' });
  expect(anonymous.status()).toBe(401);
});

test('a card’s links are followed inside the app (no page load), and a modified click is left to the browser', async ({ page, context }) => {
  await signUp(page, newPerson());
  const card = page.locator('article').first();
  await expect(card).toBeVisible();
  // A mark on the window survives a navigation inside the app, not a page load.
  await page.evaluate(() => ((window as unknown as { hearthMark: number }).hearthMark = 1));
  const author = card.locator('header a').first();
  const href = (await author.getAttribute('href'))!;
  expect(href).toMatch(/^\/u\//);
  await author.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  expect(await page.evaluate(() => (window as unknown as { hearthMark?: number }).hearthMark)).toBe(1);
  await page.goBack();
  await expect(page).toHaveURL(/\/feed$/);
  // The time links to the post, in the app too.
  await page.locator('article').first().locator('header a:has(time)').click();
  await expect(page).toHaveURL(/\/p\/[0-9a-f-]+$/);
  expect(await page.evaluate(() => (window as unknown as { hearthMark?: number }).hearthMark)).toBe(1);
  await page.goBack();
  // Ctrl-click opens a new tab, as on any link; the feed stays.
  const opened = context.waitForEvent('page');
  await page.locator('article').first().locator('header a').first().click({ modifiers: ['ControlOrMeta'] });
  await (await opened).close();
  await expect(page).toHaveURL(/\/feed$/);
});
