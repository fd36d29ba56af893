// The two-factor actions, each from both sides: the person changing their own settings (the effect is checked),
// and a refused caller — signed out, a wrong code or password, someone else's passkey — after whom nothing changed.
// Passkeys are made and used by a software authenticator, as a browser would hand them over.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { passkeys, recoveryCodes, totpSecrets, users, webauthnChallenges } from '@/db/schema';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { authorizeCredentials, SecondFactorNeeded, SecondFactorRefused } from '../credentials';
import { hashPassword } from '../password';
import { softwareAuthenticator } from '@/test/software-authenticator';
import { currentCode, totpPeriod } from './totp';
import { rateLimitsOn, rateLimitsOff } from '@/test/rate-limits';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
// The request's headers; a test may take the host away (then Hearth does not know its own address).
const request = vi.hoisted(() => ({ host: 'hearth.example' as string | null }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ ...(request.host ? { host: request.host } : {}), 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.200' }),
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
  rateLimitsOn();
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

// Each action from both sides through test/proofs.ts. The limits are off here, so that a refused attempt is proved
// to write nothing at all (with them on, counting the attempt is the one write it makes; the tests above keep them on).
describe('proofs: allowed with its effect, refused with every table unchanged', () => {
  beforeAll(() => {
    rateLimitsOff();
  });
  afterAll(() => {
    rateLimitsOn();
  });
  const sessionEnded = 'Your session has ended — please sign in again.';

  it('an authenticator app: set up, confirmed, new recovery codes and turned off only by its person, with proof', async () => {
    const p = await person();
    const bystander = await person();
    const others = [bystander.id];
    actAs(null);
    await expectRefused(() => call(startTotpSetupAction, {}), { error: sessionEnded, others: [p.id, bystander.id] });
    actAs(p.viewer);
    await expectAllowed(() => call(startTotpSetupAction, {}), {
      changes: [totpSecrets],
      effect: async () => expect((await totpRow(p.id)).confirmedAt).toBeNull(),
    });
    const secret = (await pendingTotpSecret(db, p.id))!;
    await expectRefused(() => call(confirmTotpAction, { code: '000000' }), { error: 'Please fix the highlighted fields.', others });
    await expectRefused(() => call(confirmTotpAction, { code: '' }), { error: 'Please fix the highlighted fields.', others });
    actAs(null);
    await expectRefused(() => call(confirmTotpAction, { code: currentCode(secret) }), { error: sessionEnded, others: [p.id, bystander.id] });
    actAs(p.viewer);
    const confirmed = await expectAllowed(() => call(confirmTotpAction, { code: currentCode(secret, new Date(Date.now() - totpPeriod * 1000)) }), {
      changes: [totpSecrets, recoveryCodes],
      effect: async () => {
        expect((await totpRow(p.id)).confirmedAt).not.toBeNull();
        expect(await codeRows(p.id)).toHaveLength(10);
      },
    });
    expect((confirmed as { recoveryCodes?: string[] }).recoveryCodes).toHaveLength(10);
    // While an app is in force, another cannot be started over it.
    await expectRefused(() => call(startTotpSetupAction, {}), { error: 'Your authenticator app is already set up. Turn it off first to set up another.', others });

    await expectRefused(() => call(regenerateRecoveryCodesAction, { password: 'not the password' }), { error: 'That is not your password.', others });
    await expectRefused(() => call(regenerateRecoveryCodesAction, {}), { error: 'Type your password or a code from your app to confirm it is you.', others });
    actAs(bystander.viewer);
    await expectRefused(() => call(regenerateRecoveryCodesAction, { password }), { error: 'Turn on two-factor sign-in first.', others: [p.id] });
    actAs(p.viewer);
    const before = (await codeRows(p.id)).map((r) => r.codeHash).sort();
    await expectAllowed(() => call(regenerateRecoveryCodesAction, { password }), {
      changes: [recoveryCodes],
      effect: async () => expect((await codeRows(p.id)).map((r) => r.codeHash).sort()).not.toEqual(before),
    });

    await expectRefused(() => call(disableTotpAction, { password: 'not the password' }), { error: 'That is not your password.', others });
    await expectRefused(() => call(disableTotpAction, { code: '12' }), { error: /didn’t work/, others });
    actAs(null);
    await expectRefused(() => call(disableTotpAction, { password }), { error: sessionEnded, others: [p.id, bystander.id] });
    actAs(p.viewer);
    await expectAllowed(() => call(disableTotpAction, { password }), {
      changes: [totpSecrets, recoveryCodes],
      effect: async () => {
        expect(await totpRow(p.id)).toBeUndefined();
        expect(await codeRows(p.id)).toEqual([]);
      },
    });
  });

  it('passkeys: a challenge and a new passkey for the person who asked, removed by them only; a sign-in challenge for anyone', async () => {
    const p = await person();
    const stranger = await person();
    actAs(null);
    await expectRefused(() => passkeyRegistrationOptionsAction(), { error: sessionEnded, others: [p.id, stranger.id] });
    await expectRefused(() => registerPasskeyAction({ name: 'Laptop', response: '{}' }), { error: sessionEnded, others: [p.id, stranger.id] });

    actAs(p.viewer);
    const started = await expectAllowed(() => passkeyRegistrationOptionsAction(), { changes: [webauthnChallenges] });
    if (!('options' in started)) throw new Error(started.error);
    const device = softwareAuthenticator(origin);
    const answer = JSON.stringify(device.register(started.options));
    await expectRefused(() => registerPasskeyAction({ name: '', response: answer }), { error: 'Give the passkey a name, like “Laptop”.', others: [stranger.id] });
    await expectRefused(() => registerPasskeyAction({ name: 'Laptop', response: 'not json' }), { error: 'Your browser’s answer could not be read. Try again.', others: [stranger.id] });
    // Someone else answering this person's challenge is refused.
    actAs(stranger.viewer);
    await expectRefused(() => registerPasskeyAction({ name: 'Stolen', response: answer }), { error: /could not be checked/, others: [p.id] });
    actAs(p.viewer);
    const added = await expectAllowed(() => registerPasskeyAction({ name: 'Laptop', response: answer }), {
      changes: [passkeys, webauthnChallenges, recoveryCodes],
      effect: async () => expect(await db.select({ name: passkeys.name }).from(passkeys).where(eq(passkeys.userId, p.id))).toEqual([{ name: 'Laptop' }]),
    });
    expect(added.recoveryCodes).toHaveLength(10);
    // The same answer twice: its challenge is used up.
    await expectRefused(() => registerPasskeyAction({ name: 'Again', response: answer }), { error: /could not be checked/, others: [stranger.id] });

    const [key] = await db.select().from(passkeys).where(eq(passkeys.userId, p.id));
    actAs(stranger.viewer);
    await expectRefused(() => call(removePasskeyAction, { passkeyId: key.id }), { error: 'That passkey is already gone.', others: [p.id] });
    actAs(null);
    await expectRefused(() => call(removePasskeyAction, { passkeyId: key.id }), { error: sessionEnded, others: [p.id, stranger.id] });
    actAs(p.viewer);
    await expectAllowed(() => call(removePasskeyAction, { passkeyId: key.id }), {
      changes: [passkeys, recoveryCodes],
      effect: async () => expect(await codeRows(p.id)).toEqual([]),
    });

    // Signing in: anyone may ask for a challenge, on a site that knows its own address.
    actAs(null);
    const signIn = await expectAllowed(() => passkeySignInOptionsAction(), { changes: [webauthnChallenges] });
    expect('options' in signIn && signIn.options.rpId).toBe('hearth.example');
    request.host = null;
    try {
      await expectRefused(() => passkeySignInOptionsAction(), { error: 'Hearth does not know its own address, so passkeys cannot work here.', others: [p.id, stranger.id] });
      actAs(p.viewer);
      await expectRefused(() => passkeyRegistrationOptionsAction(), { error: 'Hearth does not know its own address, so passkeys cannot work here.', others: [stranger.id] });
    } finally {
      request.host = 'hearth.example';
    }
  });
});
