import { expect, test } from '@playwright/test';
import { demo, newPerson, sayYes, signIn, signUp, createGroup } from './helpers';

test('an owner adds a group milestone and a thank-you; a new member’s first post is celebrated, thanked and congratulated', async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const memberCtx = await browser.newContext({ reducedMotion: 'no-preference' });
  const owner = await ownerCtx.newPage();
  const member = await memberCtx.newPage();
  const ana = { ...newPerson(), name: 'Ana Lopez' };
  const ben = { ...newPerson(), name: 'Ben Ito' };
  const slug = `glaze-${Date.now().toString(36)}`;

  await signUp(owner, ana);
  await createGroup(owner, { name: 'Glaze Lab', slug });

  // The owner's Celebrations tab: a milestone of the group's own, and a thank-you for first posts.
  await owner.goto(`/g/${slug}/settings?tab=celebrations`);
  const addMilestone = owner.getByRole('form', { name: 'Add a group milestone' });
  await addMilestone.getByLabel('Counts').selectOption('group_posts');
  await addMilestone.getByLabel('How many').fill('1');
  await addMilestone.getByLabel('Milestone name').fill('First words in {group}');
  await addMilestone.getByRole('button', { name: 'Add milestone' }).click();
  await expect(owner.getByRole('list', { name: 'Group milestones' })).toContainText('First words in {group}');
  const thanks = owner.getByRole('form', { name: 'Write a thank-you message' });
  await thanks.getByLabel('For the milestone').selectOption('first_post');
  await thanks.getByLabel('Thank-you message').fill('Thanks {name} for your {nth} post in {group}!');
  await thanks.getByRole('button', { name: 'Save thank-you' }).click();
  await expect(owner.getByRole('list', { name: 'Thank-you messages' })).toContainText('Thanks {name} for your {nth} post in {group}!');

  // Ben joins and posts for the first time.
  await signUp(member, ben);
  // Ben lets others celebrate his milestones (every consent is off until a person says yes).
  await sayYes(member, ['Public celebrations']);
  await member.goto(`/g/${slug}`);
  await member.getByRole('button', { name: 'Join group' }).click();
  await member.getByLabel('Your post').fill('Hello, glaze people!');
  await member.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(member.getByRole('status').filter({ hasText: 'Posted in #general.' })).toBeVisible();

  // His feed celebrates it, with a moment of confetti; the group page too, in its colours.
  await member.goto('/feed');
  const celebrations = member.getByRole('region', { name: 'Celebrations' });
  const mine = celebrations.getByRole('listitem', { name: 'Your milestone: First post' });
  await expect(mine).toContainText('Congratulations — you reached a milestone!');
  const piece = mine.getByTestId('confetti').locator('span').first();
  expect(await piece.evaluate((el) => getComputedStyle(el).animationName)).toBe('hearth-confetti');
  await expect(celebrations.getByRole('listitem', { name: 'Your milestone: First words in Glaze Lab' })).toBeVisible();
  await member.goto(`/g/${slug}`);
  await expect(member.getByRole('region', { name: 'Celebrating here' })).toContainText('First words in Glaze Lab');

  // The owner's thanks arrived personally.
  await member.goto('/notifications?kind=thank_you');
  await expect(member.getByRole('link', { name: /A thank-you from Glaze Lab \(Ana Lopez\): Thanks Ben Ito for your 1st post in Glaze Lab!/ })).toBeVisible();

  // Ana, a co-member, congratulates him from the week's celebrations (her feed shows two, and the group's own come first).
  await owner.goto('/feed');
  await owner.getByRole('region', { name: 'Celebrations' }).getByRole('link', { name: 'See all celebrations' }).click();
  await expect(owner).toHaveURL(/\/celebrations$/);
  const card = owner.getByRole('main').getByRole('listitem', { name: 'Ben Ito’s milestone: First post' });
  // The button answers at once (optimistic); reload only after the Server Action's POST has answered.
  // (Not the page's own time-zone report, which also posts to the page.)
  const saved = owner.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/celebrations' && !(r.request().postData() ?? '').includes('timeZone'));
  await card.getByRole('button', { name: 'Congratulate 0 — Ben Ito' }).click();
  await expect(card.getByRole('button', { name: 'Congratulated 1 — Ben Ito' })).toHaveAttribute('aria-pressed', 'true');
  await saved;
  await owner.reload();
  await expect(card.getByRole('button', { name: 'Congratulated 1 — Ben Ito' })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByRole('button', { name: 'Congratulated 1 — Ben Ito' })).toContainText('1');

  await member.goto('/notifications?kind=celebration');
  await expect(member.getByRole('link', { name: /Ana Lopez congratulated you on “First post”/ })).toBeVisible();

  await ownerCtx.close();
  await memberCtx.close();
});

test('the confetti moment is not drawn for someone who prefers reduced motion', async ({ browser }) => {
  const ctx = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  const person = newPerson();
  await signUp(page, person);
  await page.goto(`/u/${person.handle}`);
  await page.getByLabel('Your post').fill('Quietly here.');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Posted to your profile.' })).toBeVisible();
  await page.goto('/feed');
  const mine = page.getByRole('region', { name: 'Celebrations' }).getByRole('listitem', { name: 'Your milestone: First post' });
  await expect(mine).toBeVisible();
  const pieces = mine.getByTestId('confetti').locator('span');
  expect(await pieces.count()).toBeGreaterThan(0);
  expect(await pieces.first().evaluate((el) => getComputedStyle(el).display)).toBe('none');
  await ctx.close();
});

test('the demo account congratulates a friend on their cake day', async ({ page }) => {
  await signIn(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/feed/);
  const cake = page.getByRole('region', { name: 'Celebrations' }).getByRole('listitem').filter({ hasText: /Cake day/ }).first();
  await expect(cake).toBeVisible();
  const button = cake.getByRole('button', { name: /^Congratulated? \d+ — / });
  const before = await button.getAttribute('aria-pressed');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', before === 'true' ? 'false' : 'true');
  // The word says it too: "Congratulated" once given, "Congratulate" again once taken back.
  if (before === 'true') await expect(button).not.toContainText('Congratulated');
  else await expect(button).toContainText('Congratulated');
});

test('a goal: the feed links to setting one beside the celebrations, shows its progress, and removes it', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  const goals = page.getByRole('region', { name: 'Your goals' });
  // The feed's sidebar holds no form: a link to where the form stands.
  await expect(goals.getByRole('form')).toHaveCount(0);
  await goals.getByRole('link', { name: 'Set a goal' }).click();
  await expect(page).toHaveURL(/\/celebrations#goals$/);
  const form = page.getByRole('form', { name: 'Add a goal' });
  await form.getByLabel('What').selectOption('posts');
  await form.getByLabel('How many').fill('2');
  await form.getByLabel('Per').selectOption('week');
  await form.getByRole('button', { name: 'Add goal' }).click();
  await expect(form.getByRole('status')).toHaveText('Goal set. No streaks: only progress counts.');
  // Back on the feed (which keeps a person's goals in memory: setting one forgets them), with its progress.
  await page.goto('/feed');
  await expect(goals.getByRole('progressbar', { name: 'Post 2 times this week' })).toHaveAttribute('aria-valuenow', '0');
  await goals.getByRole('button', { name: 'Remove' }).click();
  await expect(goals.getByRole('progressbar')).toHaveCount(0);
  await expect(goals.getByRole('link', { name: 'Set a goal' })).toBeVisible();
  await page.reload();
  await expect(goals.getByRole('link', { name: 'Set a goal' })).toBeVisible();
});
