// The XSS corpus pushed through the fields people write — name, group name, description, rules, welcome message,
// role name, post, tags, comment — and rendered in Chromium: no dialog opens and no script runs.
import { expect, test, type Page } from '@playwright/test';
import { xssPayloads } from '../test/fixtures/xss';
import { newPerson, signUp } from './helpers';

const short = xssPayloads.filter((p) => p.length <= 40);

async function assertClean(page: Page, dialogs: string[]) {
  await page.waitForLoadState('networkidle');
  expect(dialogs, `dialogs on ${page.url()}`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), `script ran on ${page.url()}`).toBeUndefined();
}

test('payloads in every field stay text', async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const person = { ...newPerson(), name: short[2] };
  await signUp(page, person);
  await assertClean(page, dialogs);

  const slug = `xss-${Date.now().toString(36)}`;
  await page.goto('/g/new');
  await page.getByLabel('Name').fill(short[0].slice(0, 60));
  await page.getByLabel('Address').fill(slug);
  await page.getByLabel('Topic').fill('security');
  await page.getByLabel('Description').fill(xssPayloads.slice(0, 8).join(' ').slice(0, 500));
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page).toHaveURL(new RegExp(`/g/${slug}$`));
  await assertClean(page, dialogs);

  await page.goto(`/g/${slug}/settings`);
  for (let i = 0; i < 2; i++) await page.getByLabel(`Rule ${i + 1}`, { exact: true }).fill(xssPayloads[10 + i].slice(0, 300));
  await page.getByLabel('Welcome message').fill(xssPayloads.slice(20, 30).join('\n').slice(0, 1000));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved. Your group is updated.');
  await assertClean(page, dialogs);

  await page.goto(`/g/${slug}/settings?tab=roles`);
  const custom = page.getByRole('form', { name: 'Create a custom role' });
  await custom.getByLabel('Role name').fill(short[5].slice(0, 40));
  await custom.getByRole('button', { name: 'Create role' }).click();
  await expect(custom.getByRole('status')).toBeVisible();
  await assertClean(page, dialogs);

  await page.goto(`/g/${slug}`);
  await page.getByLabel('Your post').fill(xssPayloads.join('\n\n'));
  await page.getByLabel('Tags').fill('<script>x</script>, "><img src=x>');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Posted in #general.' })).toBeVisible();
  await page.reload();
  await assertClean(page, dialogs);

  await page.getByRole('list', { name: 'Posts' }).getByRole('article').first().getByRole('link', { name: /comment/ }).click();
  await page.getByLabel('Your comment').fill(xssPayloads.slice(30).join('\n'));
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Comment posted.' })).toBeVisible();
  await page.reload();
  await assertClean(page, dialogs);

  for (const url of ['/groups', `/g/${slug}/settings?tab=members`, `/g/${slug}/settings?tab=audit`, `/u/${person.handle}`, '/feed', '/notifications']) {
    await page.goto(url);
    await assertClean(page, dialogs);
  }
});
