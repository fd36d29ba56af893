// Running the instance: switching registration to approval and approving a newcomer, and a suspended member who
// signs in to read why, can still download their data, and cannot post.
import { expect, test, type Page } from '@playwright/test';
import { demo, newPerson, openMailedLink, signIn } from './helpers';

// Both journeys change the whole instance (its registration mode, a member's standing): one after the other.
test.describe.configure({ mode: 'serial' });

async function setRegistration(page: Page, mode: 'Open' | 'Approval', question?: string) {
  await page.goto('/admin/settings');
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  if (question !== undefined) await page.getByLabel('Approval question').fill(question);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved|Nothing to save/ })).toBeVisible();
}

test('an instance switched to approval: the newcomer answers, confirms, waits, is approved and signs in', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.email, demo.password);
  await expect(admin).toHaveURL(/\/feed$/);
  await admin.getByRole('link', { name: 'Admin', exact: true }).click();
  await expect(admin.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  const question = 'What brings you to this community?';
  try {
    await setRegistration(admin, 'Approval', question);

    const newcomerContext = await browser.newContext();
    const page = await newcomerContext.newPage();
    const person = newPerson();
    await page.goto('/sign-up');
    await expect(page.getByText('New accounts here are approved by an admin.')).toBeVisible();
    await page.getByLabel('Name').fill(person.name);
    await page.getByLabel('Handle').fill(person.handle);
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByLabel(question).fill('I throw pots on weekends and want to learn glazing.');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('status').getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
    await openMailedLink(page, person.email, 'Finish creating your Hearth account');
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page.getByRole('status').getByRole('heading', { name: 'Waiting for approval' })).toBeVisible();

    // Until an admin decides, the right password only says so; a wrong one says what it always says.
    await signIn(page, person.email, 'not my password at all');
    await expect(page.getByText('That email and password don’t match an account.')).toBeVisible();
    await signIn(page, person.email, person.password);
    await expect(page.getByText('Your registration is waiting for approval.')).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    await admin.goto('/admin/registrations');
    const entry = admin.getByRole('listitem').filter({ hasText: `@${person.handle}` });
    await expect(entry.getByText('I throw pots on weekends')).toBeVisible();
    await entry.getByLabel(`Note to @${person.handle} (optional)`).fill('Welcome, glazers are always welcome.');
    await entry.getByRole('button', { name: 'Decide' }).click();
    // Decided: the registration leaves the waiting list.
    await expect(admin.getByRole('listitem').filter({ hasText: `@${person.handle}` })).toHaveCount(0);

    await openMailedLink(page, person.email, 'Welcome to Hearth: your account is approved');
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn(page, person.email, person.password);
    await expect(page).toHaveURL(/\/(feed|welcome)/);
    await newcomerContext.close();

    await admin.goto('/admin/audit');
    await expect(admin.getByText(`@demo approved the registration of @${person.handle}`)).toBeVisible();
  } finally {
    await setRegistration(admin, 'Open');
    await adminContext.close();
  }
});

test('a suspended member signs in to read why, can download their data, and cannot post', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.email, demo.password);
  await expect(admin).toHaveURL(/\/feed$/);
  await admin.goto('/admin/members');
  // A demo member without an instance role (the list shows admins and moderators first).
  const candidate = admin.getByRole('listitem').filter({ has: admin.getByText(/^Manage @/) }).last();
  const email = (await candidate.getByText(/@example\.org$/).textContent())!.trim();
  const handle = email.replace('@example.org', '');
  const row = admin.getByRole('listitem').filter({ hasText: `@${handle}` });
  const reason = 'Posting the same advert in every group after two warnings.';
  await row.getByText(`Manage @${handle}`).click();
  await row.getByLabel(`Reason for suspending @${handle}`).fill(reason);
  await row.getByRole('button', { name: 'Suspend' }).click();
  // The list shows them suspended, with the reason, and offers to lift it.
  await expect(row.getByText(reason)).toBeVisible();
  await expect(row.getByRole('button', { name: 'Lift suspension' })).toBeVisible();

  const memberContext = await browser.newContext();
  const page = await memberContext.newPage();
  try {
    await signIn(page, email, demo.password);
    await expect(page).toHaveURL(/\/suspended$/);
    await expect(page.getByRole('heading', { name: 'Your account is suspended' })).toBeVisible();
    await expect(page.getByText(reason)).toBeVisible();
    // The export still works: the archive is theirs.
    const archive = await page.request.get('/api/export');
    expect(archive.status()).toBe(200);
    expect(archive.headers()['content-type']).toBe('application/zip');
    await expect(page.getByRole('heading', { name: 'Delete my account' })).toBeVisible();
    // Every other page sends them back here: no feed, no composer.
    for (const path of ['/feed', '/groups', `/u/${handle}`, '/settings/profile']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/suspended$/);
    }
    await expect(page.getByRole('button', { name: /^Post/ })).toHaveCount(0);
  } finally {
    // Lift it again, so the demo member is as it was.
    await admin.goto(`/admin/members?q=${encodeURIComponent(handle)}`);
    const again = admin.getByRole('listitem').filter({ hasText: `@${handle}` });
    await again.getByText(`Manage @${handle}`).click();
    await again.getByRole('button', { name: 'Lift suspension' }).click();
    await expect(again.getByRole('button', { name: 'Suspend' })).toBeVisible();
    await memberContext.close();
    await adminContext.close();
  }
});
