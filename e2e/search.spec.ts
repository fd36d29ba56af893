import { expect, test, type Page } from '@playwright/test';
import { newPerson, signUp } from './helpers';

function headerBox(page: Page) {
  return page.getByRole('search', { name: 'Site search' }).getByRole('combobox', { name: 'Search Hearth' });
}

test('type in the header box, choose a suggestion by keyboard, then search everything and find it again later', async ({ page }) => {
  await signUp(page, newPerson());

  // The header's search opens the type-ahead box; suggestions come grouped by kind.
  await page.getByRole('banner').getByRole('link', { name: 'Search' }).click();
  const box = headerBox(page);
  await expect(box).toBeFocused();
  await box.pressSequentially('ceram');
  const listbox = page.getByRole('listbox');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(listbox.getByRole('group', { name: 'Groups' }).getByRole('option', { name: /Ceramics Studio/ })).toBeVisible();
  await expect(listbox.getByRole('group', { name: 'Interests' }).getByRole('option', { name: /#ceramics/ })).toBeVisible();

  // Arrow keys move the active option while focus stays in the box; Escape closes the list.
  await box.press('ArrowDown');
  const first = await box.getAttribute('aria-activedescendant');
  expect(first).toBeTruthy();
  await expect(page.locator(`[id="${first}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`[id="${first}"]`)).toContainText('Ceramics Studio');
  await box.press('ArrowDown');
  expect(await box.getAttribute('aria-activedescendant')).not.toBe(first);
  await box.press('ArrowUp');
  await expect(box).toHaveAttribute('aria-activedescendant', first!);
  await box.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(box).toBeFocused();

  // Enter on the active option opens it.
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/g\/ceramics$/);
  await expect(page.getByRole('heading', { name: 'Ceramics Studio', level: 1 })).toBeVisible();

  // "/" opens the box again; Enter with no option chosen goes to the full results page.
  await page.keyboard.press('/');
  await expect(headerBox(page)).toBeFocused();
  await headerBox(page).fill('glazing');
  await headerBox(page).press('Enter');
  await expect(page).toHaveURL(/\/search\?q=glazing$/);
  await expect(page.getByRole('heading', { name: 'Results for “glazing”', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Posts' }).getByRole('article').first()).toContainText(/glaze/i);

  // Tabs narrow the results; a typo still finds the group.
  const form = page.getByRole('search', { name: 'Search Hearth' });
  await form.getByRole('combobox').fill('ceramcs');
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=ceramcs$/);
  await page.getByRole('navigation', { name: 'Result types' }).getByRole('link', { name: 'Groups' }).click();
  await expect(page).toHaveURL(/type=groups/);
  await expect(page.getByRole('list', { name: 'Groups found' }).getByRole('link', { name: 'Ceramics Studio' })).toBeVisible();

  // Recent searches: both are remembered, newest first; one can be removed, then all cleared.
  await page.goto('/search');
  const recent = page.getByRole('list', { name: 'Recent searches' });
  await expect(recent.getByRole('link')).toHaveText(['ceramcs', 'glazing']);
  await recent.getByRole('button', { name: 'Remove “glazing” from recent searches' }).click();
  await expect(recent.getByRole('link')).toHaveText(['ceramcs']);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.getByText('Searches you run appear here, only for you.')).toBeVisible();
});

test('on a phone, search is one tap away and suggests as you type', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signUp(page, newPerson());
  await page.getByRole('banner').getByRole('link', { name: 'Search' }).click();
  await headerBox(page).pressSequentially('night');
  const group = page.getByRole('listbox').getByRole('group', { name: 'Groups' }).getByRole('option', { name: /Night Photographers/ });
  await expect(group).toBeVisible();
  await group.click();
  await expect(page).toHaveURL(/\/g\/night-photographers$/);
});
