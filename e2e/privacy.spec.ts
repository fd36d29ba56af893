import { expect, test } from '@playwright/test';
import { newPerson, signIn, signUp } from './helpers';

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

  const profile = await page.goto(`/u/${person.handle}`);
  expect(profile?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
});
