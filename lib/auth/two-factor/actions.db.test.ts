// The two-factor actions, each from both sides: the person changing their own settings (the effect is checked),
// and a refused caller — signed out, a wrong code or password, someone else's passkey — after whom nothing changed.
// Passkeys are made and used by a software authenticator, as a browser would hand them over.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { passkeys, recoveryCodes, totpSecrets, users, webauthnChallenges } from '@/db/schema';
import { actAs, call } from '@/test/actions';
import { authorizeCredentials, SecondFactorNeeded, SecondFactorRefused } from '../credentials';
import { hashPassword } from '../password';
import { softwareAuthenticator } from './software-authenticator';
import { currentCode, totpPeriod } from './totp';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'hearth.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.200' }),
}));
const origin = 'https://hearth.example';

const {
  confirmTotpAction,
  disableTotpAction,
  passkeyRegistrationOptionsAction,
  passkeySignInOptionsAction,
  regenerateRecoveryCodesAction,
  registerPasskeyAction,
  removePasskeyAction,
  startTotpSetupAction,
} = await import('./actions');
const { pendingTotpSecret } = await import('./store');

const password = 'correct horse battery staple';
let passwordHash: string;
beforeAll(async () => {
  process.env.HEARTH_RATE_LIMITS = 'on';
  passwordHash = await hashPassword(password);
});

let n = 0;
async function person() {
  const handle = `tf_${++n}_${Math.random().toString(36).slice(2, 8)}`;
  const [u] = await db.insert(users).values({ name: 'Two Factor', email: `${handle}@example.org`, handle, passwordHash }).returning();
  const viewer = { id: u.id, handle: u.handle, name: 'Two Factor', image: null };
  return { ...u, viewer };
}

const totpRow = async (userId: string) => (await db.select().from(totpSecrets).where(eq(totpSecrets.userId, userId)))[0];
const codeRows = async (userId: string) => db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId));

/** Sets up and confirms an app for the person, through the actions; returns the secret and the recovery codes. */
async function enableTotp(p: Awaited<ReturnType<typeof person>>) {
  actAs(p.viewer);
  expect((await call(startTotpSetupAction, {})).success).toContain('Scan the code');
  const secret = (await pendingTotpSecret(db, p.id))!;
  // The previous step's code, so the current one is still unspent for the test.
  const confirmed = await call(confirmTotpAction, { code: currentCode(secret, new Date(Date.now() - totpPeriod * 1000)) });
  const codes = (confirmed as { recoveryCodes?: string[] }).recoveryCodes;
  expect(codes).toHaveLength(10);
  return { secret, codes: codes! };
}

describe('authenticator app', () => {
  it('turns on only with a current code from the app; a wrong code changes nothing', async () => {
    const p = await person();
    actAs(p.viewer);
    await call(startTotpSetupAction, {});
    const refused = await call(confirmTotpAction, { code: '000000' });
    expect(refused.fieldErrors?.code).toContain('didn’t match');
    expect((await totpRow(p.id)).confirmedAt).toBeNull();
    expect(await codeRows(p.id)).toEqual([]);
    const secret = (await pendingTotpSecret(db, p.id))!;
    const confirmed = await call(confirmTotpAction, { code: currentCode(secret) });
    expect(confirmed.success).toContain('Two-factor sign-in is on');
    expect((await totpRow(p.id)).confirmedAt).not.toBeNull();
    expect(await codeRows(p.id)).toHaveLength(10);
  });

  it('turns off with the password or a code, not with a wrong one, and only for the caller', async () => {
    const p = await person();
    const { secret } = await enableTotp(p);
    const other = await person();
    await enableTotp(other);
    actAs(p.viewer);
    expect((await call(disableTotpAction, { password: 'not it' })).error).toBe('That is not your password.');
    expect((await call(disableTotpAction, { code: '123456' })).error).toContain('didn’t work');
    expect((await call(disableTotpAction, {})).error).toContain('Type your password or a code');
    expect((await totpRow(p.id)).confirmedAt).not.toBeNull();
    expect(await codeRows(p.id)).toHaveLength(10);
    expect((await call(disableTotpAction, { code: currentCode(secret) })).success).toContain('no longer signs you in');
    expect(await totpRow(p.id)).toBeUndefined();
    expect(await codeRows(p.id)).toEqual([]);
    // The other person's app is untouched.
    expect((await totpRow(other.id)).confirmedAt).not.toBeNull();
    expect(await codeRows(other.id)).toHaveLength(10);
  });

  it('makes new recovery codes with the password (the old ones stop working), and not with a wrong one', async () => {
    const p = await person();
    const { codes } = await enableTotp(p);
    actAs(p.viewer);
    const before = (await codeRows(p.id)).map((r) => r.codeHash).sort();
    expect((await call(regenerateRecoveryCodesAction, { password: 'wrong password' })).error).toBe('That is not your password.');
    expect((await codeRows(p.id)).map((r) => r.codeHash).sort()).toEqual(before);
    const fresh = await call(regenerateRecoveryCodesAction, { password });
    expect((fresh as { recoveryCodes?: string[] }).recoveryCodes).toHaveLength(10);
    expect((await codeRows(p.id)).map((r) => r.codeHash).sort()).not.toEqual(before);
    const request = new Request(`${origin}/api/auth/callback/credentials`, { method: 'POST', headers: { 'x-forwarded-for': '192.0.2.201' } });
    await expect(authorizeCredentials({ email: p.email, password, code: codes[0] }, request)).rejects.toBeInstanceOf(SecondFactorRefused);
  });

  it('refuses new recovery codes to someone without two-factor', async () => {
    const p = await person();
    actAs(p.viewer);
    expect((await call(regenerateRecoveryCodesAction, { password })).error).toBe('Turn on two-factor sign-in first.');
    expect(await codeRows(p.id)).toEqual([]);
  });
});

describe('passkeys', () => {
  it('are added by answering a challenge handed to the same person, once; signed out, nothing is handed out or kept', async () => {
    const p = await person();
    actAs(null);
    expect(await passkeyRegistrationOptionsAction()).toEqual({ error: 'Your session has ended — please sign in again.' });
    expect(await registerPasskeyAction({ name: 'Laptop', response: '{}' })).toEqual({ error: 'Your session has ended — please sign in again.' });
    expect(await db.select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, p.id))).toEqual([]);

    actAs(p.viewer);
    const started = await passkeyRegistrationOptionsAction();
    if (!('options' in started)) throw new Error(started.error);
    expect(started.options.rp.id).toBe('hearth.example');
    const device = softwareAuthenticator(origin);
    const response = device.register(started.options);
    // Another person cannot use this person's challenge.
    const stranger = await person();
    actAs(stranger.viewer);
    expect((await registerPasskeyAction({ name: 'Stolen', response: JSON.stringify(response) })).error).toContain('could not be checked');
    expect(await db.select().from(passkeys).where(eq(passkeys.userId, stranger.id))).toEqual([]);
    // An answer made on another site is refused.
    actAs(p.viewer);
    expect((await registerPasskeyAction({ name: 'Phish', response: JSON.stringify(device.register(started.options, 'https://evil.example')) })).error).toBeTruthy();

    const again = await passkeyRegistrationOptionsAction();
    if (!('options' in again)) throw new Error(again.error);
    const answer = JSON.stringify(device.register(again.options));
    const added = await registerPasskeyAction({ name: 'Laptop', response: answer });
    expect(added.success).toContain('Laptop');
    expect(added.recoveryCodes).toHaveLength(10);
    const [key] = await db.select().from(passkeys).where(eq(passkeys.userId, p.id));
    expect(key).toMatchObject({ name: 'Laptop', credentialId: device.id });
    // The same answer again: its challenge is used up.
    expect((await registerPasskeyAction({ name: 'Twice', response: answer })).error).toBeTruthy();
    expect(await db.select().from(passkeys).where(eq(passkeys.userId, p.id))).toHaveLength(1);
  });

  it('confirm a password sign-in; an answer is good once, and another person’s passkey does not count', async () => {
    const p = await person();
    actAs(p.viewer);
    const device = softwareAuthenticator(origin);
    const reg = await passkeyRegistrationOptionsAction();
    if (!('options' in reg)) throw new Error(reg.error);
    expect((await registerPasskeyAction({ name: 'Phone', response: JSON.stringify(device.register(reg.options)) })).success).toBeTruthy();

    let address = 10;
    const attempt = async (fields: Record<string, string>) => {
      const request = new Request(`${origin}/api/auth/callback/credentials`, {
        method: 'POST',
        headers: { host: 'hearth.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': `198.51.100.${++address}` },
      });
      try {
        return (await authorizeCredentials({ email: p.email, password, ...fields }, request))?.id ?? 'wrong';
      } catch (error) {
        if (error instanceof SecondFactorNeeded) return `needed:${JSON.stringify(error.factors)}`;
        if (error instanceof SecondFactorRefused) return 'refused';
        throw error;
      }
    };
    expect(await attempt({})).toBe('needed:{"totp":false,"passkey":true}');
    actAs(null);
    const signIn = await passkeySignInOptionsAction();
    if (!('options' in signIn)) throw new Error(signIn.error);
    const answer = JSON.stringify(device.answer(signIn.options));
    expect(await attempt({ passkey: answer })).toBe(p.id);
    expect(await attempt({ passkey: answer })).toBe('refused');
    expect((await db.select().from(passkeys).where(eq(passkeys.userId, p.id)))[0].lastUsedAt).not.toBeNull();
    // Someone else's passkey answering for this account is refused.
    const other = await person();
    actAs(other.viewer);
    const otherDevice = softwareAuthenticator(origin);
    const otherReg = await passkeyRegistrationOptionsAction();
    if (!('options' in otherReg)) throw new Error(otherReg.error);
    await registerPasskeyAction({ name: 'Other', response: JSON.stringify(otherDevice.register(otherReg.options)) });
    const second = await passkeySignInOptionsAction();
    if (!('options' in second)) throw new Error(second.error);
    expect(await attempt({ passkey: JSON.stringify(otherDevice.answer(second.options)) })).toBe('refused');
    expect(await attempt({ passkey: 'not json' })).toBe('refused');
  });

  it('are removed by their owner only; with the last one go the recovery codes', async () => {
    const p = await person();
    const [key] = await db.insert(passkeys).values({ userId: p.id, name: 'Key', credentialId: `cred-${p.id}`, publicKey: 'AA' }).returning();
    await db.insert(recoveryCodes).values({ userId: p.id, codeHash: 'x'.repeat(64) });
    const stranger = await person();
    actAs(stranger.viewer);
    expect((await call(removePasskeyAction, { passkeyId: key.id })).error).toBe('That passkey is already gone.');
    expect(await db.select().from(passkeys).where(eq(passkeys.id, key.id))).toHaveLength(1);
    actAs(null);
    expect((await call(removePasskeyAction, { passkeyId: key.id })).error).toBe('Your session has ended — please sign in again.');
    expect(await db.select().from(passkeys).where(eq(passkeys.id, key.id))).toHaveLength(1);
    actAs(p.viewer);
    expect((await call(removePasskeyAction, { passkeyId: key.id })).success).toBe('Passkey removed.');
    expect(await db.select().from(passkeys).where(eq(passkeys.id, key.id))).toEqual([]);
    expect(await codeRows(p.id)).toEqual([]);
  });
});
