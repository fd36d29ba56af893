import { expect, test } from '@playwright/test';
import { actionAnswered, newPerson, signUp, createGroup } from './helpers';

test('an owner builds a group; a newcomer joins by invite, is welcomed, posts, becomes a Mentor and pins', async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const memberCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  const member = await memberCtx.newPage();
  const ownerPerson = newPerson();
  const memberPerson = { ...newPerson(), name: 'Ana Lopez' };
  const slug = `kiln-${Date.now().toString(36)}`;

  // The owner creates an invite-only group.
  await signUp(owner, ownerPerson);
  await owner.goto('/g/new');
  await owner.getByLabel('Name').fill('Kiln Friends');
  // The address is suggested from the name as it is typed, and stays editable (then the name no longer moves it).
  await expect(owner.getByLabel('Address')).toHaveValue('kiln-friends');
  await owner.getByLabel('Address').fill(slug);
  await owner.getByLabel('Name').fill('Kiln Friends');
  await expect(owner.getByLabel('Address')).toHaveValue(slug);
  await owner.getByLabel('Topic').fill('ceramics');
  await owner.getByLabel('Description').fill('Small-batch firing, shared kiln space.');
  await owner.getByLabel('Only people with an invite link').check();
  await owner.getByRole('button', { name: 'Create group' }).click();
  await expect(owner).toHaveURL(new RegExp(`/g/${slug}$`));
  await expect(owner.getByRole('heading', { name: 'Kiln Friends', level: 1 })).toBeVisible();

  // Theme and welcome message, with a live preview.
  await owner.getByRole('link', { name: 'Manage group' }).click();
  await owner.getByRole('button', { name: 'Use #1f5fa8' }).click();
  await owner.getByLabel('Welcome message').fill('Hello {name}, welcome to {group}! Show us your first pot.');
  await expect(owner.getByTestId('welcome-preview')).toHaveText(`Hello ${ownerPerson.name}, welcome to Kiln Friends! Show us your first pot.`);
  await owner.getByRole('button', { name: 'Save settings' }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText('Saved. Your group is updated.');

  // A custom role that may pin.
  await owner.getByRole('link', { name: 'Roles' }).click();
  const custom = owner.getByRole('form', { name: 'Create a custom role' });
  await custom.getByLabel('Role name').fill('Mentor');
  await custom.getByLabel('Pin posts').check();
  await custom.getByRole('button', { name: 'Create role' }).click();
  await expect(custom.getByRole('status')).toHaveText('Role Mentor created.');
  await expect(owner.getByRole('list', { name: 'Roles' }).getByRole('heading', { name: /Mentor/ })).toBeVisible();

  // An invite link.
  await owner.getByRole('link', { name: 'Invites' }).click();
  await owner.getByRole('button', { name: 'Create invite link' }).click();
  const link = (await owner.getByRole('status').textContent())!;
  expect(link).toMatch(/^\/invite\/[\w-]+$/);

  // The newcomer cannot see the group's posts before joining, then joins through the link.
  await signUp(member, memberPerson);
  await member.goto(`/g/${slug}`);
  await expect(member.getByText('This group is invite only.')).toBeVisible();
  await member.goto(link);
  await member.getByRole('button', { name: 'Accept invite and join' }).click();
  await member.getByRole('link', { name: 'You are a member — open the group' }).click();
  await expect(member).toHaveURL(new RegExp(`/g/${slug}$`));
  const welcome = member.getByRole('region', { name: 'A welcome for you' });
  await expect(welcome).toContainText('Hello Ana Lopez, welcome to Kiln Friends! Show us your first pot.');
  expect(await welcome.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(31, 95, 168)');

  // A plain member may post in #general but has no #announcements in the composer…
  const channelSelect = member.getByLabel('Channel');
  await expect(channelSelect.locator('option')).toHaveText(['#general']);
  await member.getByLabel('Your post').fill('My first pot came out of the kiln today!');
  await member.getByLabel('Tags').fill('#ceramics, first firing');
  await member.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(member.getByRole('status').filter({ hasText: 'Posted in #general.' })).toBeVisible();
  await member.reload();
  const post = member.getByRole('list', { name: 'Posts' }).getByRole('article').filter({ hasText: 'My first pot came out of the kiln today!' });
  await expect(post).toBeVisible();
  await expect(post.getByRole('link', { name: '#first-firing' })).toBeVisible();
  // Reactions: pick one; it is counted and remembered.
  await post.getByRole('button', { name: 'Add a reaction' }).click();
  // The button answers at once; reload only once the Server Action has answered.
  await actionAnswered(member, () => post.getByRole('button', { name: 'React with celebrate: 0' }).click());
  await expect(post.getByRole('button', { name: 'React with celebrate: 1' })).toHaveAttribute('aria-pressed', 'true');
  await member.reload();
  await expect(post.getByRole('button', { name: 'React with celebrate: 1' })).toHaveAttribute('aria-pressed', 'true');

  // …and a forged request into #announcements is refused by the server.
  await owner.goto(`/g/${slug}`);
  const announcementsId = await owner.getByLabel('Channel').locator('option', { hasText: '#announcements' }).getAttribute('value');
  expect(announcementsId).toBeTruthy();
  await member.evaluate((id) => {
    const select = document.querySelector('select[name="channelId"]') as HTMLSelectElement;
    select.add(new Option('#announcements', id!));
    select.value = id!;
  }, announcementsId);
  await member.getByLabel('Your post').fill('Forged announcement');
  await member.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(member.getByText('Only some roles may post in #announcements.')).toBeVisible();

  // The owner makes them a Mentor; now they can pin.
  await expect(post.getByText('Moderate')).toHaveCount(0);
  await owner.goto(`/g/${slug}/settings?tab=members`);
  const row = owner.getByRole('listitem', { name: 'Ana Lopez' });
  await row.getByLabel('Role for Ana Lopez').selectOption({ label: 'Mentor' });
  await row.getByRole('button', { name: 'Give role' }).click();
  await expect(row.getByRole('status')).toHaveText('Gave them the Mentor role.');

  await member.reload();
  await post.getByText('Moderate').click();
  await post.getByRole('button', { name: 'Pin to top' }).click();
  await expect(post.getByRole('status')).toHaveText('Pinned to the top of the group.');
  await member.reload();
  await expect(member.getByRole('list', { name: 'Pinned posts' }).getByText('My first pot came out of the kiln today!')).toBeVisible();
  await expect(member.getByRole('list', { name: 'Pinned posts' }).getByText('Mentor', { exact: true })).toBeVisible();

  // The audit log tells the owner who did what.
  await owner.goto(`/g/${slug}/settings?tab=audit`);
  await expect(owner.getByRole('cell', { name: /^pinned a post by/ })).toBeVisible();
  await expect(owner.getByRole('cell', { name: /^gave a role to/ })).toBeVisible();

  await ownerCtx.close();
  await memberCtx.close();
});

test('the permission checker explains what a member can do in a channel, and why', async ({ page }) => {
  await signUp(page, newPerson());
  const slug = `check-${Date.now().toString(36)}`;
  await createGroup(page, { name: 'Checker Club', slug, topic: 'testing' });
  await page.goto(`/g/${slug}/settings?tab=checker`);
  await page.getByLabel('Channel').selectOption({ label: '#announcements' });
  await page.getByRole('button', { name: 'Check' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('caption')).toContainText('in #announcements');
  await expect(table.getByRole('row', { name: /^Post/ })).toContainText('The owner has every permission.');
});

test('someone who has not joined sees the reactions, "Join … to react" and a Join button, on lists and on the post page', async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const visitorCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  const visitor = await visitorCtx.newPage();
  const slug = `glaze-${Date.now().toString(36)}`;
  const tag = `glazes${Date.now().toString(36)}`;
  await signUp(owner, newPerson());
  await createGroup(owner, { name: 'Glaze Lab', slug });
  await owner.getByLabel('Your post').fill('Celadon test tiles');
  await owner.getByLabel('Tags').fill(`#${tag}`);
  await owner.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Posted in #general.' })).toBeVisible();
  await owner.reload();
  const ownPost = owner.getByRole('article').filter({ hasText: 'Celadon test tiles' });
  await ownPost.getByRole('button', { name: 'Add a reaction' }).click();
  // The button answers at once; reload only after the Server Action's POST has answered (else the reload can win).
  await actionAnswered(owner, () => ownPost.getByRole('button', { name: 'React with love: 0' }).click());
  await owner.reload();
  await expect(ownPost.getByRole('button', { name: 'React with love: 1' })).toBeVisible();

  await signUp(visitor, newPerson());
  // On a list (the tag page): the count, the hint and a Join button.
  await visitor.goto(`/t/${tag}`);
  const card = visitor.getByRole('article').filter({ hasText: 'Celadon test tiles' });
  await expect(card.getByRole('group', { name: 'Reactions' })).toContainText('1');
  await expect(card.getByText('Join Glaze Lab to react and comment.')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Join Glaze Lab' })).toBeVisible();
  // On the post page: the comment section says so, with the Join button; joining opens the comment form.
  await card.getByRole('link', { name: /ago|just now|now/ }).first().click();
  await expect(visitor).toHaveURL(/\/p\/[\w-]+$/);
  await expect(visitor.getByText('Join Glaze Lab to react and comment.')).toBeVisible();
  await visitor.getByRole('button', { name: 'Join Glaze Lab' }).click();
  await expect(visitor.getByLabel('Your comment')).toBeVisible();
  await expect(visitor.getByRole('button', { name: 'React with love: 1' })).toBeVisible();

  await ownerCtx.close();
  await visitorCtx.close();
});
