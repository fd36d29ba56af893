// Every Server Action and route handler has an entry in the authorization matrix, and no signed-out caller gets
// past any action that needs a person.
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { tagFollows, users } from '@/db/schema';
import { actAs, call, type Action } from '@/test/actions';
import { authorization, postReadPaths, postReadsWithoutVisibility } from './authorization';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
const authjs = vi.hoisted(() => ({ signIn: [] as unknown[][] }));
// Auth.js itself is not loaded in tests; the sign-in calls it would receive are recorded.
vi.mock('@/lib/auth/config', () => ({
  oauthProviders: { github: false, google: false },
  signIn: async (...args: unknown[]) => void authjs.signIn.push(args),
  signOut: async () => {},
  auth: async () => null,
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {} }) }));

const root = process.cwd();

function files(dir: string, match: (f: string) => boolean): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : files(rel, match);
    return match(rel) ? [rel] : [];
  });
}

const actionFiles = files('lib', (f) => /\.tsx?$/.test(f) && !f.includes('.test.') && fs.readFileSync(path.join(root, f), 'utf8').startsWith("'use server'"));
const routeFiles = files('app', (f) => f.endsWith('/route.ts'));

function exportsOf(file: string) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^export (?:const|async function|function) (\w+)/gm)].map((m) => m[1]);
}

const live = [
  ...actionFiles.flatMap((f) => exportsOf(f).map((name) => `${f}#${name}`)),
  ...routeFiles.flatMap((f) => exportsOf(f).filter((n) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(n)).map((name) => `${f}#${name}`)),
  // `export const { GET, POST } = handlers` does not match the pattern above.
  ...routeFiles.filter((f) => /export const \{ GET, POST \}/.test(fs.readFileSync(path.join(root, f), 'utf8'))).flatMap((f) => [`${f}#GET`, `${f}#POST`]),
];

describe('authorization matrix', () => {
  it('finds the actions and routes it is about', () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(8);
    expect(live.length).toBeGreaterThan(50);
  });

  it('has an entry for every Server Action and route handler, and none for anything that is gone', () => {
    const missing = live.filter((key) => !(key in authorization));
    expect(missing, `add these to lib/security/authorization.ts with who may call them and their tests`).toEqual([]);
    const stale = Object.keys(authorization).filter((key) => !live.includes(key));
    expect(stale).toEqual([]);
  });

  it('points every entry at tests that exist and, outside the browser journeys, call it by name', () => {
    for (const [key, entry] of Object.entries(authorization)) {
      const name = entry.via ?? key.split('#')[1];
      expect(entry.tests.length, key).toBeGreaterThan(0);
      for (const test of entry.tests) expect(fs.existsSync(path.join(root, test)), `${key}: ${test} does not exist`).toBe(true);
      const unit = entry.tests.filter((t) => !t.startsWith('e2e/'));
      if (unit.length) {
        const mentioned = unit.some((t) => fs.readFileSync(path.join(root, t), 'utf8').includes(name));
        expect(mentioned, `${key}: none of ${unit.join(', ')} mentions ${name}`).toBe(true);
      }
    }
  });
});

describe('post visibility on every read path', () => {
  it('names functions that exist, each proved by a test that calls it', () => {
    for (const [key, entry] of Object.entries(postReadPaths)) {
      const [file, name] = key.split('#');
      expect(exportsOf(file), `${key}: ${file} exports no ${name}`).toContain(name);
      for (const test of entry.tests) expect(fs.readFileSync(path.join(root, test), 'utf8'), `${key}: ${test} never mentions ${name}`).toContain(name);
    }
  });

  it('every file that reads the posts table applies visiblePosts, or says why it need not', () => {
    const readsPosts = /\.(?:from|(?:inner|left)?[jJ]oin)\(posts\b|\b(?:from|join) posts\b/;
    const readers = [...files('lib', (f) => /\.tsx?$/.test(f)), ...files('app', (f) => /\.tsx?$/.test(f))].filter(
      (f) => !/\.test\.tsx?$/.test(f) && !f.startsWith('lib/security/') && readsPosts.test(fs.readFileSync(path.join(root, f), 'utf8')),
    );
    expect(readers.length).toBeGreaterThan(10);
    const unguarded = readers.filter((f) => !fs.readFileSync(path.join(root, f), 'utf8').includes('visiblePosts(') && !(f in postReadsWithoutVisibility));
    expect(unguarded, 'read posts through visiblePosts(viewerId), or add the file to postReadsWithoutVisibility with why').toEqual([]);
    const stale = Object.keys(postReadsWithoutVisibility).filter((f) => !readers.includes(f));
    expect(stale, 'entries for files that no longer read posts').toEqual([]);
  });
});

describe('signed out', () => {
  it('every action that needs a person refuses, with the same message, and writes nothing', async () => {
    actAs(null);
    const [before] = await db.select({ n: count() }).from(users);
    let checked = 0;
    for (const file of actionFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        const entry = authorization[`${file}#${name}`];
        if (typeof fn !== 'function' || fn.length !== 2 || entry?.public) continue;
        const result = await (fn as Action)({}, new FormData());
        expect(result, `${file}#${name}`).toEqual({ error: 'Your session has ended — please sign in again.' });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(45);
    const [after] = await db.select({ n: count() }).from(users);
    expect(after.n).toBe(before.n);
  });

  it('sign-up and sign-in answer bad input with field errors, before anything else', async () => {
    const { signInAction, signUpAction } = await import('@/lib/auth/actions');
    expect((await call(signUpAction, { name: '', handle: 'x', email: 'no', password: 'short' })).fieldErrors).toMatchObject({
      name: expect.any(String),
      handle: expect.any(String),
      email: expect.any(String),
      password: expect.any(String),
    });
    expect((await call(signInAction, { email: '', password: '' })).fieldErrors).toMatchObject({ email: 'Enter your email address.' });
  });

  it('previewBioAction renders nothing for nobody', async () => {
    const { previewBioAction } = await import('@/lib/profiles/actions');
    expect(await previewBioAction('**hi**')).toEqual({ html: '', text: '' });
  });
});

describe('OAuth sign-in', () => {
  it('starts only for a configured provider', async () => {
    const { oauthSignInAction } = await import('@/lib/auth/actions');
    const data = new FormData();
    data.set('provider', 'github');
    await oauthSignInAction(data);
    data.set('provider', 'evil-provider');
    await oauthSignInAction(data);
    expect(authjs.signIn).toEqual([]);
  });
});

describe('following tags', () => {
  it('follows and unfollows for the caller only', async () => {
    const { followTagAction } = await import('@/lib/posts/actions');
    const [u] = await db.insert(users).values({ name: 'Tag Fan', email: 'tagfan@example.org', handle: 'tag_fan' }).returning();
    actAs({ id: u.id, handle: u.handle, name: 'Tag Fan', image: null });
    expect((await call(followTagAction, { tag: '#Night Photography', on: 'true' })).success).toBe('Following #night-photography.');
    expect(await db.select().from(tagFollows).where(eq(tagFollows.userId, u.id))).toEqual([expect.objectContaining({ tag: 'night-photography' })]);
    await call(followTagAction, { tag: 'night-photography', on: 'false' });
    expect(await db.select().from(tagFollows).where(eq(tagFollows.userId, u.id))).toHaveLength(0);
  });
});
