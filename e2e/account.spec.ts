import { expect, test } from '@playwright/test';
import { firstLinkIn, newestMail, newPerson, signIn, signUp, onTwoDevices } from './helpers';

test('changing the email: current password, a link to the new address, other devices signed out, sign in with the new one', async ({ browser }) => {
  const person = newPerson();
  const newEmail = `new.${person.email}`;
  const { a, b, close } = await onTwoDevices(browser, person);

  await a.goto('/settings/account');
  const form = a.getByRole('form', { name: 'Change email' });
  await form.getByLabel('New email address').fill(newEmail);
  await form.getByLabel('Current password').fill('not the password');
  await form.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(form.getByText('That is not your current password.')).toBeVisible();
  await expect(form.getByLabel('New email address')).toHaveValue(newEmail); // kept after a failed try
  await form.getByLabel('Current password').fill(person.password);
  await form.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(form.getByRole('status')).toContainText(`We sent a link to ${newEmail}.`);

  // The suite's SMTP server received the message with the link.
  const link0 = firstLinkIn(await newestMail(newEmail, 'Confirm your new email for Hearth'));
  expect(link0).toMatch(/\/settings\/account\/confirm-email\?token=/);
  await a.goto(link0);
  await expect(a.getByRole('heading', { name: 'Confirm your new email' })).toBeVisible();
  const link = a.url();
  await a.getByRole('button', { name: 'Confirm new email' }).click();
  await expect(a).toHaveURL(/\/settings\/account\?email=changed$/);
  await expect(a.getByRole('status')).toHaveText(`Email changed: you now sign in with ${newEmail}. Every other device was signed out, and your old address was told.`);

  // The old address was told; the other device is signed out; the new address signs in.
  await newestMail(person.email, 'Your Hearth email address was changed');
  await a.goto('/settings/account');
  await expect(a.getByText(`You sign in with ${newEmail}.`)).toBeVisible();
  await b.goto('/feed');
  await expect(b).toHaveURL(/\/sign-in/);
  await signIn(b, person.email, person.password);
  await expect(b.getByText('That email and password don’t match an account')).toBeVisible();
  await signIn(b, newEmail, person.password);
  await expect(b).toHaveURL(/\/feed$/);

  // The link works once.
  await a.goto(link);
  await expect(a.getByText('This link has expired, was already used, or belongs to another account.')).toBeVisible();
  await expect(a.getByRole('button', { name: 'Confirm new email' })).toHaveCount(0);
  await close();
});

test('sign-in activity: each signed-in device is listed in the privacy dashboard, with when it signed in', async ({ browser }) => {
  const person = newPerson();
  const { a, close } = await onTwoDevices(browser, person, { userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0 Mobile Safari/537.36' });
  await a.goto('/settings/privacy');
  const devices = a.getByRole('list', { name: 'Signed-in devices' }).getByRole('listitem');
  await expect(devices).toHaveCount(2);
  await expect(devices.filter({ hasText: 'This device' })).toHaveCount(1);
  await expect(devices.filter({ hasText: /Android/ })).toContainText(/Signed in .* · last used/);
  await close();
});

test('a production page carries the security headers, and the session cookie is httpOnly and SameSite=Lax', async ({ page, context }) => {
  await signUp(page, newPerson());
  const response = await page.goto('/settings/account');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains'); // production build
  const session = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
});

test('route handlers and files carry the baseline headers too (next.config.ts), whatever they answer', async ({ request }) => {
  for (const url of ['/api/media/00000000-0000-0000-0000-000000000000/48', '/api/search?q=ma', '/api/avatar/thumbs/maya?bg=fbe7dc&shape=circle']) {
    const headers = (await request.get(url)).headers();
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['x-frame-options'], url).toBe('DENY');
    expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(headers['cross-origin-resource-policy'], url).toBe('same-origin');
    expect(headers['content-security-policy'], url).toMatch(/^default-src 'none';.*frame-ancestors 'none'$/);
    expect(headers['strict-transport-security'], url).toBe('max-age=63072000; includeSubDomains'); // production build
  }
  const icon = (await request.get('/icon.svg')).headers();
  expect(icon['x-content-type-options']).toBe('nosniff');
  expect(icon['x-frame-options']).toBe('DENY');
});
