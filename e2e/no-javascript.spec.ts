// The main forms work before, and without, JavaScript (issue 18, bug 6, as a class): each is a real form posting to
// its Server Action, on a page that is whole in its HTML (not streamed: streamed content needs a script to appear).
// Each step checks that the effect really happened, on the page the browser lands on or on another one.
// What needs JavaScript says so in <noscript>: a passkey (WebAuthn is a script API).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { newPerson, signUp } from './helpers';

const posts = (page: Page) => page.getByRole('list', { name: 'Posts' }).getByRole('article');

const card = (page: Page, id: string) => page.locator(`article[data-post-id="${id}"]`);

/** The author's name and profile address of a post card. */
async function authorOf(article: Locator) {
  const link = article.locator('header a[href^="/u/"]').filter({ hasText: /\S/ }).first();
  return { name: (await link.innerText()).trim(), href: (await link.getAttribute('href'))! };
}

/** The first post on the feed whose author's page is not one of `skip`. */
async function pickPost(page: Page, skip: string[]) {
  await expect(posts(page).first()).toBeVisible();
  for (const article of await posts(page).all()) {
    const author = await authorOf(article);
    if (!skip.includes(author.href)) return { id: (await article.getAttribute('data-post-id'))!, ...author };
  }
  throw new Error(`no post on the feed by anyone but ${skip.join(', ')}`);
}

test('sign up, sign in, post, comment, react, bookmark, follow, join, show less, mute, mark read, switch the feed and sign out, all without JavaScript', async ({ browser }) => {
  // A new person and fourteen round trips, each a whole page: long on a busy machine.
  test.setTimeout(300_000);
  const person = newPerson();
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const main = page.getByRole('main');

  // Sign up (the form, the mailed link, finishing, skipping onboarding), then sign out: without JavaScript too.
  await signUp(page, person);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).not.toHaveURL(/\/feed/);
  await page.goto('/feed');
  await expect(page).toHaveURL(/\/sign-in/);

  // Sign in: a wrong password is refused with the sign-in's own words, and the email stays typed.
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill('not my password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(main.getByRole('alert')).toHaveText('That email and password don’t match an account. Check them and try again.');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel('Email')).toHaveValue(person.email);
  await expect(page.getByLabel('Password')).toHaveValue('');
  // The right one lands on the feed, signed in.
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/feed$/);
  await expect(page.getByRole('heading', { name: 'Your feed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // The feed's mode: Following, then For you again (the mode is remembered, so the page shows it).
  const modes = page.getByRole('navigation', { name: 'Feed mode' });
  await modes.getByRole('button', { name: 'Following' }).click();
  await expect(modes.locator('[aria-current="page"]')).toHaveText('Following');
  await page.goto('/feed');
  await expect(modes.locator('[aria-current="page"]')).toHaveText('Following');
  await modes.getByRole('button', { name: 'For you' }).click();
  await expect(modes.locator('[aria-current="page"]')).toHaveText('For you');

  // "See the calculation" of a For you post: a link to the post's reasons and whole calculation on a page of their own.
  await posts(page).first().getByRole('link', { name: 'See the calculation' }).click();
  await expect(page.getByRole('heading', { name: 'Why this post?' })).toBeVisible();
  await expect(main.getByRole('table', { name: 'Score of this post' }).getByRole('row').first()).toBeVisible();
  await main.getByRole('link', { name: 'Back to your feed' }).click();

  // Bookmark a post: the card comes back pressed, and the bookmarks page lists it.
  const me = `/u/${person.handle}`;
  const toBookmark = await pickPost(page, [me]);
  await card(page, toBookmark.id).getByRole('button', { name: 'Bookmark', exact: true }).click();
  await expect(card(page, toBookmark.id).getByRole('button', { name: 'Remove bookmark' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/bookmarks');
  await expect(card(page, toBookmark.id)).toBeVisible();

  // Report a post from the feed: the link opens the report form on a page of its own, which comes back with the thanks.
  await page.goto('/feed');
  const toReport = await pickPost(page, [me]);
  await card(page, toReport.id).getByRole('link', { name: `Report this post by ${toReport.name}` }).click();
  await expect(page.getByRole('heading', { name: `Report this post by ${toReport.name}` })).toBeVisible();
  const report = main.getByRole('form', { name: `Report this post by ${toReport.name}` });
  await report.getByRole('radio', { name: 'Spam or advertising' }).check();
  await report.getByRole('button', { name: 'Send report' }).click();
  await expect(main.getByRole('status')).toContainText('Thank you.');
  // A second report of the same post is the first one: the report really was stored.
  await page.goto(page.url());
  await main.getByRole('form', { name: `Report this post by ${toReport.name}` }).getByRole('radio', { name: 'Spam or advertising' }).check();
  await main.getByRole('button', { name: 'Send report' }).click();
  await expect(main.getByRole('status')).toContainText('You already reported this');
  await main.getByRole('link', { name: `Back to this post by ${toReport.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${toReport.id}$`));

  // Mute an author from the feed (its link opens the card's forms on a page of their own): their post leaves the
  // feed, their page says so.
  await page.goto('/feed');
  const toMute = await pickPost(page, [me]);
  await card(page, toMute.id).getByRole('link', { name: 'Show less like this…' }).click();
  await expect(page.getByRole('heading', { name: 'Show less like this' })).toBeVisible();
  await main.getByRole('button', { name: `Mute ${toMute.name}` }).click();
  await expect(main.getByRole('status').filter({ hasText: /muted/i })).toBeVisible();
  await main.getByRole('link', { name: 'Back to your feed' }).click();
  await expect(page.getByRole('heading', { name: 'Your feed' })).toBeVisible();
  await expect(card(page, toMute.id)).toHaveCount(0);
  await page.goto(toMute.href);
  await expect(main.getByText(`${toMute.name} in your feed: muted`)).toBeVisible();

  // "Show less like this" of another author: their page then says so.
  await page.goto('/feed');
  const toLessen = await pickPost(page, [me, toMute.href]);
  await card(page, toLessen.id).getByRole('link', { name: 'Show less like this…' }).click();
  const less = main.getByRole('form', { name: 'Show less like this' });
  await expect(less.getByRole('radio', { name: `${toLessen.name} (this author)` })).toBeChecked();
  await less.getByRole('button', { name: 'Show less' }).click();
  await expect(main.getByRole('status').first()).toBeVisible();
  await page.goto(toLessen.href);
  await expect(main.getByText(`${toLessen.name} in your feed: shown less`)).toBeVisible();

  // Follow the author seen less of, on their page.
  await page.goto(toLessen.href);
  await main.getByRole('button', { name: `Follow ${toLessen.name}` }).click();
  await expect(main.getByRole('button', { name: `Unfollow ${toLessen.name}` })).toBeVisible();

  // Join a public group, and post in it.
  await page.goto('/g/home-bakers');
  await main.getByRole('button', { name: 'Join group' }).click();
  await expect(main.getByRole('button', { name: 'Leave group' })).toBeVisible();
  const words = `Sourdough without scripts ${person.handle}`;
  await page.getByLabel('Your post').fill(words);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Posted in #' })).toBeVisible();
  await page.goto('/g/home-bakers');
  const mine = main.getByRole('article').filter({ hasText: words });
  await expect(mine).toBeVisible();
  const myPost = (await mine.getAttribute('data-post-id'))!;

  // Comment on it, and react to it, on its page.
  await page.goto(`/p/${myPost}`);
  const comment = `A comment posted as plain HTML ${person.handle}`;
  await page.getByRole('form', { name: 'Write a comment' }).locator('textarea').fill(comment);
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await page.goto(`/p/${myPost}`);
  await expect(main.getByRole('article', { name: `Comment by ${person.name}` })).toContainText(comment);
  await page.getByRole('button', { name: 'React with love: 0' }).click();
  await page.goto(`/p/${myPost}`);
  await expect(page.getByRole('button', { name: 'React with love: 1' })).toHaveAttribute('aria-pressed', 'true');

  // Edit the comment: its disclosure opens onto the form, and the page comes back with the new words, marked edited.
  const myComment = main.getByRole('article', { name: `Comment by ${person.name}` });
  await myComment.locator('summary').filter({ hasText: 'Edit' }).click();
  const edited = `${comment}, edited without scripts`;
  await myComment.getByRole('form', { name: `Edit comment by ${person.name}` }).getByLabel('Edit your comment').fill(edited);
  await myComment.getByRole('button', { name: 'Save' }).click();
  await page.goto(`/p/${myPost}`);
  await expect(myComment).toContainText(edited);
  await expect(myComment.getByText('edited', { exact: true })).toBeVisible();

  // Mark read: the first post earned a milestone, told in the notifications.
  await page.goto('/notifications');
  const unread = main.getByRole('button', { name: 'Mark read' });
  await expect(unread.first()).toBeVisible();
  const before = await unread.count();
  await unread.first().click();
  await expect(main.getByRole('button', { name: 'Mark read' })).toHaveCount(before - 1);
  if (before > 1) {
    await main.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(main.getByRole('button', { name: 'Mark read' })).toHaveCount(0);
  }
  await page.goto('/notifications');
  await expect(main.getByText('Unread:')).toHaveCount(0);

  // Sign out: the feed then asks to sign in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).not.toHaveURL(/\/feed/);
  await page.goto('/feed');
  await expect(page).toHaveURL(/\/sign-in/);
  await ctx.close();
});

test('groups, search and discover show and act without JavaScript (no page streams)', async ({ browser }) => {
  test.setTimeout(180_000);
  const person = newPerson();
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const main = page.getByRole('main');
  await signUp(page, person);

  // The list of groups is there, and so is its search.
  await page.goto('/groups');
  await expect(main.getByRole('list', { name: 'Groups' }).getByRole('link', { name: 'Home Bakers' })).toBeVisible();

  // Searching: the form's Server Action redirects to the results, which are in the page.
  await page.goto('/search');
  const search = main.getByRole('search', { name: 'Search Hearth' });
  await search.getByLabel('Search Hearth').fill('sourdough');
  await search.getByLabel('Search Hearth').press('Enter');
  await expect(page).toHaveURL(/\/search\?q=sourdough/);
  await expect(main.getByRole('heading', { name: 'Results for “sourdough”' })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Posts' }).getByRole('article').filter({ hasText: '#sourdough' }).first()).toBeVisible();

  // Discover: joining a group offered there.
  await page.goto('/discover');
  const offered = main.getByRole('list', { name: 'Discovered groups' }).getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Join / }) }).first();
  const address = (await offered.locator('a[href^="/g/"]').first().getAttribute('href'))!;
  await offered.getByRole('button', { name: /^Join / }).click();
  await page.goto(address);
  await expect(main.getByRole('button', { name: 'Leave group' })).toBeVisible();
  await ctx.close();
});
