// An action on a page never moves what the person is reading, and keeps their focus on the control they used
// (issue 18, bug 4); reactions and congratulations work before JavaScript (bug 6).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, newPerson, signIn, signUp } from './helpers';

// Two of these act as the demo account on its celebration cards: one at a time.
test.describe.configure({ mode: 'serial' });

const posts = (page: Page) => page.getByRole('list', { name: 'Posts' }).getByRole('article');

function postOrder(page: Page) {
  return page.locator('ul[aria-label="Posts"] > li > article').evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')));
}

/** Presses Enter on `control` (focused first, as by keyboard) and waits for the Server Action's answer. */
async function pressAndWait(page: Page, control: Locator) {
  await control.focus();
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action']));
  await control.press('Enter');
  await answered;
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // The answer (and any page it carries) is applied in a transition: give React the moment it needs.
  await page.waitForTimeout(750);
}

/** The accessible name of the focused element, and the post it sits in. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? null,
      tag: el?.tagName ?? null,
      post: el?.closest('article')?.getAttribute('data-post-id') ?? null,
    };
  });
}

test('every action on For you keeps the posts in their places and the focus on its control', async ({ page }) => {
  // A new person, onboarded, and five actions, each waiting for the server: long on a busy machine.
  test.setTimeout(240_000);
  const person = newPerson();
  await signUp(page, person, { onboarding: true });
  const topics = page.getByRole('group', { name: /What are you into/ }).locator('label');
  for (let i = 0; i < 3; i++) await topics.nth(i).click();
  await page.getByRole('group', { name: /use your activity to personalize/ }).getByRole('radio', { name: 'Yes, use my activity' }).check();
  await page.getByRole('button', { name: 'Show me my feed' }).click();
  await expect(page).toHaveURL(/\/feed$/);
  await expect(page.getByTestId('feed-reason').first()).toBeVisible();
  await expect.poll(async () => (await postOrder(page)).length).toBeGreaterThanOrEqual(5);
  const order = await postOrder(page);
  const article = (i: number) => page.locator(`article[data-post-id="${order[i]}"]`);

  // A reaction (the bug: the post reacted to and another one vanished, and focus fell to <body>).
  await article(0).getByRole('button', { name: 'Add a reaction' }).click();
  const love = article(0).getByRole('button', { name: /^React with love/ });
  await pressAndWait(page, love);
  await expect(love).toHaveAttribute('aria-pressed', 'true');
  expect(await postOrder(page)).toEqual(order);
  expect(await focused(page)).toMatchObject({ name: expect.stringMatching(/^React with love: \d+$/), post: order[0] });
  // And taking it back: the button stays where it is, at 0 too.
  await pressAndWait(page, love);
  await expect(love).toHaveAttribute('aria-pressed', 'false');
  expect(await postOrder(page)).toEqual(order);
  expect(await focused(page)).toMatchObject({ name: expect.stringMatching(/^React with love/), post: order[0] });

  // A bookmark.
  const bookmark = article(1).getByRole('button', { name: 'Bookmark', exact: true });
  await pressAndWait(page, bookmark);
  await expect(article(1).getByRole('button', { name: 'Remove bookmark' })).toHaveAttribute('aria-pressed', 'true');
  expect(await postOrder(page)).toEqual(order);
  expect(await focused(page)).toMatchObject({ name: 'Remove bookmark', post: order[1] });

  // "Show less like this" for the author of the third post: the post folds, in its place, to a one-line notice with
  // Undo, and focus is on Undo. Undo takes the signal back and unfolds the post, focus on its "Show less like this…".
  await article(2).getByText('Show less like this…').click();
  const less = article(2).getByRole('form', { name: 'Show less like this' });
  await less.getByLabel('For how long').selectOption('always');
  const full = (await article(2).boundingBox())!.height;
  await pressAndWait(page, less.getByRole('button', { name: 'Show less' }));
  await expect(article(2).getByRole('status')).toContainText('You’ll see less of');
  const undo = article(2).getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await expect(article(2).locator('header')).toBeHidden();
  expect((await article(2).boundingBox())!.height).toBeLessThan(Math.min(full, 100));
  expect(await postOrder(page)).toEqual(order);
  await pressAndWait(page, undo);
  await expect(undo).toHaveCount(0);
  await expect(article(2).locator('header')).toBeVisible();
  expect(await focused(page)).toMatchObject({ tag: 'SUMMARY', name: 'Show less like this…', post: order[2] });
  expect(await postOrder(page)).toEqual(order);

  // "Not interested" in the fourth.
  await article(3).getByText('Show less like this…').click();
  await pressAndWait(page, article(3).getByRole('button', { name: 'Not interested in this post' }));
  await expect(article(3).getByText('Hidden from your feed.')).toBeVisible();
  expect(await postOrder(page)).toEqual(order);
  expect(await focused(page)).toMatchObject({ name: 'Not interested in this post', post: order[3] });

  // Muting the author of the fifth (whose other posts stay where they are until the next visit).
  await article(4).getByText('Show less like this…').click();
  const mute = article(4).getByRole('button', { name: /^Mute / }).first();
  const muteName = (await mute.textContent())!.trim();
  await pressAndWait(page, mute);
  await expect(article(4).getByText(/^Muted /)).toBeVisible();
  expect(await postOrder(page)).toEqual(order);
  expect(await focused(page)).toMatchObject({ name: muteName, post: order[4] });

  // The next visit shows the new order: the post marked "not interested" is gone.
  await page.reload();
  await expect(posts(page).first()).toBeVisible();
  expect(await postOrder(page)).not.toContain(order[3]);

});

test('congratulating on the feed keeps the posts in their places and the focus on the button', async ({ page: demoPage }) => {
  // On the demo account's feed, a card that is not a cake day (another journey uses that one).
  await signIn(demoPage, demo.email, demo.password);
  await expect(demoPage).toHaveURL(/\/feed$/);
  await expect(posts(demoPage).first()).toBeVisible();
  const demoOrder = await postOrder(demoPage);
  const card = demoPage.getByRole('region', { name: 'Celebrations' }).getByRole('listitem').filter({ hasNotText: /Cake day/ }).first();
  // The button's name carries its state and count ("Congratulated 1 — Ben Ito"); whom it is for stays.
  const congratulate = card.getByRole('button', { name: /^Congratulated? \d+ — / });
  const whom = (await congratulate.getAttribute('aria-label'))!.split(' — ')[1];
  const was = await congratulate.getAttribute('aria-pressed');
  for (const pressed of [was === 'true' ? 'false' : 'true', was]) {
    await pressAndWait(demoPage, congratulate);
    await expect(congratulate).toHaveAttribute('aria-pressed', pressed!);
    expect(await postOrder(demoPage)).toEqual(demoOrder);
    expect((await focused(demoPage)).name).toBe(`${pressed === 'true' ? 'Congratulated' : 'Congratulate'} ${await congratulate.locator('span.tabular-nums').innerText()} — ${whom}`);
  }
});

test('a reaction is recorded before (and without) JavaScript', async ({ browser }) => {
  // Signed in with JavaScript (the sign-in form is not what this checks), then the same session without it.
  const signedIn = await browser.newContext();
  const signing = await signedIn.newPage();
  await signIn(signing, demo.email, demo.password);
  await expect(signing).toHaveURL(/\/feed$/);
  const reactable = posts(signing).filter({ has: signing.locator('[role="group"][aria-label="Reactions"] button[name="emoji"]') }).first();
  const id = (await reactable.getAttribute('data-post-id'))!;
  const ctx = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
  await signedIn.close();
  const page = await ctx.newPage();
  // The post page, whole in its HTML like every page (README: no page streams).
  await page.goto(`/p/${id}`);
  const unpressed = page.locator('[role="group"][aria-label="Reactions"] button[name="emoji"]:not([aria-pressed="true"])').first();
  const label = (await unpressed.getAttribute('aria-label'))!;
  const reaction = label.replace(/: \d+$/, '');
  const count = Number(/: (\d+)$/.exec(label)![1]);
  await unpressed.click();
  await page.goto(`/p/${id}`);
  const after = page.getByRole('button', { name: `${reaction}: ${count + 1}` });
  await expect(after).toHaveAttribute('aria-pressed', 'true');
  // Taken back, still without JavaScript.
  await after.click();
  await page.goto(`/p/${id}`);
  await expect(page.getByRole('button', { name: `${reaction}: ${count}` })).toHaveAttribute('aria-pressed', 'false');
  await ctx.close();
});

test('a congratulation is recorded before (and without) JavaScript', async ({ browser }) => {
  const signedIn = await browser.newContext();
  const signing = await signedIn.newPage();
  await signIn(signing, demo.email, demo.password);
  await expect(signing).toHaveURL(/\/feed$/);
  const ctx = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
  await signedIn.close();
  const page = await ctx.newPage();
  // The week's celebrations, whole in its HTML like every page (README: no page streams). The
  // last card, as other journeys congratulate on the first ones of the demo account's.
  await page.goto('/celebrations');
  const button = page.getByRole('main').getByRole('button', { name: /^Congratulated? \d+ — / }).last();
  const name = (await button.getAttribute('aria-label'))!;
  const [, word, count, whom] = /^(Congratulated?) (\d+) — (.+)$/.exec(name)!;
  const giving = word === 'Congratulate';
  await button.click();
  await page.goto('/celebrations');
  const after = page.getByRole('main').getByRole('button', { name: `${giving ? 'Congratulated' : 'Congratulate'} ${Number(count) + (giving ? 1 : -1)} — ${whom}`, exact: true }).last();
  await expect(after).toHaveAttribute('aria-pressed', giving ? 'true' : 'false');
  // And back, still without JavaScript.
  await after.click();
  await page.goto('/celebrations');
  await expect(page.getByRole('main').getByRole('button', { name, exact: true }).last()).toHaveAttribute('aria-pressed', giving ? 'false' : 'true');
  await ctx.close();
});

test('the main pages hydrate without a React error or a list-key warning', async ({ page }) => {
  const problems: string[] = [];
  // Production React reports a hydration mismatch (and any other error it throws) as "Minified React error" (development
  // builds say "Hydration failed" or "hydrated but some attributes…"); list keys are warned about as "key" prop.
  const react = /Minified React error|hydrat|unique "key" prop|same key/i;
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && react.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    if (react.test(e.message)) problems.push(`${page.url()}: ${e.message}`);
  });
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/feed$/);
  const firstPost = await posts(page).first().getAttribute('data-post-id');
  const pages = ['/feed', '/g/night-photographers', '/u/demo', `/p/${firstPost}`, '/notifications', '/settings/privacy', '/feed?page=2', '/discover', '/search?q=night'];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Hydration has finished when the browser has refined the first time (RelativeTime) or after a moment.
    await page.waitForLoadState('networkidle').catch(() => {});
    await page.waitForTimeout(500);
  }
  expect(problems).toEqual([]);
});
