// axe on every main page, signed out and in, light and dark, at phone and desktop widths: any serious or critical
// finding fails. One browser context per width walks all the pages; each page is audited in light, then switched to
// dark in place (the dark theme only swaps colour tokens, app/globals.css) and audited again, so the check costs one
// page load per page and width. And the keyboard path from the skip link into the first post.
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, signIn } from './helpers';

// axe-core itself is loaded into every page of the context once, before the page's own scripts; AxeBuilder is told
// so (axeSource), instead of evaluating its 600 kB twice for every audit.
const axeScript = createRequire(import.meta.url)('axe-core').source as string;
const preloaded = '/* axe-core: loaded into the page by the context (addInitScript) */';

const widths = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
] as const;

/** What fails the suite. Moderate and minor findings are logged but do not fail it, except the rules below. */
const failing = new Set(['serious', 'critical']);
/**
 * Moderate rules that are clean today and stay clean: each fails the suite like a serious one. aria-allowed-role: a
 * role the element may not take (the reactions were a <form role="group">; the group is now a div in the form).
 */
const keptClean = new Set(['aria-allowed-role']);
const fails = (f: { rule: string; impact: string }) => failing.has(f.impact) || keptClean.has(f.rule);

type Finding = { page: string; rule: string; impact: string; help: string; nodes: string[] };

/** Runs axe on what the page shows now; returns its serious and critical findings, and logs the rest. */
async function audit(page: Page, label: string, rules?: string[]): Promise<Finding[]> {
  let builder = new AxeBuilder({ page, axeSource: preloaded }).setLegacyMode().options({ resultTypes: ['violations'], iframes: false });
  if (rules) builder = builder.withRules(rules);
  const { violations } = await builder.analyze();
  const found = violations.map((v) => ({
    page: label,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
  }));
  for (const f of found.filter((f) => !fails(f))) console.log(`axe (${f.impact}, not failing): ${f.page}: ${f.rule}: ${f.help}`);
  const serious = found.filter(fails);
  if (serious.length) console.log(`axe: ${report(serious)}`);
  return serious;
}

/** The rules whose outcome depends on colours: all that can change between the light and the dark theme. */
const colourRules = ['color-contrast', 'link-in-text-block'];

/** Audits what the page shows in light (every rule) and in dark (the colour rules), then puts it back to light. */
async function auditBothThemes(page: Page, label: string, findings: Finding[]) {
  findings.push(...(await audit(page, `${label}, light`)));
  // Transitions are off in these contexts (newContext), so nothing is caught half-way between the themes.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 18, 15)');
  findings.push(...(await audit(page, `${label}, dark`, colourRules)));
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Opens a page, waits until its own heading (level 1) is there, and audits it in both themes. */
async function visit(page: Page, path: string, findings: Finding[], label = path) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await auditBothThemes(page, label, findings);
}

async function newContext(browser: Browser, size: (typeof widths)[number]) {
  const context = await browser.newContext({ viewport: size, colorScheme: 'light' });
  await context.addInitScript({ content: axeScript });
  // No transitions or animations: a theme switch takes effect at once, and axe never reads a colour half-way (waiting
  // for transitions to finish could wait forever on one that never runs).
  await context.addInitScript({
    content: `document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }'; document.head.append(s); });`,
  });
  return context;
}

function report(findings: Finding[]) {
  return findings.map((f) => `${f.page}: ${f.rule} (${f.impact}): ${f.help}\n    ${f.nodes.join('\n    ')}`).join('\n');
}

const signedInPages = (slug: string, postId: string) => [
  [
    '/discover',
    '/search?q=ceramics',
    '/groups',
    '/g/night-photographers',
    '/g/board-game-night',
    `/g/${slug}`,
    ...['general', 'channels', 'roles', 'members', 'invites', 'celebrations', 'bans', 'checker', 'audit', 'reports'].map((tab) => `/g/${slug}/settings?tab=${tab}`),
    '/u/demo',
    `/p/${postId}`,
    // What a card's disclosures lead to without JavaScript.
    `/feed/why?post=${postId}`,
    `/feed/less?post=${postId}`,
    `/report?kind=post&id=${postId}`,
    '/t/ceramics',
  ],
  [
    '/bookmarks',
    '/notifications',
    '/settings/profile',
    '/settings/account',
    '/settings/feed',
    '/settings/digest',
    '/settings/blocked',
    '/settings/privacy',
    '/settings/privacy/interests',
    '/settings/privacy/reactions',
    '/admin',
    '/admin/reports',
    '/admin/members',
    '/admin/registrations',
    '/admin/invites',
    '/admin/audit',
    '/admin/settings',
  ],
];

// Two tests a width (so the two workers share the walk): signed out, the feed and groups, profile and post pages in
// the first; the feed's modes, settings, privacy and administration in the second.
for (const [index, size] of widths.entries()) {
  for (const part of [0, 1] as const) {
    test(`axe finds nothing serious at ${size.width} px, light and dark (${part === 0 ? 'signed out, feed, groups, people, posts' : 'feed modes, settings, privacy, admin'})`, async ({ browser }) => {
      // Each walk loads about twenty pages and audits each twice: minutes on a busy 2-core machine, so a wide bound.
      test.setTimeout(300_000);
      const findings: Finding[] = [];

      if (part === 0) {
        const outContext = await newContext(browser, size);
        const out = await outContext.newPage();
        for (const path of ['/', '/sign-in', '/sign-up', '/forgot-password', '/u/demo']) await visit(out, path, findings, `${path} (signed out)`);
        await outContext.close();
      }

      // Signed in as the demo account (an instance admin).
      const context = await newContext(browser, size);
      const page = await context.newPage();
      await signIn(page, demo.email, demo.password);
      await expect(page).toHaveURL(/\/feed$/);
      const firstPost = page.getByRole('list', { name: 'Posts' }).getByRole('article').first();
      await expect(firstPost).toBeVisible();
      const postId = (await firstPost.getAttribute('data-post-id'))!;
      expect(postId).toBeTruthy();
      let slug = 'night-photographers';
      if (part === 0) {
        await auditBothThemes(page, '/feed (For you)', findings);
        // A group of the demo's own, so its settings can be seen.
        const name = `Accessible at ${size.width}`;
        slug = `a11y-${size.width}-${Date.now().toString(36)}`;
        await page.goto('/g/new');
        await page.getByLabel('Name').fill(name);
        await page.getByLabel('Address').fill(slug);
        await page.getByLabel('Topic').fill('ceramics');
        await page.getByRole('button', { name: 'Create group' }).click();
        await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
      }
      for (const path of signedInPages(slug, postId)[part]) await visit(page, path, findings);

      if (part === 1) {
        // A demo member without an instance role, for the feed's modes (the mode is remembered per person, so not the
        // demo account other journeys read); another one for each width, so the two tests never share one.
        await page.goto('/admin/members');
        const candidates = page.getByRole('listitem').filter({ has: page.getByText(/^Manage @/) });
        const memberEmail = (await candidates.nth(index + 1).getByText(/@example\.org$/).textContent())!.trim();
        const memberContext = await newContext(browser, size);
        const member = await memberContext.newPage();
        await signIn(member, memberEmail, demo.password);
        await expect(member).toHaveURL(/\/feed$/);
        for (const mode of ['Following', 'Chronological', 'For you']) {
          await member.getByRole('button', { name: mode }).click();
          await expect(member.getByRole('button', { name: mode }).locator('[aria-current="page"]')).toHaveCount(1);
          await expect(member.getByRole('list', { name: 'Posts' }).getByRole('article').first()).toBeVisible();
          await auditBothThemes(member, `/feed (${mode})`, findings);
        }
        await memberContext.close();
      }
      await context.close();

      expect(findings, report(findings)).toEqual([]);
    });
  }
}

test('the skip link lands on the posts, and celebrations cost at most two Tab stops a card', async ({ page }) => {
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/feed$/);
  const posts = page.getByRole('list', { name: 'Posts' });
  const firstPost = posts.getByRole('article').first();
  // A fresh load, as a person arriving (after signing in, focus is still where the form was).
  await page.goto('/feed');
  await expect(firstPost).toBeVisible();

  // The first Tab stop of the page is "Skip to posts"; from there, one Tab is inside the first post.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to posts' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(posts).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await firstPost.evaluate((post) => post.contains(document.activeElement))).toBe(true);

  // Walking from the top without it: the celebrations take at most two stops a card (congratulate, a note).
  await page.reload();
  await expect(firstPost).toBeVisible();
  const cards = await page.getByRole('region', { name: 'Celebrations' }).getByRole('listitem').count();
  let inCelebrations = 0;
  for (let stop = 1; ; stop++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const active = document.activeElement;
      return { celebrations: Boolean(active?.closest('[aria-labelledby="celebrations"]')), post: Boolean(active?.closest('#posts article')) };
    });
    if (at.post) break;
    if (at.celebrations) inCelebrations++;
    expect(stop, 'Tab stops before the first post').toBeLessThan(60);
  }
  expect(inCelebrations).toBeLessThanOrEqual(2 * cards);

  // A page without posts offers no "Skip to posts": its first stop skips to the content.
  await page.goto('/settings/account');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});
