// The main pages at phone (390 px) and desktop widths, light and dark: each must fit its width with every image
// loaded (e2e/layout.ts) before its screenshot is kept in test-results/screens to look at.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demo, signIn } from './helpers';
import { checkedScreenshot } from './layout';

const widths = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

for (const size of widths) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the main pages fit at ${size.name} width, ${scheme}, with every image loaded`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: scheme });
      const page = await context.newPage();
      const shot = async (name: string) => {
        await checkedScreenshot(page, { path: path.join('test-results', 'screens', `${name}-${size.name}-${scheme}.png`) });
      };
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shot('landing');
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
      await shot('sign-in');
      await signIn(page, demo.email, demo.password);
      await expect(page.getByRole('list', { name: 'Posts' }).getByRole('article').first()).toBeVisible();
      await shot('feed');
      await page.goto('/search?q=ceramics');
      await expect(page.getByRole('heading', { name: 'Results for “ceramics”' })).toBeVisible();
      await shot('search');
      await context.close();
    });
  }
}
