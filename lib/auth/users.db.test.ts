import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { profiles, users } from '@/db/schema';
import { authenticate, createAccount, isHandleTaken, suggestHandle } from './users';

const unique = () => Math.random().toString(36).slice(2, 8);
const account = (over: Partial<{ name: string; handle: string; email: string; password: string }> = {}) => {
  const u = unique();
  return { name: 'Maya Kim', handle: `maya_${u}`, email: `maya.${u}@example.org`, password: 'a long enough password', ...over };
};

describe('createAccount', () => {
  it('creates the person and their profile together, with a hashed password', async () => {
    const input = account();
    const result = await createAccount(db, input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [user] = await db.select().from(users).where(eq(users.id, result.userId));
    expect(user.handle).toBe(input.handle);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(input.password);
    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, result.userId));
    expect(profile).toMatchObject({ userId: result.userId });
  });

  it('refuses an email that differs only in case, naming the field', async () => {
    const first = account();
    await createAccount(db, first);
    const again = await createAccount(db, account({ email: first.email.toUpperCase() }));
    expect(again).toEqual({ ok: false, field: 'email', message: expect.stringContaining('already exists') });
  });

  it('refuses a handle that differs only in case, naming the field', async () => {
    const first = account();
    await createAccount(db, first);
    const again = await createAccount(db, account({ handle: first.handle.toUpperCase() }));
    expect(again).toMatchObject({ ok: false, field: 'handle' });
    expect(await isHandleTaken(db, first.handle.toUpperCase())).toBe(true);
  });

  it('leaves nothing behind when the account cannot be created', async () => {
    const first = account();
    await createAccount(db, first);
    const before = (await db.select().from(profiles)).length;
    await createAccount(db, account({ email: first.email }));
    expect((await db.select().from(profiles)).length).toBe(before);
  });
});

describe('authenticate', () => {
  it('accepts the right password, whatever the case of the email', async () => {
    const input = account();
    await createAccount(db, input);
    const user = await authenticate(db, { email: input.email.toUpperCase(), password: input.password });
    expect(user).toMatchObject({ email: input.email, sessionVersion: 0 });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const input = account();
    await createAccount(db, input);
    expect(await authenticate(db, { email: input.email, password: 'not the password' })).toBeNull();
    expect(await authenticate(db, { email: `nobody.${unique()}@example.org`, password: input.password })).toBeNull();
    expect(await authenticate(db, { email: '', password: '' })).toBeNull();
  });

  it('refuses password sign-in for an account without a password (OAuth only)', async () => {
    const u = unique();
    await db.insert(users).values({ email: `oauth.${u}@example.org`, handle: `oauth_${u}` });
    expect(await authenticate(db, { email: `oauth.${u}@example.org`, password: 'anything at all' })).toBeNull();
  });
});

describe('suggestHandle', () => {
  it('derives a valid, free handle from a name', async () => {
    const input = account({ handle: 'jo_ann_smith' });
    await createAccount(db, input);
    const handle = await suggestHandle(db, 'Jo-Ann Smith');
    expect(handle).toMatch(/^jo_ann_smith_\d+$/);
    expect(await isHandleTaken(db, handle)).toBe(false);
  });

  it('never suggests a reserved or too short handle', async () => {
    expect(await suggestHandle(db, 'admin')).not.toBe('admin');
    expect((await suggestHandle(db, 'X')).length).toBeGreaterThanOrEqual(3);
  });
});
