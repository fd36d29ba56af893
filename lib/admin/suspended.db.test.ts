// The class guard: a suspended person is refused by every Server Action in the authorization matrix, and nothing
// changes, except the few they keep (allowedWhileSuspended): erasing their account, signing in and out.
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { searchHistory, users } from '@/db/schema';
import { createAccount } from '@/lib/auth/users';
import { authorization } from '@/lib/security/authorization';
import { actAs, call, type Action } from '@/test/actions';
import { databaseFingerprint } from '@/test/db-fingerprint';
import { allowedWhileSuspended, suspendedActionMessage } from './suspended';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('@/lib/auth/config', () => ({ oauthProviders: { github: false, google: false }, signIn: async () => {}, signOut: async () => {}, auth: async () => null }));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'hearth.example' }), cookies: async () => ({ get: () => undefined, set: () => {} }) }));

const root = process.cwd();
let suspended: { id: string; handle: string; name: string; image: null };

beforeAll(async () => {
  await createAccount(db, { name: 'Admin', handle: 'first_admin', email: 'admin@example.org', password: 'a long enough password' });
  const created = await createAccount(db, { name: 'Sus Pended', handle: 'sus_pended', email: 'sus@example.org', password: 'a long enough password' });
  if (!created.ok) throw new Error(created.message);
  await db.update(users).set({ suspendedAt: new Date(), suspensionReason: 'Spam' }).where(eq(users.id, created.userId));
  suspended = { id: created.userId, handle: 'sus_pended', name: 'Sus Pended', image: null };
});

describe('a suspended person', () => {
  it('is refused by every Server Action in the matrix but those allowed, and nothing changes', async () => {
    actAs(suspended);
    const before = await databaseFingerprint();
    const actionKeys = Object.keys(authorization).filter((key) => key.startsWith('lib/'));
    const refused: string[] = [];
    const allowed: string[] = [];
    for (const key of actionKeys) {
      const [file, name] = key.split('#');
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const fn = mod[name];
      expect(typeof fn, key).toBe('function');
      if (key in allowedWhileSuspended) {
        allowed.push(key);
        continue;
      }
      // Public actions with a form (sign-up, search) are proved below; every other action takes (state, formData).
      if (authorization[key].public) continue;
      // A form action takes (state, formData). The few called from a script (a passkey's options and answer) take
      // nothing or one object, guard themselves before reading it, and are called with an empty one.
      const arity = (fn as (...args: unknown[]) => unknown).length;
      expect([0, 1, 2], `${key} takes neither a form, nor one object, nor nothing: say here how to call it`).toContain(arity);
      const result = arity === 2 ? await (fn as Action)({}, new FormData()) : await (fn as (input?: unknown) => Promise<unknown>)({});
      expect(result, key).toEqual({ error: suspendedActionMessage });
      refused.push(key);
    }
    expect(refused.length).toBeGreaterThanOrEqual(60);
    // The allow-list names only actions that exist.
    expect(allowed.sort()).toEqual(Object.keys(allowedWhileSuspended).sort());
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses with real input too (the guard comes before anything is read from the form)', async () => {
    actAs(suspended);
    const { createPostAction } = await import('@/lib/posts/actions');
    const { updateProfileAction } = await import('@/lib/profiles/actions');
    const before = await databaseFingerprint();
    expect(await call(createPostAction, { body: 'Still here!' })).toEqual({ error: suspendedActionMessage });
    expect(await call(updateProfileAction, { name: 'Renamed', bio: 'new bio' })).toEqual({ error: suspendedActionMessage });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('may still erase their account (the form is checked, not refused)', async () => {
    actAs(suspended);
    const { eraseAccountAction } = await import('@/lib/privacy/actions');
    const result = await call(eraseAccountAction, { confirmHandle: 'someone_else', password: 'a long enough password', content: 'remove' });
    expect(result.error).not.toBe(suspendedActionMessage);
    expect(result.error ?? '').not.toBe('');
  });

  it('searches without anything being remembered', async () => {
    actAs(suspended);
    const { runSearchAction } = await import('@/lib/search/actions');
    await expect(call(runSearchAction, { q: 'pottery' })).rejects.toThrow(/NEXT_REDIRECT/);
    const [history] = await db.select({ n: count() }).from(searchHistory).where(eq(searchHistory.userId, suspended.id));
    expect(history.n).toBe(0);
  });

  it('is answered 403 by the signals route', async () => {
    actAs({ ...suspended, suspended: true });
    const { POST } = await import('@/app/api/signals/route');
    const response = await POST(new Request('https://hearth.example/api/signals', { method: 'POST', body: '{"events":[]}' }));
    expect(response.status).toBe(403);
  });
});
