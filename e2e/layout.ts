// A screenshot is a passed test only when the page it shows is sound: nothing scrolls sideways, no visible element
// sits outside the viewport's width, and no image failed to load. Every spec takes its screenshots through here.
import { expect, type Page } from '@playwright/test';

export interface LayoutProblems {
  /** How many CSS pixels the page scrolls sideways (0 when it fits). */
  overflow: number;
  /** Visible elements reaching past the left or right edge, outside any scrolling or clipping container. */
  outside: string[];
  /** Images that finished loading without a picture. */
  broken: string[];
}

export async function layoutProblems(page: Page): Promise<LayoutProblems> {
  // Images still on their way are given a moment; lazy ones out of view are not waited for.
  await page
    .waitForFunction(() => [...document.images].every((img) => img.complete || img.loading === 'lazy'), undefined, { timeout: 5_000 })
    .catch(() => {});
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) => {
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> ${label}`.trim();
    };
    const clippedByAncestor = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== 'visible' || style.position === 'fixed') return true;
      }
      return false;
    };
    const outside: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // nothing to see (screen-reader-only text is 1 px)
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.opacity === '0' || style.position === 'fixed' || el.closest('[aria-hidden="true"], [hidden], [inert]')) continue;
      if ((box.right > width + 1 || box.left < -1) && !clippedByAncestor(el)) outside.push(describe(el));
    }
    const broken = [...document.images].filter((img) => img.complete && img.naturalWidth === 0 && img.getAttribute('src')).map((img) => img.getAttribute('src')!);
    return { overflow: Math.max(0, document.documentElement.scrollWidth - width), outside: outside.slice(0, 10), broken };
  });
}

/** Asserts the page is sound (see layoutProblems), then keeps a screenshot of it to look at. */
export async function checkedScreenshot(page: Page, options: Parameters<Page['screenshot']>[0] & { path: string }) {
  const problems = await layoutProblems(page);
  expect(problems, `layout of ${page.url()} (screenshot ${options.path})`).toEqual({ overflow: 0, outside: [], broken: [] });
  await page.screenshot(options);
}
