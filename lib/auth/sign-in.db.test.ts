// Signing in and out, changing the password and Auth.js's own routes, through the real Auth.js (not a stand-in):
// the session cookie it sets, the user_sessions row its jwt callback starts, and the redirects it answers with.
// The browser is a cookie jar behind next/headers; each action is proved from both sides (test/proofs.ts).
import { eq } from 'drizzle-orm';
import type { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { env } from '@/lib/env';
import { users, userSessions } from '@/db/schema';
import { form } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { verifyPassword } from './password';
import { startSession } from './sessions';
import { createAccount } from './users';

const browser = vi.hoisted(() => ({ jar: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({
      host: 'hearth.example',
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '192.0.2.7',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
      cookie: [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; '),
    }),
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)! } : undefined),
    getAll: () => [...browser.jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => browser.jar.has(name),
    set: (name: string, value: string, options?: { maxAge?: number; expires?: Date }) => {
      const expired = value === '' || options?.maxAge === 0 || (options?.expires && options.expires.getTime() <= Date.now());
      if (expired) browser.jar.delete(name);
      else browser.jar.set(name, value);
    },
    delete: (name: string) => void browser.jar.delete(name),
  }),
}));
vi.mock('next/cache', () => import('@/test/actions'));

// GitHub is configured for this file (before lib/auth/config reads it), so that starting an OAuth sign-in can be
// proved; its authorize URL is fixed, so no request leaves the machine.
env.AUTH_GITHUB_ID = 'hearth-test-client';
env.AUTH_GITHUB_SECRET = 'hearth-test-secret';

const { changePasswordAction, oauthSignInAction, signInAction, signOutAction, signOutEverywhereAction } = await import('./actions');
const { getViewer } = await import('./viewer');
const { GET, POST } = await import('@/app/api/auth/[...nextauth]/route');

const origin = 'https://hearth.example';
const sessionCookie = '__Secure-authjs.session-token';
const password = 'a long enough password';
const sessionEnded = 'Your session has ended — please sign in again.';
const wrongPassword = 'That email and password don’t match an account. Check them and try again.';

let n = 0;
async function person() {
  const handle = `door_${++n}_${Math.random().toString(36).slice(2, 6)}`;
  const created = await createAccount(db, { name: 'Door', handle, email: `${handle}@example.org`, password });
  if (!created.ok) throw new Error(created.message);
  return { id: created.userId, handle, email: `${handle}@example.org` };
}
const sessionsOf = async (userId: string) => (await db.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, userId))).map((s) => s.id);
const run = (action: (prev: object, data: FormData) => Promise<unknown>, fields: Parameters<typeof form>[0]) => () => action({}, form(fields));

/** Signs this browser in through the action, as the sign-in form does. */
async function signedIn(p: { email: string }) {
  await expect(signInAction({}, form({ email: p.email, password }))).rejects.toThrow('NEXT_REDIRECT');
  expect(browser.jar.has(sessionCookie)).toBe(true);
}

beforeEach(() => browser.jar.clear());

describe('signInAction', () => {
  it('signs in with the right password: a session cookie, a session row, and on to the feed', async () => {
    const p = await person();
    await expectAllowed(run(signInAction, { email: p.email.toUpperCase(), password }), {
      changes: [userSessions],
      redirectsTo: `${origin}/feed`,
      effect: async () => {
        expect(browser.jar.has(sessionCookie)).toBe(true);
        expect((await getViewer())?.id).toBe(p.id);
        expect(await sessionsOf(p.id)).toHaveLength(1);
      },
    });
  });

  it('refuses a wrong password and an unknown address with one answer, and bad input by field, writing nothing', async () => {
    const p = await person();
    await expectRefused(run(signInAction, { email: p.email, password: 'not the password' }), { error: wrongPassword, others: [p.id] });
    await expectRefused(run(signInAction, { email: 'nobody.at.all@example.org', password }), { error: wrongPassword, others: [p.id] });
    await expectRefused(run(signInAction, { email: '', password: '' }), { error: 'Please fix the highlighted fields.', others: [p.id] });
    expect(browser.jar.has(sessionCookie)).toBe(false);
    expect(await getViewer()).toBeNull();
  });
});

describe('signing out', () => {
  it('signOutAction ends this browser’s session — the cookie and the row behind it — and nothing else', async () => {
    const p = await person();
    const elsewhere = await startSession(db, p.id, 'Chrome/131 Android');
    await signedIn(p);
    expect(await sessionsOf(p.id), 'this browser’s row and the other device’s').toHaveLength(2);
    const copied = browser.jar.get(sessionCookie)!;
    await expectAllowed(() => signOutAction(), {
      changes: [userSessions],
      redirectsTo: `${origin}/`,
      effect: async () => {
        expect(browser.jar.has(sessionCookie)).toBe(false);
        expect(await sessionsOf(p.id)).toEqual([elsewhere]);
        // A copy of the cookie taken before signing out opens nothing now.
        browser.jar.set(sessionCookie, copied);
        expect(await getViewer()).toBeNull();
      },
    });
  });

  it('signOutAction signed out: nothing to end, nothing changes', async () => {
    const p = await person();
    await expectRefused(() => signOutAction(), { error: `redirect to ${origin}/`, others: [p.id] });
  });

  it('signOutEverywhereAction ends every session of the caller, and only theirs', async () => {
    const p = await person();
    const other = await person();
    const phone = await startSession(db, p.id, 'Firefox/133 Android');
    const theirs = await startSession(db, other.id, 'Chrome/131 Linux');
    await signedIn(p);
    expect(await sessionsOf(p.id)).toContain(phone);
    const [before] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, p.id));
    await expectAllowed(() => signOutEverywhereAction(), {
      changes: [users, userSessions],
      redirectsTo: `${origin}/sign-in`,
      effect: async () => {
        expect(await sessionsOf(p.id)).toEqual([]);
        expect((await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, p.id)))[0].sv).toBe(before.sv + 1);
        expect(await sessionsOf(other.id)).toEqual([theirs]);
      },
    });
    // Signed out, there is nobody whose sessions could end.
    await expectRefused(() => signOutEverywhereAction(), { error: `redirect to ${origin}/sign-in`, others: [p.id, other.id] });
  });
});

describe('changePasswordAction', () => {
  it('changes the password with the current one: other devices signed out, this one signed in again', async () => {
    const p = await person();
    const phone = await startSession(db, p.id, 'Firefox/133 Android');
    await signedIn(p);
    const fresh = 'a brand new passphrase';
    await expectRefused(run(changePasswordAction, { currentPassword: 'not my password', newPassword: fresh, confirmPassword: fresh }), {
      error: 'Please fix the highlighted fields.',
      caller: { id: p.id, handle: p.handle, name: 'Door', image: null },
    });
    await expectRefused(run(changePasswordAction, { currentPassword: password, newPassword: 'short', confirmPassword: 'short' }), {
      error: 'Please fix the highlighted fields.',
      caller: { id: p.id, handle: p.handle, name: 'Door', image: null },
    });
    await expectAllowed(run(changePasswordAction, { currentPassword: password, newPassword: fresh, confirmPassword: fresh }), {
      changes: [users, userSessions],
      redirectsTo: `${origin}/settings/account?changed=1`,
      effect: async () => {
        const [row] = await db.select().from(users).where(eq(users.id, p.id));
        expect(await verifyPassword(row.passwordHash, fresh)).toBe(true);
        expect(await sessionsOf(p.id)).not.toContain(phone);
        expect((await getViewer())?.id, 'this browser stays signed in').toBe(p.id);
      },
    });
    browser.jar.clear();
    await expectRefused(run(changePasswordAction, { currentPassword: fresh, newPassword: password, confirmPassword: password }), { error: sessionEnded, others: [p.id] });
  });
});

describe('oauthSignInAction', () => {
  it('starts a GitHub sign-in (configured here) at GitHub, and refuses a provider that is not configured', async () => {
    const data = (fields: Record<string, string>) => form(fields);
    await expectAllowed(() => oauthSignInAction(data({ provider: 'github', redirectTo: '/groups' })), {
      redirectsTo: /^https:\/\/github\.com\/login\/oauth\/authorize\?.*client_id=hearth-test-client/,
      effect: () => expect([...browser.jar.keys()].some((name) => name.includes('authjs.pkce.code_verifier') || name.includes('authjs.state'))).toBe(true),
    });
    browser.jar.clear();
    await expectRefused(() => oauthSignInAction(data({ provider: 'google' })), { error: 'That way of signing in is not set up here.' });
    await expectRefused(() => oauthSignInAction(data({ provider: 'evil-provider' })), { error: 'That way of signing in is not set up here.' });
    expect(browser.jar.size).toBe(0);
  });
});

// Auth.js's own routes, as a browser calls them: a CSRF token from GET /api/auth/csrf, then a form POST.
describe('app/api/auth/[...nextauth]', () => {
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('host', 'hearth.example');
    headers.set('x-forwarded-proto', 'https');
    headers.set('x-forwarded-for', '192.0.2.8');
    headers.set('cookie', [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; '));
    return new Request(`http://localhost:3000/api/auth/${path}`, { ...init, headers }) as NextRequest;
  };
  /** Keeps the cookies a response sets, as a browser would. */
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      if (!value || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) browser.jar.delete(name.trim());
      else browser.jar.set(name.trim(), value);
    }
    return response;
  };
  /** What Auth.js answered, as the browser reads it: a refusal is a redirect to the sign-in page with ?error=. */
  const answer = (response: Response) => {
    const location = response.headers.get('location');
    const error = location ? new URL(location, origin).searchParams.get('error') : null;
    return error ? { error: `Auth.js refused: ${error}` } : { status: response.status, location };
  };
  async function csrf() {
    const response = keep(await GET(request('csrf')));
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }
  const signInForm = (fields: Record<string, string>) =>
    request('callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  it('GET answers on the public origin and writes nothing; a forged OAuth callback is refused', async () => {
    const p = await person();
    let token = '';
    await expectAllowed(async () => (token = await csrf()), {
      effect: () => {
        expect(token).toMatch(/^[0-9a-f]{64}$/);
        expect([...browser.jar.keys()]).toContain('__Host-authjs.csrf-token');
      },
    });
    let providers: Record<string, { signinUrl: string }> = {};
    await expectAllowed(async () => (providers = await (await GET(request('providers'))).json()), {
      effect: () => expect(providers.credentials.signinUrl).toBe(`${origin}/api/auth/signin/credentials`),
    });
    // A callback from "GitHub" that no sign-in here started (no state cookie): refused, nothing written.
    await expectRefused(async () => answer(await GET(request('callback/github?code=stolen&state=forged'))), { error: /^Auth\.js refused: /, others: [p.id] });
  });

  it('POST signs in with the right password and a CSRF token; without either it is refused and writes nothing', async () => {
    const p = await person();
    const csrfToken = await csrf();
    await expectRefused(async () => answer(keep(await POST(signInForm({ email: p.email, password: 'not the password', csrfToken })))), {
      error: 'Auth.js refused: CredentialsSignin',
      others: [p.id],
    });
    await expectRefused(async () => answer(keep(await POST(signInForm({ email: p.email, password, csrfToken: 'forged' })))), {
      error: /^Auth\.js refused: /,
      others: [p.id],
    });
    expect(await sessionsOf(p.id)).toEqual([]);
    await expectAllowed(async () => answer(keep(await POST(signInForm({ email: p.email, password, csrfToken: await csrf(), callbackUrl: `${origin}/groups` })))), {
      changes: [userSessions],
      effect: async () => {
        expect(browser.jar.has(sessionCookie)).toBe(true);
        expect((await getViewer())?.id).toBe(p.id);
      },
    });
    // Auth.js's own sign-out route ends the session row too (the events.signOut of lib/auth/config.ts).
    await expectAllowed(async () => answer(keep(await POST(request('signout', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrfToken: await csrf() }).toString() })))), {
      changes: [userSessions],
      effect: async () => {
        expect(await sessionsOf(p.id)).toEqual([]);
        expect(browser.jar.has(sessionCookie)).toBe(false);
      },
    });
  });
});
