import { expect, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { e2eMailFile, readCaughtMail, type CaughtMail } from '../scripts/mail-catcher.mjs';

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
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await expect(page).toHaveURL(/\/feed$/);
}

/**
 * Consents are off until a person says yes: this says yes on the privacy page to each consent named by its label
 * (as a person who skipped onboarding would later), and comes back to where the page was.
 */
export async function sayYes(page: Page, labels: string[]) {
  const back = page.url();
  await page.goto('/settings/privacy');
  for (const label of labels) {
    const toggle = page.getByRole('switch', { name: label });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await toggle.click();
    await expect(page.getByRole('switch', { name: label })).toHaveAttribute('aria-checked', 'true');
  }
  await page.goto(back);
}

/**
 * The newest mail to `to` with this subject that the suite's SMTP server received (scripts/e2e-server.mjs starts
 * it; the app's mail worker delivers to it within seconds), waiting for it to arrive.
 */
export async function newestMail(to: string, subject: string, timeout = 20_000): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      () => {
        found = readCaughtMail(e2eMailFile())
          .filter((m) => m.to.some((address) => address.toLowerCase() === to.toLowerCase()) && m.subject === subject)
          .at(-1);
        return Boolean(found);
      },
      { message: `a mail to ${to} with the subject “${subject}”`, timeout, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}

/** The first link in a mail's text (the links Hearth mails come before the footer). */
export function firstLinkIn(mail: CaughtMail) {
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no link in the mail “${mail.subject}”`);
  return link;
}

/** Opens the link in the newest mail to `to` with this subject, as received by the suite's SMTP server. */
export async function openMailedLink(page: Page, to: string, subject: string) {
  await page.goto(firstLinkIn(await newestMail(to, subject)));
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

/** Creates a group through /g/new (the signed-in person becomes its owner) and waits for its page. */
export async function createGroup(page: Page, group: { name: string; slug: string; topic?: string }) {
  await page.goto('/g/new');
  await page.getByLabel('Name').fill(group.name);
  await page.getByLabel('Address').fill(group.slug);
  await page.getByLabel('Topic').fill(group.topic ?? 'ceramics');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page).toHaveURL(new RegExp(`/g/${group.slug}$`));
}

/**
 * The first post on the page with topics: an article holding a "Tags" list. (Not "an article with a link named
 * #…": a group post's channel link is named "#general" too, and a post with a channel but no topics teaches none.)
 */
export function firstTaggedPost(page: Page) {
  return page.getByRole('list', { name: 'Posts' }).getByRole('article').filter({ has: page.getByRole('list', { name: 'Tags' }) }).first();
}

/** The topics a post card shows, without their "#". */
export async function tagsOf(post: Locator) {
  const names = await post.getByRole('list', { name: 'Tags' }).getByRole('link').allInnerTexts();
  return names.map((n) => n.trim().replace(/^#/, ''));
}

/**
 * Does `act` and waits for the answer of the Server Action it sent. An optimistic control (a reaction, a bookmark)
 * answers on the page at once; a reload or a navigation before the action's POST has answered can win the race on a
 * busy machine and find nothing stored. (The time-zone reporter's own action is not the one awaited.)
 */
export async function actionAnswered(page: Page, act: () => Promise<unknown>) {
  const answered = page.waitForResponse(
    (r) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action']) && !(r.request().postData() ?? '').includes('timeZone'),
  );
  await act();
  return answered;
}
