// The sign-in door's limits, at the one place every way in passes (authorizeCredentials): per address, per account
// counting failures only, and known devices that a stranger's failures cannot lock out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { rules } from '@/lib/rate-limit';
import { authorizeCredentials, SignInLimited } from './credentials';
import { deviceCookieName, rememberDevice } from './device';
import { guardPasswordAttempt } from './throttle';
import { authenticate, createAccount } from './users';
import { rateLimitsOn, rateLimitsOff } from '@/test/rate-limits';

beforeAll(() => {
  // One moment for the whole file, so no fixed window ends halfway through a test.
  rateLimitsOn(new Date('2026-12-03T09:00:10Z'));
});
afterAll(() => {
  rateLimitsOff();
});

const unique = () => Math.random().toString(36).slice(2, 8);
const password = 'the owner’s real password';

async function owner() {
  const u = unique();
  const input = { name: 'Owner', handle: `owner_${u}`, email: `owner.${u}@example.org`, password };
  const created = await createAccount(db, input);
  if (!created.ok) throw new Error(created.message);
  return { ...input, id: created.userId };
}

/** A sign-in request as Auth.js hands it to authorize: the settled client address, and the browser's cookies. */
function request(address: string, cookie?: string) {
  const headers = new Headers({ 'x-forwarded-for': address });
  if (cookie) headers.set('cookie', cookie);
  return new Request('http://hearth.test/api/auth/callback/credentials', { method: 'POST', headers });
}

async function attempt(email: string, pass: string, address: string, cookie?: string) {
  try {
    const user = await authorizeCredentials({ email, password: pass }, request(address, cookie));
    return user ? 'signed-in' : 'wrong';
  } catch (error) {
    if (error instanceof SignInLimited) return 'limited';
    throw error;
  }
}

describe('sign-in limits in the credentials provider', () => {
  it('a stranger guessing from many addresses cannot lock the owner out of a device they signed in on before', async () => {
    const person = await owner();
    // The owner signed in on their laptop once: it holds a device cookie for this account.
    const laptop = `${deviceCookieName}=${rememberDevice(null, person.email)}`;
    const guesses = [];
    for (let i = 0; i < rules.signInPerAccount.limit + 5; i++) guesses.push(await attempt(person.email, `guess ${i}`, `203.0.113.${i + 1}`));
    // 25 failures were checked; every guess after them was refused without checking the password.
    expect(guesses.slice(0, rules.signInPerAccount.limit).every((g) => g === 'wrong')).toBe(true);
    expect(guesses.slice(rules.signInPerAccount.limit).every((g) => g === 'limited')).toBe(true);
    // The right password from a browser that never signed in waits too (the budget is the account's) …
    expect(await attempt(person.email, password, '198.51.100.1')).toBe('limited');
    // … but from the owner's own laptop, on any address, it signs in.
    expect(await attempt(person.email, password, '198.51.100.2', laptop)).toBe('signed-in');
  });

  it('a device cookie for one account, or a forged one, is no key to another account', async () => {
    const person = await owner();
    const other = await owner();
    for (let i = 0; i < rules.signInPerAccount.limit; i++) await attempt(person.email, `guess ${i}`, `192.0.2.${i + 1}`);
    const othersBrowser = `${deviceCookieName}=${rememberDevice(null, other.email)}`;
    const forged = `${deviceCookieName}=${othersBrowser.split('=')[1].split(':')[0]}:${'0'.repeat(32)}`;
    expect(await attempt(person.email, password, '198.51.100.3', othersBrowser)).toBe('limited');
    expect(await attempt(person.email, password, '198.51.100.4', forged)).toBe('limited');
    expect(await attempt(person.email, password, '198.51.100.5', `${deviceCookieName}=garbage`)).toBe('limited');
  });

  it('a known device has a failure budget of its own', async () => {
    const person = await owner();
    const laptop = `${deviceCookieName}=${rememberDevice(null, person.email)}`;
    const results = [];
    for (let i = 0; i <= rules.signInPerKnownDevice.limit; i++) results.push(await attempt(person.email, `typo ${i}`, `198.51.100.${i + 10}`, laptop));
    expect(results.slice(0, rules.signInPerKnownDevice.limit).every((r) => r === 'wrong')).toBe(true);
    expect(results.at(-1)).toBe('limited');
  });

  it('correct sign-ins are not counted against the account', async () => {
    const person = await owner();
    for (let i = 0; i < rules.signInPerAccount.limit + 3; i++) {
      expect(await attempt(person.email, password, `100.64.0.${i + 1}`)).toBe('signed-in');
    }
    expect(await attempt(person.email, 'one wrong guess', '100.64.1.1')).toBe('wrong');
  });

  it('limits an address across accounts: a one-password spray over 30 accounts checks 6 a minute', async () => {
    const now = new Date('2026-12-03T10:00:05Z');
    const accounts = await Promise.all(Array.from({ length: 30 }, () => owner()));
    const outcomes = [];
    for (const account of accounts) {
      const result = await guardPasswordAttempt(db, { address: '203.0.113.200', email: account.email, deviceId: null }, () => authenticate(db, { email: account.email, password: 'Summer2026!' }), now);
      outcomes.push(result.ok ? 'signed-in' : result.limited ? 'limited' : 'wrong');
    }
    expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(rules.signInPerIpMinute.limit);
    expect(outcomes.filter((o) => o === 'limited')).toHaveLength(30 - rules.signInPerIpMinute.limit);
  });

  it('counts parallel guesses before checking them, so a burst cannot slip past the budget', async () => {
    const person = await owner();
    const now = new Date('2026-12-03T11:00:00Z');
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        guardPasswordAttempt(db, { address: `203.0.114.${i + 1}`, email: person.email, deviceId: null }, () => authenticate(db, { email: person.email, password: `burst ${i}` }), now),
      ),
    );
    expect(burst.filter((r) => !r.ok && !r.limited)).toHaveLength(rules.signInPerAccount.limit);
  });
});
