// Two-factor sign-in as a person uses it: an authenticator app (codes computed here from the key the page shows, as
// an app would), recovery codes that work once, and a passkey made by Chromium's virtual authenticator.
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { newPerson, signIn, signUp } from './helpers';

const STEP_MS = 30_000;
/** How long a typed code must still be accepted (one step either side of the server's now) when it is typed. */
const MARGIN_MS = 15_000;

/**
 * The code an authenticator app shows for this key, `offsetSteps` 30-second steps from now — typed only with at least
 * 15 s of its acceptance left. The server checks a code when the form arrives, not when it was typed; on a busy
 * machine a previous step's code typed in the last seconds of the step reached it two steps old and was refused.
 */
async function codeFor(key: string, offsetSteps = 0) {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / STEP_MS) + offsetSteps;
    // Accepted while the server's step is at most one past the code's.
    const acceptedUntil = (step + 2) * STEP_MS;
    if (acceptedUntil - now >= MARGIN_MS) return new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30 }).generate({ timestamp: step * STEP_MS });
    // Typed at the start of the next step instead.
    await new Promise((resolve) => setTimeout(resolve, (Math.floor(now / STEP_MS) + 1) * STEP_MS - now + 50));
  }
}

async function signOut(page: Page) {
  await page.context().clearCookies({ name: /authjs/ });
}

async function secondStep(page: Page, code: string) {
  const form = page.getByRole('form', { name: 'Confirm sign-in' });
  await expect(form.getByRole('heading', { name: 'Confirm it’s you' })).toBeVisible();
  await form.getByLabel('Code from your app or a recovery code').fill(code);
  await form.getByRole('button', { name: 'Confirm sign-in' }).click();
}

test('an authenticator app and recovery codes: the password alone is not enough, and a recovery code works once', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);

  await page.goto('/settings/account');
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await expect(section).toContainText('Off.');
  await section.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(section.getByRole('img', { name: 'QR code to add Hearth to your authenticator app' })).toBeVisible();
  const key = (await section.getByLabel('Setup key').textContent())!.trim();
  expect(key).toMatch(/^[A-Z2-7]{32}$/);

  const confirm = section.getByRole('form', { name: 'Confirm authenticator app' });
  await confirm.getByLabel('Six-digit code from the app').fill('000000');
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(confirm.getByText('That code didn’t match.')).toBeVisible();
  // The previous step's code: still accepted, and it leaves the current one unspent for signing in.
  await confirm.getByLabel('Six-digit code from the app').fill(await codeFor(key, -1));
  await confirm.getByRole('button', { name: 'Turn on' }).click();

  const codes = section.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.allTextContents()).map((c) => c.trim());
  await expect(section).toContainText('On: signing in with your password also needs');
  await expect(section).toContainText('10 recovery codes left.');
  await section.getByRole('button', { name: 'I have saved them' }).click();
  await expect(section.getByRole('list', { name: 'Recovery codes' })).toHaveCount(0);

  // Signed out, the password alone leads to the second step, not into Hearth.
  await signOut(page);
  await signIn(page, person.email, person.password);
  await expect(page.getByRole('form', { name: 'Confirm sign-in' })).toBeVisible();
  await page.goto('/feed');
  await expect(page).toHaveURL(/\/sign-in/);

  // Password and a wrong code: refused; with the app's current code: in.
  await signIn(page, person.email, person.password);
  await secondStep(page, '999999');
  await expect(page.getByRole('form', { name: 'Confirm sign-in' }).getByText('That code didn’t work.')).toBeVisible();
  await secondStep(page, await codeFor(key));
  await expect(page).toHaveURL(/\/feed$/);

  // A recovery code signs in once …
  await signOut(page);
  await signIn(page, person.email, person.password);
  await secondStep(page, recovery[0]);
  await expect(page).toHaveURL(/\/feed$/);
  await page.goto('/settings/account');
  await expect(page.getByRole('region', { name: 'Two-factor sign-in' })).toContainText('9 recovery codes left.');

  // … and is refused the second time.
  await signOut(page);
  await signIn(page, person.email, person.password);
  await secondStep(page, recovery[0]);
  await expect(page.getByRole('form', { name: 'Confirm sign-in' }).getByText('That code didn’t work.')).toBeVisible();
  await page.goto('/feed');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a passkey: added on the account page, then it confirms a password sign-in', async ({ page, baseURL }) => {
  // WebAuthn does not accept an IP address as the site's identity: this journey runs on localhost.
  const local = baseURL!.replace('127.0.0.1', 'localhost');
  const person = newPerson();
  await signUp(page, person);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  // Signed up on 127.0.0.1; localhost is another site to the browser, so sign in there.
  await page.goto(`${local}/sign-in`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/localhost.*\/feed$/);

  await page.goto(`${local}/settings/account`);
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await section.getByLabel('Passkey name').fill('Test laptop');
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(section.getByRole('status')).toContainText('Passkey “Test laptop” added');
  await expect(section.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await expect(section.getByRole('list', { name: 'Your passkeys' })).toContainText('Test laptop');
  await expect(section.getByRole('list', { name: 'Your passkeys' })).toContainText('not used yet');

  await page.context().clearCookies({ name: /authjs/ });
  await page.goto(`${local}/sign-in`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const form = page.getByRole('form', { name: 'Confirm sign-in' });
  await expect(form).toBeVisible();
  await form.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page).toHaveURL(/localhost.*\/feed$/);

  await page.goto(`${local}/settings/account`);
  const keys = page.getByRole('region', { name: 'Two-factor sign-in' }).getByRole('list', { name: 'Your passkeys' });
  await expect(keys).toContainText('last used');
  await keys.getByRole('button', { name: 'Remove passkey Test laptop' }).click();
  await expect(page.getByRole('region', { name: 'Two-factor sign-in' })).toContainText('No passkeys yet.');
});

test('without JavaScript, the second step asks for the password again and the app’s code signs in', async ({ page, browser }) => {
  const person = newPerson();
  await signUp(page, person);
  await page.goto('/settings/account');
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await section.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const key = (await section.getByLabel('Setup key').textContent())!.trim();
  const confirm = section.getByRole('form', { name: 'Confirm authenticator app' });
  await confirm.getByLabel('Six-digit code from the app').fill(await codeFor(key, -1));
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(section).toContainText('On: signing in with your password also needs');

  // A browser without scripts keeps nothing between the two steps, and the server never sends the password back.
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const bare = await ctx.newPage();
  await signIn(bare, person.email, person.password);
  const form = bare.getByRole('form', { name: 'Confirm sign-in' });
  await expect(form.getByRole('heading', { name: 'Confirm it’s you' })).toBeVisible();
  await expect(form.getByLabel('Password, again')).toHaveValue('');
  // A wrong password with a right code is refused as a wrong password is.
  await form.getByLabel('Password, again').fill('not the password');
  await form.getByLabel('Code from your app or a recovery code').fill(await codeFor(key));
  await form.getByRole('button', { name: 'Confirm sign-in' }).click();
  await expect(bare.getByRole('main').getByRole('alert')).toHaveText('That email and password don’t match an account. Check them and try again.');
  await expect(bare).toHaveURL(/\/sign-in/);
  // From the start again, with the password and the app's code: in.
  await signIn(bare, person.email, person.password);
  await form.getByLabel('Password, again').fill(person.password);
  await form.getByLabel('Code from your app or a recovery code').fill(await codeFor(key));
  await form.getByRole('button', { name: 'Confirm sign-in' }).click();
  await expect(bare).toHaveURL(/\/feed$/);
  await expect(bare.getByRole('heading', { name: 'Your feed' })).toBeVisible();
  await ctx.close();
});
