// The XSS corpus pushed through the fields people write — name, group name, description, rules, welcome message,
// role name, group milestone wording, thank-you template, post, tags, comment, thank-you note — and rendered in Chromium: no dialog opens and no script runs.
import { expect, test, type Page } from '@playwright/test';
import { xssPayloads } from '../test/fixtures/xss';
import { newPerson, signUp } from './helpers';

const short = xssPayloads.filter((p) => p.length <= 40);

async function assertClean(page: Page, dialogs: string[]) {
  await page.waitForLoadState('networkidle');
  expect(dialogs, `dialogs on ${page.url()}`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), `script ran on ${page.url()}`).toBeUndefined();
}

test('payloads in every field stay text', async ({ page, browser }) => {
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

  // Celebration wording: a group milestone (earned by the post below) and a thank-you template. Placeholders in
  // braces are checked, so payloads with braces are left to the other fields.
  const braceless = xssPayloads.filter((p) => !p.includes('{'));
  await page.goto(`/g/${slug}/settings?tab=celebrations`);
  const milestoneForm = page.getByRole('form', { name: 'Add a group milestone' });
  await milestoneForm.getByLabel('How many').fill('1');
  await milestoneForm.getByLabel('Milestone name').fill(braceless.find((p) => p.length <= 80)!);
  await milestoneForm.getByLabel('Message to the member (optional)').fill(braceless.slice(0, 6).join(' ').slice(0, 280));
  await milestoneForm.getByRole('button', { name: 'Add milestone' }).click();
  await expect(milestoneForm.getByRole('status')).toBeVisible();
  const templateForm = page.getByRole('form', { name: 'Write a thank-you message' });
  await templateForm.getByLabel('Thank-you message').fill(braceless.slice(6, 14).join(' ').slice(0, 280));
  await templateForm.getByRole('button', { name: 'Save thank-you' }).click();
  await expect(templateForm.getByRole('status')).toBeVisible();
  await page.reload();
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

  // A thank-you note from someone else on one of this person's milestones.
  const otherCtx = await browser.newContext();
  const other = await otherCtx.newPage();
  await signUp(other, newPerson());
  await other.goto(`/u/${person.handle}`);
  const memories = other.getByRole('region', { name: 'Memories' });
  await memories.getByText(/thank-you note/).first().click();
  await memories.getByLabel('Your note').first().fill(xssPayloads.slice(0, 12).join(' ').slice(0, 500));
  await memories.getByRole('button', { name: 'Send note' }).first().click();
  await expect(memories.getByRole('status').first()).toContainText('on its way');
  await otherCtx.close();

  for (const url of ['/groups', `/g/${slug}`, `/g/${slug}/settings?tab=members`, `/g/${slug}/settings?tab=audit`, `/g/${slug}/settings?tab=celebrations`, `/u/${person.handle}`, '/feed', '/notifications']) {
    await page.goto(url);
    await assertClean(page, dialogs);
  }
});
