import { expect, test } from '@playwright/test';
import { demo, firstLinkIn, newestMail, newPerson, signIn, signUp, onTwoDevices } from './helpers';

test('sign up → the feed shows demo content → sign out → sign in → a wrong password is refused', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await expect(page.getByRole('heading', { name: 'Your feed' })).toBeVisible();
  const posts = page.getByRole('list', { name: 'Posts' }).getByRole('article');
  await expect(posts.first()).toBeVisible();
  expect(await posts.count()).toBeGreaterThanOrEqual(10);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: /A community that feels personal/ })).toBeVisible();
  await page.goto('/feed');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ffeed$/);

  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/feed$/);
  await expect(page.getByText(`@${person.handle}`).first()).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, person.email, 'not my password at all');
  await expect(page.getByText('That email and password don’t match an account')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  // The email stays typed; the password does not.
  await expect(page.getByLabel('Email')).toHaveValue(person.email);
  await expect(page.getByLabel('Password')).toHaveValue('');
  // An unknown email gets exactly the same answer.
  await signIn(page, `nobody.${Date.now()}@example.org`, 'not my password at all');
  await expect(page.getByText('That email and password don’t match an account')).toBeVisible();
});

test('sign-up explains each problem beside its field', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Sam');
  await page.getByLabel('Handle').fill(demo.handle);
  await page.getByLabel('Email').fill('sam@example');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('Passwords are at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Handle')).toHaveValue(demo.handle);

  await page.getByLabel('Email').fill(`sam.${Date.now()}@example.org`);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('The handle @demo is taken — try another.')).toBeVisible();
  await expect(page.getByLabel('Handle')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Handle').fill('settings');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('That handle is reserved')).toBeVisible();
});

test('sign-up answers the same for a registered address, and tells its owner instead of creating anything', async ({ page }) => {
  const person = newPerson();
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Someone Else');
  await page.getByLabel('Handle').fill(person.handle);
  await page.getByLabel('Email').fill(demo.email);
  await page.getByLabel('Password').fill('an attacker’s password');
  await page.getByRole('button', { name: 'Create account' }).click();
  const answer = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Check your inbox' }) });
  await expect(answer).toContainText(`Check your inbox at ${demo.email}: we sent a link to finish creating your account.`);
  await expect(page.getByText(/already exists|already has an account/)).toHaveCount(0);
  // The owner hears about it; no link to create a second account was sent.
  await newestMail(demo.email, 'Someone tried to sign up to Hearth with your address');
  // A new address gets the same words, and its link creates the account after the password is typed again.
  await signUp(page, person);
  await expect(page.getByRole('heading', { name: 'Your feed' })).toBeVisible();
  // The link is used up.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: /A community that feels personal/ })).toBeVisible();
  await page.goto(firstLinkIn(await newestMail(person.email, 'Finish creating your Hearth account')));
  await expect(page.getByText('This link has expired or was already used.')).toBeVisible();
});

test('sign-in never sends people to another site, whatever the next= address hides', async ({ page }) => {
  // Each of these is read by a browser as another host once a tab, a backslash or a dot segment is resolved.
  for (const next of ['/\t/evil.example/phish', '/\\evil.example', '\\\\evil.example', '/.//evil.example', 'https://evil.example', '/\n/evil.example']) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email').fill(demo.email);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/feed$/);
    // Signed in, the same link redirects at once: still here.
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/feed$/);
    await page.context().clearCookies();
  }
  // An encoded tab stays a path on this site.
  await page.goto(`/sign-in?next=${encodeURIComponent('/%09/evil.example')}`);
  await page.getByLabel('Email').fill(demo.email);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/%09\/evil\.example$/);
});

test('a signed-out visitor is sent to sign in and comes back where they were going', async ({ page }) => {
  await page.goto('/groups');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fgroups$/);
  await page.getByLabel('Email').fill(demo.email);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Groups', exact: true }).getByRole('link', { name: 'Ceramics Studio' })).toBeVisible();
});

test('“sign out everywhere” ends the session on every device', async ({ browser }) => {
  const person = newPerson();
  const { a, b, close } = await onTwoDevices(browser, person);

  await a.getByRole('link', { name: 'Privacy' }).first().click();
  await a.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(a).toHaveURL(/\/sign-in$/);

  await b.goto('/feed');
  await expect(b).toHaveURL(/\/sign-in/);
  // Signing in again starts a new, working session.
  await signIn(b, person.email, person.password);
  await expect(b).toHaveURL(/\/feed$/);
  await close();
});

test('changing the password needs the current one, ends other sessions and keeps this one', async ({ browser }) => {
  const person = newPerson();
  const { a, b, close } = await onTwoDevices(browser, person);

  await a.goto('/settings/account');
  // The page also has the email form, with a current password of its own.
  const passwordForm = a.getByRole('form', { name: 'Change password' });
  await passwordForm.getByLabel('Current password').fill('not the password');
  await passwordForm.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await passwordForm.getByLabel('New password again').fill('a brand new passphrase');
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(a.getByText('That is not your current password.')).toBeVisible();

  await passwordForm.getByLabel('Current password').fill(person.password);
  await passwordForm.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await passwordForm.getByLabel('New password again').fill('a brand new passphrase');
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(a.getByRole('status')).toHaveText('Password changed. Every other device was signed out.');
  await a.goto('/feed');
  await expect(a).toHaveURL(/\/feed$/);

  await b.goto('/feed');
  await expect(b).toHaveURL(/\/sign-in/);
  await signIn(b, person.email, person.password);
  await expect(b.getByText('That email and password don’t match an account')).toBeVisible();
  await signIn(b, person.email, 'a brand new passphrase');
  await expect(b).toHaveURL(/\/feed$/);
  await close();
});
