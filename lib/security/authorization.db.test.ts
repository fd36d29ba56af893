// Every Server Action and route handler has an entry in the authorization matrix, and no signed-out caller gets
// past any action that needs a person.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { tagFollows, users } from '@/db/schema';
import { actAs, call } from '@/test/actions';
import { databaseFingerprint } from '@/test/db-fingerprint';
import { expectAllowed, expectRefused } from '@/test/proofs';
import {
  discoverRouteHandlers,
  discoverServerActions,
  exportedNames,
  playwrightTests,
  proofsIn,
  root,
  routeHandlersIn,
  serverActionsIn,
  touchesInterface,
  walk as files,
} from '@/test/server-surface';
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

const actions = discoverServerActions();
const routes = discoverRouteHandlers();
const live = [...actions.map((a) => a.key), ...routes];

function exportsOf(file: string) {
  return exportedNames(file);
}

describe('discovery (TypeScript compiler, not patterns)', () => {
  it('finds file-level actions however they are exported: export {} lists, renames, arrows, declarations, default', () => {
    expect(serverActionsIn('test/fixtures/server-surface/file-level.ts').map((a) => a.name).sort()).toEqual(['arrow', 'declared', 'default', 'listed', 'renamed']);
  });

  it('finds inline \'use server\' functions in modules and components', () => {
    expect(serverActionsIn('test/fixtures/server-surface/inline.tsx').map((a) => `${a.name}${a.inline ? ' (inline)' : ''}`)).toEqual([
      'saveFromModule (inline)',
      'saveFromPage (inline)',
      'saveArrow (inline)',
    ]);
  });

  it('finds every route handler verb, destructured, renamed or declared', () => {
    expect(routeHandlersIn('test/fixtures/server-surface/route.ts').map((k) => k.split('#')[1]).sort()).toEqual(['DELETE', 'GET', 'PATCH', 'POST']);
  });

  it('finds the actions and routes of lib/, app/ and components/', () => {
    expect(actions.length).toBeGreaterThan(100);
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(live.filter((k) => k.includes('#* from')), 'export * hides what a server module exposes: list the names').toEqual([]);
  });
});

describe('authorization matrix', () => {
  it('has an entry for every Server Action and route handler, and none for anything that is gone', () => {
    const missing = live.filter((key) => !(key in authorization));
    expect(missing, `add these to lib/security/authorization.ts with who may call them and their tests`).toEqual([]);
    const stale = Object.keys(authorization).filter((key) => !live.includes(key));
    expect(stale).toEqual([]);
  });

  it('points every entry at tests that exist and call it by name', () => {
    for (const [key, entry] of Object.entries(authorization)) {
      const name = entry.via ?? key.split('#')[1];
      expect(entry.tests.length + (entry.e2e?.length ?? 0), key).toBeGreaterThan(0);
      for (const test of entry.tests) {
        expect(test.startsWith('e2e/'), `${key}: name browser journeys under e2e, with their test`).toBe(false);
        expect(fs.existsSync(path.join(root, test)), `${key}: ${test} does not exist`).toBe(true);
        expect(fs.readFileSync(path.join(root, test), 'utf8').includes(name), `${key}: ${test} never mentions ${name}`).toBe(true);
      }
    }
  });

  it('names only browser tests that exist and reach the action through its interface', () => {
    for (const [key, entry] of Object.entries(authorization)) {
      for (const { spec, test } of entry.e2e ?? []) {
        expect(fs.existsSync(path.join(root, spec)), `${key}: ${spec} does not exist`).toBe(true);
        const tests = playwrightTests(spec);
        const body = tests.get(test);
        expect(body, `${key}: ${spec} has no test "${test}" (it has: ${[...tests.keys()].join(' | ')})`).toBeDefined();
        const reach = touchesInterface(body!, key);
        if (!/\/route\.tsx?#/.test(key)) expect(reach.files.length, `${key}: nothing under app/ or components/ uses it, so no browser test can`).toBeGreaterThan(0);
        expect(reach.hit, `${key}: "${test}" names nothing on ${reach.files.join(', ')}`).toEqual(expect.any(String));
      }
    }
  });

  it('counts an entry as covered only when a test allows it (the effect checked) and a test refuses it (every table checked)', () => {
    const proven = (key: string) => {
      const entry = authorization[key];
      const name = entry.via ?? key.split('#')[1];
      const proofs = entry.tests.map(proofsIn);
      return { refused: proofs.some((p) => p.refused.has(name)), allowed: proofs.some((p) => p.allowed.has(name)) };
    };
    // Every entry, no exceptions: the last 70 written before "covered" meant this were proved in issue 20.
    const unproven = Object.keys(authorization)
      .map((key) => ({ key, ...proven(key) }))
      .filter((p) => !p.refused || !p.allowed);
    expect(unproven, 'call the action through expectAllowed and expectRefused (test/proofs.ts) in one of its tests').toEqual([]);
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
  it('every action that needs a person refuses, whatever its arity, and nothing in any table changes', async () => {
    actAs(null);
    const before = await databaseFingerprint();
    const checked: string[] = [];
    const session = { error: 'Your session has ended — please sign in again.' };
    for (const file of [...new Set(actions.map((a) => a.file))]) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const action of actions.filter((a) => a.file === file)) {
        const entry = authorization[action.key];
        if (entry?.public) continue;
        const fn = mod[action.name];
        expect(typeof fn, `${action.key} is a function the server can call`).toBe('function');
        // Arguments shaped by arity: (state, form) for form actions, (form) or a bare value for the others.
        const args = [[], [new FormData()], [{}, new FormData()]][Math.min((fn as () => unknown).length, 2)];
        const result = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
        // A refusal — the session message and nothing else that carries content (the bio preview's empty html) — or
        // an answer that carries nothing (signing out ends nothing).
        const empty = result === undefined || (typeof result === 'object' && result !== null && Object.values(result).every((v) => v === ''));
        const refused =
          typeof result === 'object' && result !== null && 'error' in result && result.error === session.error && Object.entries(result).every(([k, v]) => k === 'error' || v === '');
        expect(empty || refused, `${action.key} answered ${JSON.stringify(result)}`).toBe(true);
        checked.push(action.key);
      }
    }
    expect(checked.length).toBe(actions.filter((a) => !authorization[a.key]?.public).length);
    expect(checked).toEqual(expect.arrayContaining(['lib/auth/two-factor/actions.ts#registerPasskeyAction', 'lib/profiles/actions.ts#previewBioAction', 'lib/auth/actions.ts#signOutEverywhereAction']));
    expect(await databaseFingerprint()).toEqual(before);
  }, 180_000);

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
    expect(await previewBioAction('**hi**')).toEqual({ html: '', text: '', error: 'Your session has ended — please sign in again.' });
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
  it('follows and unfollows for the caller only, and refuses a signed-out caller', async () => {
    const { followTagAction } = await import('@/lib/posts/actions');
    const [u] = await db.insert(users).values({ name: 'Tag Fan', email: 'tagfan@example.org', handle: 'tag_fan' }).returning();
    actAs({ id: u.id, handle: u.handle, name: 'Tag Fan', image: null });
    const followed = await expectAllowed(() => call(followTagAction, { tag: '#Night Photography', on: 'true' }), {
      changes: [tagFollows],
      effect: async () => expect(await db.select().from(tagFollows).where(eq(tagFollows.userId, u.id))).toEqual([expect.objectContaining({ tag: 'night-photography' })]),
    });
    expect(followed.success).toBe('Following #night-photography.');
    await call(followTagAction, { tag: 'night-photography', on: 'false' });
    expect(await db.select().from(tagFollows).where(eq(tagFollows.userId, u.id))).toHaveLength(0);
    actAs(null);
    await expectRefused(() => call(followTagAction, { tag: 'pottery', on: 'true' }), { error: 'Your session has ended — please sign in again.', others: [u.id] });
  });
});
