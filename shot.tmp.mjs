import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking'] });
const base = 'http://localhost:3000';
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
await page.goto(base + '/sign-in');
await page.getByLabel('Email').fill('demo@hearth.local');
await page.getByLabel('Password').fill('hearth-demo-2026');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL('**/feed');
await page.goto(base + '/groups'); await page.screenshot({ path: '/tmp/shots/groups.png' });
const links = await page.getByRole('list', { name: 'Groups' }).getByRole('link').all();
const names = []; for (const l of links) names.push(await l.textContent());
console.log(names);
// find a group where demo is owner/admin
for (const slug of ['ceramics','night-photographers','urban-gardeners','trail-runners','home-bakers','board-game-night','birdwatchers','indie-game-dev']) {
  await page.goto(base + '/g/' + slug);
  const manage = await page.getByRole('link', { name: 'Manage group' }).count();
  console.log(slug, 'manage', manage, await page.locator('h1').first().textContent());
}
await page.goto(base + '/g/ceramics'); await page.screenshot({ path: '/tmp/shots/group.png', fullPage: false });
await page.goto(base + '/g/birdwatchers'); await page.screenshot({ path: '/tmp/shots/group-request.png', fullPage: false });
await browser.close();
