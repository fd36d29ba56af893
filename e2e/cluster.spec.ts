// One person, two app instances behind nginx (deploy/nginx.conf, round robin, no stickiness), one PostgreSQL: what
// a person does through one instance holds on their very next request, whichever instance serves it. Every check
// loads the page until each instance has served it (nginx's X-Upstream header says which), and warms each instance
// first, so a value one of them kept in memory from before the action would show. Needs TEST_DATABASE_URL (a
// PostgreSQL server) and nginx; without them it skips, saying so.
import { spawn } from 'node:child_process';
import { expect, request as http, test, type APIRequestContext, type Browser, type Page, type Response } from '@playwright/test';
import postgres from 'postgres';
import { clusterPrerequisites, servedBy, startCluster, stopClusters, type Cluster } from './support/cluster';
import { demo, newPerson, signIn, signUp } from './helpers';

const prerequisites = clusterPrerequisites();
// Skipped only where the machine lacks what the journeys need (a PostgreSQL server in TEST_DATABASE_URL, nginx), with
// the reason in the report; `npm test` installs nginx and .ci/run provides the server, so there they always run.
test.skip(!prerequisites.ok, prerequisites.ok ? '' : `cluster journeys skipped: ${prerequisites.reason}`);

type Person = { name: string; handle: string; email: string; password: string };

/** Seeded people of the demo community who are in a group (all share the demo password), who follow the most first. */
async function seededPeople(cluster: Cluster): Promise<Person[]> {
  const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string; handle: string; email: string }[]>`
      select u.name, u.handle, u.email from users u
      where u.handle <> ${demo.handle}
        and exists (select 1 from group_members m where m.user_id = u.id)
      order by (select count(*) from follows f where f.follower_id = u.id) desc, u.handle`;
    return rows.map((r) => ({ ...r, password: demo.password }));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function signedIn(browser: Browser, cluster: Cluster, person: Person) {
  const context = await browser.newContext({ baseURL: cluster.url });
  const page = await context.newPage();
  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/feed$/);
  return page;
}

/**
 * Waits until every streamed part of the page is in place. React reveals streamed Suspense boundaries in batches,
 * after the load event: until then their content sits in hidden segments, where a role locator sees nothing — and
 * "the muted person is not suggested" would pass only because the suggestions had not been revealed yet.
 */
async function streamed(page: Page) {
  await page.waitForFunction(() => !document.querySelector('template[id^="P:"], template[id^="B:"], div[hidden][id^="S:"]'), null, { timeout: 15_000 });
}

/** Goes to `path` and waits for the whole page (see `streamed`). */
async function open(page: Page, path: string) {
  const response = await page.goto(path);
  await streamed(page);
  return response;
}

/**
 * After answers in a row from one instance, cheap requests move nginx's round robin on. The test's pages make requests
 * of their own too (their live streams, the unread count), so the nudge grows with the run — one, then two, then
 * three — until the next request lands on another instance.
 */
async function nudgeRoundRobin(served: string[], request: APIRequestContext) {
  let run = 0;
  while (run < served.length && served.at(-1 - run) === served.at(-1)) run++;
  if (run >= 2) for (let n = 1; n < run; n++) await request.get('/icon.svg');
}

/**
 * Loads `path` until every instance has served it (the page's own requests — prefetches, beacons — also go round
 * the upstreams, so which instance gets the next document is not fixed), running `check` on each load. Asserts both
 * instances served it, and returns who served each load, first the very next request after whatever came before.
 */
async function onEveryInstance(cluster: Cluster, page: Page, path: string, check: (served: string) => Promise<void>, options: { streamed?: boolean } = {}) {
  const served: string[] = [];
  const want = cluster.instances.length;
  for (let i = 0; i < 12 && new Set(served).size < want; i++) {
    await nudgeRoundRobin(served, page.request);
    const response = options.streamed === false ? await page.goto(path) : await open(page, path);
    expect(response, `${path} answered`).not.toBeNull();
    const name = servedBy(cluster, response!.headers()['x-upstream']);
    expect(name, `nginx says which instance answered ${path}`).toBeDefined();
    served.push(name!);
    await test.step(`${path} on instance ${name}`, () => check(name!));
  }
  expect(new Set(served).size, `${path} was served by ${served.join(', ')}`).toBe(want);
  return served;
}

/** Runs `act` and returns the instance that answered the Server Action it posts. */
async function actionOn(cluster: Cluster, page: Page, act: () => Promise<void>) {
  const posted = page.waitForResponse((r: Response) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action']));
  await act();
  const response = await posted;
  expect(response.status()).toBe(200);
  const name = servedBy(cluster, response.headers()['x-upstream']);
  expect(name, 'nginx says which instance ran the action').toBeDefined();
  test.info().annotations.push({ type: 'action served by', description: name! });
  return name!;
}

const postIds = (page: Page) => page.locator('ul[aria-label="Posts"] > li article').evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')));
const authorsOf = (page: Page) => page.locator('ul[aria-label="Posts"] > li article header a:first-of-type').allTextContents().then((a) => a.map((s) => s.trim()));
const suggestedPeople = (page: Page) => page.getByRole('list', { name: 'Suggested people' });

/** Requests `path` with the browser's cookies, no redirects followed: which instance answered, and where it sent us. */
async function requestOnEveryInstance(cluster: Cluster, api: APIRequestContext, path: string) {
  const answers: { served: string; status: number; location: string | undefined }[] = [];
  const want = cluster.instances.length;
  // Requests until every instance has answered. Other tabs of the test (their live streams, the unread count) also go
  // round the upstreams, so a plain run of requests can land on one instance each time (see `nudgeRoundRobin`).
  for (let i = 0; i < 12 && new Set(answers.map((a) => a.served)).size < want; i++) {
    await nudgeRoundRobin(answers.map((a) => a.served), api);
    const response = await api.get(path, { maxRedirects: 0 });
    answers.push({ served: servedBy(cluster, response.headers()['x-upstream'])!, status: response.status(), location: response.headers().location });
  }
  expect(new Set(answers.map((a) => a.served)).size, JSON.stringify(answers)).toBe(want);
  return answers;
}

test.describe('one person, two instances behind nginx', () => {
  // One cluster for the journeys, run one after the other; each journey is a different person of the demo community.
  test.describe.configure({ mode: 'default' });
  let cluster: Cluster;
  let people: Person[] = [];
  let next = 0;
  const somebody = () => people[next++ % people.length]!;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startCluster({ instances: 2, env: { HEARTH_RATE_LIMITS: 'off' }, log: (line) => console.log(`[cluster] ${line}`) });
    people = await seededPeople(cluster);
    expect(people.length).toBeGreaterThan(10);
  });
  // (stopClusters: also one whose start this hook's timeout cut short.)
  test.afterAll(async () => (cluster ? cluster.stop() : stopClusters()));

  test('“Show less” of an author and “Not interested” in a post hold on the next load, on either instance', async ({ browser }) => {
    const page = await signedIn(browser, cluster, somebody());
    let before: (string | null)[] = [];
    await onEveryInstance(cluster, page, '/feed', async () => {
      before = await postIds(page);
      expect(before.length).toBeGreaterThan(3);
    });

    // "Show less" of the first post's author, always.
    const first = page.locator('article').first();
    const lessenedPost = await first.getAttribute('data-post-id');
    const author = (await first.locator('header a').first().textContent())!.trim();
    await actionOn(cluster, page, async () => {
      await first.getByText('Show less like this…').click();
      const form = first.getByRole('form', { name: 'Show less like this' });
      await form.getByRole('radio', { name: `${author} (this author)` }).check();
      await form.getByLabel('For how long').selectOption('always');
      await form.getByRole('button', { name: 'Show less' }).click();
    });
    await expect(first.getByText(`You’ll see less of ${author} from now on.`)).toBeVisible();
    await onEveryInstance(cluster, page, '/feed', async () => {
      const ids = await postIds(page);
      expect(ids.length).toBeGreaterThan(3);
      expect(ids[0]).not.toBe(lessenedPost);
      expect((await authorsOf(page)).slice(0, 3)).not.toContain(author);
    });

    // "Not interested" in the post now on top: it is gone from the list.
    const top = page.locator('article').first();
    const unwanted = await top.getAttribute('data-post-id');
    await actionOn(cluster, page, async () => {
      await top.getByText('Show less like this…').click();
      await top.getByRole('button', { name: 'Not interested in this post' }).click();
    });
    await onEveryInstance(cluster, page, '/feed', async () => {
      const ids = await postIds(page);
      expect(ids.length).toBeGreaterThan(3);
      expect(ids).not.toContain(unwanted);
    });
    await page.context().close();
  });

  test('muting a person takes their posts out of For you and them out of the suggestions, on either instance', async ({ browser }) => {
    // Somebody whose For you shows a post by a person the sidebar also suggests (most people have one on page 1 or 2).
    let page: Page | undefined;
    let muted: { name: string; path: string } | undefined;
    for (let attempt = 0; attempt < 5 && !muted; attempt++) {
      await page?.context().close();
      page = await signedIn(browser, cluster, somebody());
      for (const path of ['/feed', '/feed?page=2', '/feed?page=3']) {
        await open(page, path);
        const suggested = (await suggestedPeople(page).getByRole('link').allTextContents()).map((s) => s.trim());
        const name = (await authorsOf(page)).find((a) => suggested.includes(a));
        if (name) {
          muted = { name, path };
          break;
        }
      }
    }
    expect(muted, 'a For you post by a suggested person').toBeDefined();
    const { name, path } = muted!;
    await onEveryInstance(cluster, page!, path, async () => {
      await expect(suggestedPeople(page!).getByRole('link', { name, exact: true })).toBeVisible();
      expect(await authorsOf(page!)).toContain(name);
    });

    const post = page!.locator('ul[aria-label="Posts"] > li article').filter({ has: page!.locator('header a:first-of-type', { hasText: name }) }).first();
    await actionOn(cluster, page!, async () => {
      await post.getByText('Show less like this…').click();
      await post.getByRole('button', { name: `Mute ${name}` }).click();
    });
    for (const feed of new Set(['/feed', path])) {
      await onEveryInstance(cluster, page!, feed, async () => {
        expect((await postIds(page!)).length).toBeGreaterThan(0);
        expect(await authorsOf(page!)).not.toContain(name);
        await expect(suggestedPeople(page!)).toBeVisible();
        await expect(suggestedPeople(page!).getByRole('link', { name, exact: true })).toHaveCount(0);
      });
    }
    await page!.context().close();
  });

  test('following a suggested person shows on the next load, on either instance: Unfollow on their profile, gone from the suggestions', async ({ browser }) => {
    const page = await signedIn(browser, cluster, somebody());
    // A suggested person whose profile this person may see (some keep theirs private).
    await open(page, '/feed');
    const links = suggestedPeople(page).getByRole('link');
    await expect(links.first()).toBeVisible();
    const candidates = await links.evaluateAll((as) => as.map((a) => ({ name: a.textContent!.trim(), href: a.getAttribute('href')! })));
    let chosen: { name: string; href: string } | undefined;
    for (const candidate of candidates) {
      await open(page, candidate.href);
      if (await page.getByRole('button', { name: `Follow ${candidate.name}` }).isVisible()) {
        chosen = candidate;
        break;
      }
    }
    expect(chosen, `a suggested person with a visible profile among ${JSON.stringify(candidates)}`).toBeDefined();
    const { name: suggested, href: profile } = chosen!;
    await onEveryInstance(cluster, page, '/feed', async () => {
      await expect(suggestedPeople(page).getByRole('link', { name: suggested, exact: true })).toBeVisible();
    });
    await onEveryInstance(cluster, page, profile, async () => {
      await expect(page.getByRole('button', { name: `Follow ${suggested}` })).toBeVisible();
    });

    await open(page, '/feed');
    await actionOn(cluster, page, () => suggestedPeople(page).getByRole('button', { name: `Follow ${suggested}` }).click());
    await onEveryInstance(cluster, page, '/feed', async () => {
      await expect(suggestedPeople(page)).toBeVisible();
      await expect(suggestedPeople(page).getByRole('link', { name: suggested, exact: true })).toHaveCount(0);
    });
    await onEveryInstance(cluster, page, profile, async () => {
      await expect(page.getByRole('button', { name: `Unfollow ${suggested}` })).toBeVisible();
    });
    await page.context().close();
  });

  test('pausing history shows as paused on the feed and its settings, on either instance', async ({ browser }) => {
    const page = await signedIn(browser, cluster, somebody());
    await onEveryInstance(cluster, page, '/settings/feed', async () => {
      await expect(page.getByRole('button', { name: 'Pause history' })).toBeVisible();
    });
    await onEveryInstance(cluster, page, '/feed', async () => {
      await expect(page.getByText('History is paused')).toHaveCount(0);
    });
    await page.goto('/settings/feed');
    await actionOn(cluster, page, () => page.getByRole('button', { name: 'Pause history' }).click());
    await expect(page.getByRole('button', { name: 'Resume history' })).toBeVisible();
    await onEveryInstance(cluster, page, '/settings/feed', async () => {
      await expect(page.getByText('History is paused: nothing you do is recorded, and For you uses only whom and what you follow and chose.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Resume history' })).toBeVisible();
    });
    await onEveryInstance(cluster, page, '/feed', async () => {
      await expect(page.getByRole('status').filter({ hasText: 'History is paused: this feed uses only whom and what you follow and chose.' })).toBeVisible();
    });
    await page.context().close();
  });

  test('withdrawing consent shows as off on the privacy and feed pages, on either instance', async ({ browser }) => {
    const page = await signedIn(browser, cluster, somebody());
    const consent = page.getByRole('switch', { name: 'Use my activity to personalize' });
    // The planted community's people said yes when it was planted (lib/demo/seed.ts); anyone who has not says yes here,
    // on one instance, and it shows on the other.
    await onEveryInstance(cluster, page, '/settings/privacy', async () => {
      await expect(consent).toBeVisible();
    });
    if ((await consent.getAttribute('aria-checked')) === 'false') {
      await actionOn(cluster, page, () => consent.click());
      await expect(page.getByRole('status').filter({ hasText: '“Use my activity to personalize” is on.' })).toBeVisible();
    }
    await onEveryInstance(cluster, page, '/settings/privacy', async () => {
      await expect(consent).toHaveAttribute('aria-checked', 'true');
    });
    await actionOn(cluster, page, () => consent.click());
    await expect(page.getByRole('status').filter({ hasText: '“Use my activity to personalize” is off, from now on.' })).toBeVisible();
    await onEveryInstance(cluster, page, '/settings/privacy', async () => {
      await expect(consent).toHaveAttribute('aria-checked', 'false');
      await expect(page.getByRole('list', { name: 'Consent log' }).getByRole('listitem').filter({ hasText: 'Use my activity to personalize: on → off' })).toHaveCount(1);
    });
    await onEveryInstance(cluster, page, '/settings/feed', async () => {
      await expect(page.getByText('Activity-based personalization is off on your privacy page, so nothing you do is recorded.')).toBeVisible();
    });
    await page.context().close();
  });

  test('“Sign out everywhere” on one device signs the other out on its next request, on either instance', async ({ browser }) => {
    const person = somebody();
    const laptop = await signedIn(browser, cluster, person);
    const phone = await signedIn(browser, cluster, person);
    // The phone is signed in on both instances (each has seen its session).
    for (const answer of await requestOnEveryInstance(cluster, phone.request, '/feed')) expect(answer.status, JSON.stringify(answer)).toBe(200);

    await laptop.goto('/settings/privacy');
    await actionOn(cluster, laptop, () => laptop.getByRole('button', { name: 'Sign out everywhere' }).click());
    await expect(laptop).toHaveURL(/\/sign-in$/);

    for (const answer of await requestOnEveryInstance(cluster, phone.request, '/feed')) {
      expect([302, 303, 307], JSON.stringify(answer)).toContain(answer.status);
      expect(answer.location, JSON.stringify(answer)).toMatch(/\/sign-in/);
    }
    await onEveryInstance(cluster, laptop, '/settings/privacy', async () => {
      await expect(laptop).toHaveURL(/\/sign-in/);
    });
    await laptop.context().close();
    await phone.context().close();
  });

  test('erasing the account: signing in again fails, the profile is gone and the other device is signed out, on either instance', async ({ browser }) => {
    const person = newPerson();
    const context = await browser.newContext({ baseURL: cluster.url });
    const page = await context.newPage();
    // Signing up through the cluster: the confirmation mail is in the shared outbox, whichever instance wrote it.
    await signUp(page, person);
    const phone = await signedIn(browser, cluster, person);
    await onEveryInstance(cluster, page, `/u/${person.handle}`, async () => {
      await expect(page.getByRole('heading', { name: person.name, level: 1 })).toBeVisible();
    });
    for (const answer of await requestOnEveryInstance(cluster, phone.request, '/feed')) expect(answer.status, JSON.stringify(answer)).toBe(200);

    await page.goto('/settings/privacy');
    const form = page.getByRole('form', { name: 'Delete my account' });
    await form.getByLabel('Delete my posts and comments').check();
    await form.getByLabel('Your password').fill(person.password);
    await form.getByLabel('Type your handle to confirm').fill(person.handle);
    await actionOn(cluster, page, () => form.getByRole('button', { name: 'Delete my account for good' }).click());
    await expect(page).toHaveURL(/\/\?erased=1$/);

    for (const answer of await requestOnEveryInstance(cluster, phone.request, '/feed')) {
      expect([302, 303, 307], JSON.stringify(answer)).toContain(answer.status);
      expect(answer.location, JSON.stringify(answer)).toMatch(/\/sign-in/);
    }
    // (A profile that is not found never finishes revealing its streamed parts; the heading is waited for instead.)
    await onEveryInstance(
      cluster,
      page,
      `/u/${person.handle}`,
      async () => {
        await expect(page.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
      },
      { streamed: false },
    );
    // Sign-in attempts until each instance has answered one.
    const refusedBy = new Set<string>();
    for (let i = 0; i < 8 && refusedBy.size < cluster.instances.length; i++) {
      refusedBy.add(
        await actionOn(cluster, page, async () => {
          await signIn(page, person.email, person.password);
        }),
      );
      await expect(page.getByText('That email and password don’t match an account')).toBeVisible();
    }
    expect(refusedBy.size).toBe(cluster.instances.length);
    await context.close();
    await phone.context().close();
  });

  test('a comment written through one instance appears live on tabs served by the other instance and through nginx', async ({ browser }) => {
    const readers = [somebody(), somebody()];
    const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
    // The newest open post of a public group, and a member of that group to write (only members get the comment form).
    const candidates = people.filter((p) => !readers.includes(p)).map((p) => p.email);
    const [target] = await sql<{ id: string; email: string }[]>`
      select p.id, u.email from posts p join groups g on g.id = p.group_id
      join group_members gm on gm.group_id = g.id join users u on u.id = gm.user_id
      where g.visibility = 'public' and p.removed_at is null and not p.comments_locked
        and not exists (select 1 from group_bans b where b.group_id = g.id)
        and u.email = any(${candidates})
      order by p.created_at desc limit 1`;
    const writer = people.find((p) => p.email === target.email)!;
    await sql.end({ timeout: 5 });
    // One reader's tab talks to instance 2 directly, the other goes through nginx; the writer uses instance 1.
    const at = async (baseURL: string, person: Person) => {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await signIn(page, person.email, person.password);
      await expect(page).toHaveURL(/\/feed$/);
      await page.goto(`/p/${target.id}`);
      return page;
    };
    const direct = await at(cluster.instances[1].url, readers[0]);
    const balanced = await at(cluster.url, readers[1]);
    const author = await at(cluster.instances[0].url, writer);
    for (const page of [direct, balanced]) await page.waitForLoadState('networkidle');
    const words = `Live across instances ${Date.now().toString(36)}`;
    await author.getByLabel('Your comment').fill(words);
    await author.getByRole('button', { name: 'Comment', exact: true }).click();
    for (const page of [direct, balanced]) await expect(page.getByText(words)).toBeVisible({ timeout: 20_000 });
  });

  test('the daily job run by hand twice at once (npm run jobs:daily) runs once', async () => {
    test.setTimeout(180_000);
    // Two `npm run jobs:daily` at once on the cluster's database (its instances run no jobs): one claims the day.
    const runOne = () =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn('npx', ['tsx', 'scripts/jobs.ts'], { env: { ...process.env, ...cluster.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (c) => (output += c));
        child.stderr.on('data', (c) => (output += c));
        child.on('exit', (code) => resolve({ code, output }));
      });
    const runs = await Promise.all([runOne(), runOne()]);
    const outputs = runs.map((r) => r.output).join('\n---\n');
    for (const run of runs) expect(run.code, run.output).toBe(0);
    // One did the work; the other found the day claimed (lib/jobs.ts, runDailyOnce) and did nothing.
    expect(runs.filter((r) => /milestones awarded/.test(r.output)), outputs).toHaveLength(1);
    expect(runs.filter((r) => /already done, or is running on another instance; nothing to do/.test(r.output)), outputs).toHaveLength(1);

    const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ job: string; finished: boolean }[]>`select job, finished_at is not null as finished from job_runs`;
      expect(rows, JSON.stringify(rows)).toEqual([{ job: 'daily', finished: true }]);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});

test.describe('the sign-in limit across instances (rate limits on)', () => {
  let cluster: Cluster;
  let emails: string[] = [];
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startCluster({ instances: 2, env: { HEARTH_RATE_LIMITS: 'on' }, log: (line) => console.log(`[cluster] ${line}`) });
    emails = (await seededPeople(cluster)).map((p) => p.email).slice(0, 30);
  });
  // (stopClusters: also one whose start this hook's timeout cut short.)
  test.afterAll(async () => (cluster ? cluster.stop() : stopClusters()));

  test('6 attempts a minute per address in all, whichever instance answers each and whatever X-Forwarded-For the client writes', async () => {
    expect(emails).toHaveLength(30);
    // Fixed windows: start early in a minute, so the whole burst falls in one.
    const seconds = new Date().getSeconds();
    if (seconds > 40) await new Promise((resolve) => setTimeout(resolve, (61 - seconds) * 1000));

    // Packet-level, as a script would: one CSRF token, then one POST per attempt, so the attempts alternate between
    // the instances (X-Upstream says which answered each).
    const api = await http.newContext();
    const { csrfToken } = await (await api.get(`${cluster.url}/api/auth/csrf`)).json();
    const fake = (i: number) => `${((i * 37) % 223) + 1}.${(i * 91) % 255}.${i % 255}.${((i * 13) % 254) + 1}`;
    const attempts: { outcome: 'wrong' | 'limited' | 'signed-in'; served: string }[] = [];
    for (let i = 0; i < emails.length; i++) {
      // The first three plainly, the rest each claiming a new address.
      const response = await api.post(`${cluster.url}/api/auth/callback/credentials`, {
        form: { csrfToken, email: emails[i]!, password: 'Summer2026!', callbackUrl: `${cluster.url}/feed` },
        headers: i < 3 ? {} : { 'x-forwarded-for': fake(i) },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
      const location = response.headers().location;
      // Auth.js answers on the origin the person used: nginx's, from X-Forwarded-Host and -Proto.
      expect(location.startsWith(cluster.url), location).toBe(true);
      const outcome = location.includes('code=rate_limited') ? 'limited' : location.includes('error=CredentialsSignin') ? 'wrong' : 'signed-in';
      attempts.push({ outcome, served: servedBy(cluster, response.headers()['x-upstream'])! });
    }
    const summary = attempts.map((a) => `${a.served}:${a.outcome}`).join(' ');
    expect(new Set(attempts.map((a) => a.served)), summary).toEqual(new Set(cluster.instances.map((i) => i.name)));
    const checked = attempts.filter((a) => a.outcome === 'wrong');
    expect(checked, summary).toHaveLength(6);
    // Both instances checked some of the six: the count is shared, not kept per instance.
    expect(new Set(checked.map((a) => a.served)).size, summary).toBe(2);
    expect(attempts.slice(6).every((a) => a.outcome === 'limited'), summary).toBe(true);

    // Even the right password waits now, on either instance.
    for (let i = 0; i < 2; i++) {
      const response = await api.post(`${cluster.url}/api/auth/callback/credentials`, {
        form: { csrfToken, email: emails[0]!, password: demo.password, callbackUrl: `${cluster.url}/feed` },
        maxRedirects: 0,
      });
      expect(response.headers().location).toContain('code=rate_limited');
    }
    await api.dispose();
  });
});

test.describe('the daily job with two instances running jobs (HEARTH_JOBS=on)', () => {
  let cluster: Cluster;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startCluster({ instances: 2, env: { HEARTH_JOBS: 'on' }, log: (line) => console.log(`[cluster] ${line}`) });
  });
  // (stopClusters: also one whose start this hook's timeout cut short.)
  test.afterAll(async () => (cluster ? cluster.stop() : stopClusters()));

  test('both instances start their job runner and ask for today’s run; it runs once', async () => {
    const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const finished = async () => (await sql<{ n: number }[]>`select count(*)::int as n from job_runs where finished_at is not null`)[0]!.n;
      await expect.poll(finished, { timeout: 60_000 }).toBe(1);
      // A moment more for a second run that should not come.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const rows = await sql<{ job: string; finished: boolean }[]>`select job, finished_at is not null as finished from job_runs`;
      expect(rows, JSON.stringify(rows)).toEqual([{ job: 'daily', finished: true }]);
    } finally {
      await sql.end({ timeout: 5 });
    }
    const logs = cluster.instances.map((i) => `── ${i.name}\n${i.log()}`).join('\n');
    // Both through pg-boss: neither fell back to the in-process check (as one did when the set-ups deadlocked).
    expect(logs).not.toContain('could not start');
    const ran = cluster.instances.filter((i) => /\[jobs\] daily job \S+ for \S+: \d+ milestones awarded/.test(i.log()));
    expect(ran.map((i) => i.name), logs).toHaveLength(1);
  });
});
