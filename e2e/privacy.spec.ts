import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { actionAnswered, firstTaggedPost, newPerson, sayYes, signIn, signUp, onTwoDevices, tagsOf } from './helpers';
import { checkedScreenshot } from './layout';

test('erasing the account needs the password and the handle, then sign-in fails and the profile is gone', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await page.goto('/settings/privacy');
  const form = page.getByRole('form', { name: 'Delete my account' });
  await form.getByLabel('Keep them as [deleted member]').check();
  await form.getByLabel('Your password').fill('not my password at all');
  await form.getByLabel('Type your handle to confirm').fill(person.handle);
  await form.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(form.getByText('That is not your password.')).toBeVisible();
  // What was typed stays, except the password.
  await expect(form.getByLabel('Type your handle to confirm')).toHaveValue(person.handle);
  await expect(form.getByLabel('Keep them as [deleted member]')).toBeChecked();

  await form.getByLabel('Delete my posts and comments').check();
  await form.getByLabel('Your password').fill(person.password);
  await form.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page).toHaveURL(/\/\?erased=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your account and everything Hearth kept about you are deleted' })).toBeVisible();

  await page.goto('/settings/privacy');
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, person.email, person.password);
  await expect(page.getByText('That email and password don’t match an account')).toBeVisible();

  // (The profile route streams, so the not-found page arrives with status 200, as for any unknown handle.)
  await page.goto(`/u/${person.handle}`);
  await expect(page.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
});

test('“Download my data” gives a ZIP with a JSON file per category, a manifest and an index to browse', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await page.goto('/settings/privacy');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^hearth-${person.handle}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const files = unzipSync(new Uint8Array(await fs.readFile(await download.path())));
  const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { handle: string; files: { path: string; kind: string }[] };
  expect(manifest.handle).toBe(person.handle);
  const dataFiles = manifest.files.filter((f) => f.kind === 'data').map((f) => f.path);
  expect(dataFiles).toEqual(expect.arrayContaining(['data/users.json', 'data/profiles.json', 'data/posts.json', 'data/media.json']));
  for (const path of dataFiles) expect(files[path], path).toBeDefined();
  expect(JSON.parse(strFromU8(files['data/users.json']))[0]).toMatchObject({ handle: person.handle, email: person.email });
  expect(strFromU8(files['index.html'])).toContain(`@${person.handle}`);
  await expect(page.getByRole('status').filter({ hasText: /^Done: / })).toBeVisible();
});

test('the sessions list signs one other device out and leaves this one signed in', async ({ browser }) => {
  const person = newPerson();
  const { a, b, close } = await onTwoDevices(browser, person);

  await a.goto('/settings/privacy');
  const devices = a.getByRole('list', { name: 'Signed-in devices' }).getByRole('listitem');
  await expect(devices).toHaveCount(2);
  await expect(devices.filter({ hasText: 'This device' })).toHaveCount(1);
  const other = devices.filter({ hasNotText: 'This device' });
  await other.getByRole('button', { name: /^Sign out/ }).click();
  // The row goes away at once (its own confirmation with it).
  await expect(devices).toHaveCount(1);
  await expect(devices.first()).toContainText('This device');

  await b.goto('/feed');
  await expect(b).toHaveURL(/\/sign-in/);
  await a.goto('/feed');
  await expect(a).toHaveURL(/\/feed$/);
  await close();
});

test('the dashboard drills down into one kind of data and deletes an item from it', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  const first = page.getByRole('list', { name: 'Posts' }).getByRole('article').first();
  // The button turns at once (optimistic); wait for the server to have saved it before leaving the page.
  // The bookmark's own Server Action (actionAnswered), not the views the feed reports to /api/signals meanwhile.
  expect((await actionAnswered(page, () => first.getByRole('button', { name: 'Bookmark' }).click())).ok()).toBe(true);
  await expect(first.getByRole('button', { name: 'Remove bookmark' })).toBeVisible();

  await page.goto('/settings/privacy');
  await page.getByRole('link', { name: /See and manage Posts you bookmarked/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Posts you bookmarked/);
  const items = page.getByRole('list', { name: 'Items' }).getByRole('listitem');
  await expect(items).toHaveCount(1);
  await items.first().getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Nothing here.')).toBeVisible();
  await page.goto('/settings/privacy');
  await expect(page.getByRole('link', { name: /See and manage Posts you bookmarked/ })).toHaveCount(0);
});

test('a consent switches off in one click and the consent log shows it', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await page.goto('/settings/privacy');
  const consent = page.getByRole('switch', { name: 'Use my activity to personalize' });
  // Skipping onboarding turned nothing on, and the log says so, one line per question skipped.
  await expect(consent).toHaveAttribute('aria-checked', 'false');
  const log = page.getByRole('list', { name: 'Consent log' });
  await expect(log.getByRole('listitem')).toHaveCount(4);
  await expect(log.getByRole('listitem').filter({ hasText: 'Use my activity to personalize: off (you skipped the question when you joined)' })).toHaveCount(1);
  await consent.click();
  await expect(consent).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('status').filter({ hasText: '“Use my activity to personalize” is on.' })).toBeVisible();
  await consent.click();
  await expect(consent).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('status').filter({ hasText: '“Use my activity to personalize” is off, from now on.' })).toBeVisible();
  await expect(log.getByRole('listitem')).toHaveCount(6);
  await expect(log.getByRole('listitem').first()).toContainText('Use my activity to personalize: on → off (on your privacy page)');
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Use my activity to personalize' })).toHaveAttribute('aria-checked', 'false');
});

test('on a phone the privacy page and a drill-down fit without sideways scrolling', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await page.setViewportSize({ width: 375, height: 800 });
  // (Say yes to learning and bookmark one tagged post first, so the interests page has a row to lay out.)
  await sayYes(page, ['Use my activity to personalize', 'Use inferred interests']);
  expect((await actionAnswered(page, () => firstTaggedPost(page).getByRole('button', { name: 'Bookmark' }).click())).ok()).toBe(true);
  for (const path of ['/settings/privacy', '/settings/privacy/users', '/settings/privacy/interests', '/settings/privacy/activity_signals']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (path.endsWith('/interests')) await expect(page.getByRole('list', { name: 'Interests and their signals' }).getByRole('listitem').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.goto('/settings/privacy');
  await checkedScreenshot(page, { path: 'test-results/screens/privacy-phone-light.png', fullPage: true });
  await page.goto('/settings/privacy/interests');
  await checkedScreenshot(page, { path: 'test-results/screens/privacy-interests-phone-light.png', fullPage: true });
});

test('retention: the page previews the next purge, and each kind of data keeps its own choice', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await page.goto('/settings/privacy');
  const section = page.getByRole('region', { name: 'How long Hearth keeps it' });
  await expect(section.getByText(/^Next purge in (\d+ min|about \d+ hours?), at 03:15 UTC:/)).toBeVisible();
  await expect(section).toContainText('nothing of yours');
  const form = section.getByRole('form', { name: 'How long your data is kept' });
  await expect(form.getByLabel('Views and opens')).toHaveValue('90');
  await expect(form.getByLabel('Inferred interests')).toHaveValue('365');
  await form.getByLabel('Views and opens').selectOption('30');
  await form.getByLabel('Search history').selectOption('keep');
  await form.getByRole('button', { name: 'Save retention' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved. The next purge follows these choices.');
  await page.reload();
  await expect(form.getByLabel('Views and opens')).toHaveValue('30');
  await expect(form.getByLabel('Search history')).toHaveValue('keep');
  await expect(form.getByLabel('Notifications')).toHaveValue('365');
});

test('what Hearth thinks you like: a saved post teaches a topic, deleting the bookmark takes it back, and pin, ban and remove work', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  // Learning from activity needs the person's yes (nothing is on until then).
  await sayYes(page, ['Use my activity to personalize', 'Use inferred interests']);
  const tagged = firstTaggedPost(page);
  const taught = await tagsOf(tagged);
  expect(taught.length).toBeGreaterThan(0);
  // The bookmark's own Server Action (actionAnswered), not the views the feed reports to /api/signals meanwhile.
  expect((await actionAnswered(page, () => tagged.getByRole('button', { name: 'Bookmark' }).click())).ok()).toBe(true);
  await expect(tagged.getByRole('button', { name: 'Remove bookmark' })).toBeVisible();

  await page.goto('/settings/privacy');
  await page.getByRole('link', { name: 'See and change your interests' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Hearth thinks you like');
  await expect(page.getByRole('table')).toBeVisible();
  // (Scrolling the feed recorded views too: they count, at 0.5 each.)
  const first = page.getByRole('list', { name: 'Interests and their signals' }).getByRole('listitem').filter({ hasText: /from 1 bookmark\b/ }).first();
  await expect(first).toContainText(/Inferred \d\.\d\d \(score \d+\.\d\), from 1 bookmark( and \d+ views?)? in #/);
  const tag = (await first.getByRole('heading', { level: 3 }).innerText()).slice(1);
  // The topic learned is one of the bookmarked post's own.
  expect(taught).toContain(tag);
  const scoreOf = async (item: typeof first) => Number(/Inferred \d\.\d\d \(score (\d+\.\d)\)/.exec(await item.innerText())![1]);
  const before = await scoreOf(first);
  expect(before).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('row', { name: new RegExp(`#${tag}\\b`) }).getByRole('cell').nth(1)).toContainText(`(score ${before.toFixed(1)})`);

  // Deleting the one signal from the dashboard takes its share out of the numbers shown.
  await page.goto('/settings/privacy/bookmarks');
  await page.getByRole('list', { name: 'Items' }).getByRole('listitem').first().getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Nothing here.')).toBeVisible();
  await page.goto('/settings/privacy/interests');
  const topic = page.getByRole('list', { name: 'Interests and their signals' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: `#${tag}` }) });
  // The bookmark's 3 points and its count are gone from what is shown (a late view could add 0.5).
  await expect(topic).not.toContainText('bookmark');
  expect(await scoreOf(topic)).toBeLessThanOrEqual(before - 2.4);

  await topic.getByRole('button', { name: 'Pin' }).click();
  await expect(topic.getByRole('button', { name: 'Unpin' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`#${tag}\\b`) })).toContainText('More of this · 2');
  await topic.getByRole('button', { name: 'Ban' }).click();
  await expect(topic.getByRole('button', { name: 'Unban' })).toBeVisible();
  await expect(topic).toContainText('Banned: it never shows');
  await topic.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('heading', { name: `#${tag}` })).toHaveCount(0);
});

test('switching personalization off offers to delete what it collected, and deleting it empties the views list', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  // Opening a post records an open once the person allows activity-based personalization (off until they say yes).
  await sayYes(page, ['Use my activity to personalize']);
  const postId = await page.getByRole('list', { name: 'Posts' }).getByRole('article').first().getAttribute('data-post-id');
  const beacon = page.waitForRequest((r) => r.url().endsWith('/api/signals') && r.method() === 'POST');
  await page.goto(`/p/${postId}`);
  await beacon;
  await expect
    .poll(async () => {
      await page.goto('/settings/privacy/activity_signals');
      return page.getByRole('list', { name: 'Items' }).getByRole('listitem').count();
    })
    .toBeGreaterThan(0);
  // Each signal shows the post it was about, with a link to it.
  await expect(page.getByRole('list', { name: 'Items' }).getByRole('link', { name: /Open the post/ }).first()).toHaveAttribute('href', `/p/${postId}`);

  await page.goto('/settings/privacy');
  const consent = page.getByRole('switch', { name: 'Use my activity to personalize' });
  await consent.click();
  await expect(consent).toHaveAttribute('aria-checked', 'false');
  const offer = page.getByRole('form', { name: /^Also delete the \d+ views? (and|or) opens?/ });
  await expect(offer).toBeVisible();
  await offer.getByLabel('Yes, delete what was collected').check();
  await offer.getByRole('button', { name: 'Delete them' }).click();
  await expect(page.getByRole('form', { name: /^Also delete/ })).toHaveCount(0);
  await page.goto('/settings/privacy/activity_signals');
  await expect(page.getByText('Nothing here.')).toBeVisible();
});
