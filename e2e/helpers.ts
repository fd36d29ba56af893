import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

export const demo = { email: 'demo@hearth.local', password: 'hearth-demo-2026', handle: 'demo' };

export function newPerson() {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: 'Maya Kim', handle: `maya_${id}`, email: `maya.${id}@example.org`, password: 'clay and kilns forever' };
}

/** Signs up through the form; new accounts land on onboarding, which this skips unless told not to. */
export async function signUp(page: Page, person: ReturnType<typeof newPerson>, options: { onboarding?: boolean } = {}) {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Handle').fill(person.handle);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status').getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await openMailedLink(page, person.email, 'Finish creating your Hearth account');
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/welcome$/);
  if (options.onboarding) return;
  await page.getByRole('link', { name: 'Skip for now' }).click();
  await expect(page).toHaveURL(/\/feed$/);
}

/** Opens the link in the newest mail to `to` with this subject, from the development mailbox (/dev/mail). */
export async function openMailedLink(page: Page, to: string, subject: string) {
  await page.goto('/dev/mail');
  const mail = page.getByRole('article', { name: `To ${to}: ${subject}` }).first();
  await expect(mail).toBeVisible();
  await page.goto((await mail.getByRole('link').first().getAttribute('href'))!);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The same new person signed up on a laptop (a) and signed in on a phone (b); close() ends both browsers. */
export async function onTwoDevices(browser: Browser, person: ReturnType<typeof newPerson>, phoneOptions: BrowserContextOptions = {}) {
  const laptop = await browser.newContext();
  const phone = await browser.newContext(phoneOptions);
  const a = await laptop.newPage();
  const b = await phone.newPage();
  await signUp(a, person);
  await signIn(b, person.email, person.password);
  await expect(b).toHaveURL(/\/feed$/);
  return { a, b, close: async () => Promise.all([laptop.close(), phone.close()]) };
}
