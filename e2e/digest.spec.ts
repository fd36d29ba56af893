import { expect, test } from '@playwright/test';
import { newPerson, signUp } from './helpers';
import { checkedScreenshot } from './layout';

test('the digest is off until asked for: choosing Weekly in settings, then the preview shows the posts with their reasons', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);

  // Reached from the notifications page.
  await page.goto('/notifications');
  await page.getByRole('link', { name: 'Email digest' }).click();
  await expect(page.getByRole('heading', { name: 'Email digest', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Email digest' });
  await expect(form.getByRole('radio', { name: /^Off/ })).toBeChecked();
  await expect(page.getByText('The digest is off: Hearth sends you none.')).toBeVisible();
  await checkedScreenshot(page, { path: test.info().outputPath('digest-settings.png'), fullPage: true });

  await form.getByRole('radio', { name: /^Weekly/ }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Email digest: weekly\. The next one comes on \w+day \d+ \w+\.$/);
  await page.reload();
  await expect(page.getByRole('form', { name: 'Email digest' }).getByRole('radio', { name: /^Weekly/ })).toBeChecked();
  await expect(page.getByText(/Your weekly digest is on\. The next one comes on/)).toBeVisible();

  await page.getByRole('link', { name: 'Preview my digest' }).click();
  await expect(page.getByRole('heading', { name: 'Preview my digest', level: 1 })).toBeVisible();
  await expect(page.getByText('Your digest is weekly.')).toBeVisible();
  const posts = page.getByRole('list', { name: 'Posts in the digest' });
  await expect(posts.getByRole('listitem').first()).toBeVisible();
  // Every post carries the reason the feed gives it.
  const items = await posts.getByRole('listitem').count();
  expect(items).toBeGreaterThan(0);
  expect(items).toBeLessThanOrEqual(8);
  await expect(posts.getByRole('listitem').first()).toContainText('Why:');
  await page.getByText('The mail as it would be sent').click();
  await expect(page.getByText(/^Stop these emails: http/m)).toBeVisible();
  // Links point at the site as this visit sees it.
  await expect(page.getByText(/^Everything else is in your feed:\nhttp:\/\/127\.0\.0\.1:\d+\/feed$/m)).toBeVisible();
  await checkedScreenshot(page, { path: test.info().outputPath('digest-preview.png'), fullPage: true });

  // The phone width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('list', { name: 'Posts in the digest' })).toBeVisible();
  await checkedScreenshot(page, { path: test.info().outputPath('digest-preview-390.png'), fullPage: true });
  await page.goto('/settings/digest');
  await checkedScreenshot(page, { path: test.info().outputPath('digest-settings-390.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/settings/digest/preview');
  await expect(page.getByRole('list', { name: 'Posts in the digest' })).toBeVisible();
  await checkedScreenshot(page, { path: test.info().outputPath('digest-preview-dark.png'), fullPage: true });
});
