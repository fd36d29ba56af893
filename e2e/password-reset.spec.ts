import { expect, test } from '@playwright/test';
import { firstLinkIn, newestMail, newPerson, onTwoDevices, signIn } from './helpers';
import { checkedScreenshot } from './layout';

test('forgot password → the mail arrives over SMTP → a new password → every device signed out → sign in with the new one', async ({ browser }) => {
  const person = newPerson();
  const { a, b, close } = await onTwoDevices(browser, person);
  const stranger = await browser.newContext();
  const page = await stranger.newPage();

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  // An address no account uses gets the very same words.
  await page.getByLabel('Email').fill(`nobody.${person.email}`);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  const form = page.getByRole('form', { name: 'Forgot password' });
  await expect(form.getByRole('status')).toHaveText(
    `If an account uses nobody.${person.email}, we sent it a link to choose a new password. The link works for 30 minutes. Nothing arrived? Check the spam folder, or ask again in a few minutes.`,
  );
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(form.getByRole('status')).toHaveText(
    `If an account uses ${person.email}, we sent it a link to choose a new password. The link works for 30 minutes. Nothing arrived? Check the spam folder, or ask again in a few minutes.`,
  );

  // The suite's SMTP server received it: multipart, with the community's name, and no unsubscribe (account mail).
  const mail = await newestMail(person.email, 'Choose a new password for Hearth');
  expect(mail.html).toContain('<html lang="en">');
  expect(mail.text).toContain('— Hearth');
  expect(mail.headers['list-unsubscribe']).toBeUndefined();
  expect(mail.messageId).toMatch(/^<[\w-]+@e2e\.hearth\.test>$/);
  const link = firstLinkIn(mail);
  expect(link).toMatch(/\/reset-password\?token=[\w-]{40,}$/);

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('New password again').fill('short');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Passwords are at least 10 characters.')).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await page.getByLabel('New password again').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(page.getByRole('status')).toHaveText('Your password was changed and every device was signed out. Sign in with the new one.');

  // Both devices that were signed in are signed out.
  for (const device of [a, b]) {
    await device.goto('/feed');
    await expect(device).toHaveURL(/\/sign-in/);
  }
  await newestMail(person.email, 'Your Hearth password was changed');

  // The old password no longer works; the new one does.
  await signIn(page, person.email, person.password);
  await expect(page.getByText('That email and password don’t match an account')).toBeVisible();
  await signIn(page, person.email, 'a brand new passphrase');
  await expect(page).toHaveURL(/\/feed$/);

  // The link was used up.
  await page.goto(link);
  await expect(page.getByText('This link has expired or was already used')).toBeVisible();
  await close();
  await stranger.close();
});

test('the new pages, light and at 390 px (screenshots to look at)', async ({ browser }) => {
  for (const viewport of [
    { width: 1280, height: 900, name: 'desktop' },
    { width: 390, height: 844, name: 'mobile' },
  ]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await expect(page.getByRole('link', { name: 'Forgot password?' })).toBeVisible();
    await checkedScreenshot(page, { path: `test-results/mail/sign-in-${viewport.name}.png`, fullPage: true });
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill('someone@example.org');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByRole('status')).toBeVisible();
    await checkedScreenshot(page, { path: `test-results/mail/forgot-password-${viewport.name}.png`, fullPage: true });
    await page.goto('/reset-password?token=not-a-real-token-at-all-0000');
    await expect(page.getByRole('link', { name: 'Ask for a new one' })).toBeVisible();
    await checkedScreenshot(page, { path: `test-results/mail/reset-expired-${viewport.name}.png`, fullPage: true });
    await page.goto('/unsubscribe/moderation.bm9ib2R5.0000');
    await expect(page.getByText('This unsubscribe link is not valid')).toBeVisible();
    await checkedScreenshot(page, { path: `test-results/mail/unsubscribe-invalid-${viewport.name}.png`, fullPage: true });
    await signIn(page, 'demo@hearth.local', 'hearth-demo-2026');
    await expect(page).toHaveURL(/\/feed$/);
    await page.goto('/notifications');
    const email = page.getByRole('form', { name: 'Email choices' });
    await expect(email.getByLabel('Moderation mail')).toBeChecked();
    await expect(email.getByLabel('Digest')).toHaveValue('off');
    // Saved as they are: the demo's choices stay the same for the other journeys.
    await email.getByRole('button', { name: 'Save email choices' }).click();
    await expect(email.getByRole('status')).toContainText('Saved.');
    await page.getByRole('heading', { name: 'Email' }).scrollIntoViewIfNeeded();
    await checkedScreenshot(page, { path: `test-results/mail/email-choices-${viewport.name}.png` });
    await context.close();
  }
});
