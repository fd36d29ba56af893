// The sign-in door as an attacker finds it: Auth.js's own credentials route driven packet by packet, addresses
// written into X-Forwarded-For, and an owner who must still get in. Each part runs against a production server of
// its own with the rate limits on (the shared journeys' server runs without them).
import { expect, request as http, test, type APIRequestContext } from '@playwright/test';
import { startOwnServer, type OwnServer } from './support/own-server';

const password = 'the owners’ real password';
const accounts = 30;
test.describe.configure({ mode: 'serial' });

type Outcome = 'wrong' | 'limited' | 'signed-in';

/** One attempt through POST /api/auth/callback/credentials, as a script would send it (no browser, no form). */
async function knock(api: APIRequestContext, server: OwnServer, email: string, pass: string, forwardedFor?: string): Promise<Outcome> {
  const { csrfToken } = await (await api.get(`${server.url}/api/auth/csrf`)).json();
  const response = await api.post(`${server.url}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password: pass, callbackUrl: `${server.url}/feed` },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const location = response.headers().location;
  // Auth.js answers on the origin the request came to, not on Next's own http://localhost:<port>.
  expect(location.startsWith(server.url)).toBe(true);
  if (location.includes('code=rate_limited')) return 'limited';
  if (location.includes('error=CredentialsSignin')) return 'wrong';
  expect(response.headers()['set-cookie']).toMatch(/authjs\.session-token=/);
  return 'signed-in';
}

/** Fixed windows: start a burst early in a minute, so the whole burst falls in one window. */
async function startOfAMinute() {
  const seconds = new Date().getSeconds();
  if (seconds > 40) await new Promise((resolve) => setTimeout(resolve, (61 - seconds) * 1000));
}

const fake = (i: number) => `${(i * 37) % 223 + 1}.${(i * 91) % 255}.${i % 255}.${(i * 13) % 254 + 1}`;

test.describe('no proxy trusted (the default)', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    server = await startOwnServer({ HEARTH_RATE_LIMITS: 'on' }, ['e2e/support/door-accounts.ts', String(accounts), password]);
  });
  test.afterAll(async () => server?.stop());

  test('a one-password spray over 30 accounts with a new fake X-Forwarded-For each time is checked 6 times, then the door stays shut', async ({ page }) => {
    const api = await http.newContext();
    await startOfAMinute();
    const spray: Outcome[] = [];
    for (let i = 0; i < accounts; i++) spray.push(await knock(api, server, `door${i}@example.org`, 'Summer2026!', fake(i)));
    expect(spray.filter((o) => o === 'wrong')).toHaveLength(6);
    expect(spray.filter((o) => o === 'limited')).toHaveLength(accounts - 6);

    // 60 more guesses at one account, then the right password: none is checked, so the right one does not get in.
    const guesses: Outcome[] = [];
    for (let i = 0; i < 60; i++) guesses.push(await knock(api, server, 'door0@example.org', `guess ${i}`, fake(100 + i)));
    expect(new Set(guesses)).toEqual(new Set(['limited']));
    expect(await knock(api, server, 'door0@example.org', password)).toBe('limited');

    // The sign-in form is the same door: it says how long to wait.
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill('door1@example.org');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(/^Too many attempts\. Try again in \d+ (seconds?|minutes?)\.$/)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await api.dispose();
  });
});

test.describe('behind one trusted proxy (HEARTH_TRUSTED_PROXIES=1)', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    server = await startOwnServer({ HEARTH_RATE_LIMITS: 'on', HEARTH_TRUSTED_PROXIES: '1' }, ['e2e/support/door-accounts.ts', '1', password]);
  });
  test.afterAll(async () => server?.stop());

  test('guesses from many addresses use up the account’s budget for strangers, and the owner still gets in on their own device', async ({ browser }) => {
    // The owner signed in on their laptop before (this test is the proxy: it writes the address the proxy saw).
    const laptop = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.7' } });
    const owner = await laptop.newPage();
    const signIn = async () => {
      await owner.goto(`${server.url}/sign-in`);
      await owner.getByLabel('Email').fill('door0@example.org');
      await owner.getByLabel('Password').fill(password);
      await owner.getByRole('button', { name: 'Sign in' }).click();
    };
    await signIn();
    await expect(owner).toHaveURL(/\/(feed|welcome)$/);
    await owner.getByRole('button', { name: 'Sign out' }).click();
    await expect(owner).toHaveURL(new RegExp(`^${server.url}/?$`));

    // Strangers guess from 30 addresses: 25 failures are checked, the rest are refused unchecked.
    const api = await http.newContext();
    await startOfAMinute();
    const guesses: Outcome[] = [];
    for (let i = 0; i < 30; i++) guesses.push(await knock(api, server, 'door0@example.org', `guess ${i}`, `203.0.113.${i + 1}`));
    expect(guesses.slice(0, 25)).toEqual(Array(25).fill('wrong'));
    expect(guesses.slice(25)).toEqual(Array(5).fill('limited'));
    // Even the right password, from a browser that never signed in, waits.
    expect(await knock(api, server, 'door0@example.org', password, '192.0.2.9')).toBe('limited');

    // The owner's laptop is a known device: signed in at once.
    await signIn();
    await expect(owner).toHaveURL(/\/(feed|welcome)$/);
    await api.dispose();
    await laptop.close();
  });
});
