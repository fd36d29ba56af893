// Two-factor sign-in at the door every sign-in passes (authorizeCredentials): the password alone makes no session,
// a code is good once, recovery codes are single-use, and guessing codes is held by the same limits as passwords.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { passkeys, recoveryCodes, totpSecrets, webauthnChallenges } from '@/db/schema';
import { eraseAccountData, registry } from '@/lib/privacy/registry';
import { rules } from '@/lib/rate-limit';
import { authorizeCredentials, SecondFactorNeeded, SecondFactorRefused, SignInLimited } from '../credentials';
import { createAccount } from '../users';
import { confirmTotp, pendingTotpSecret, startTotpSetup, twoFactorSummary, spendRecoveryCode, spendTotpCode } from './store';
import { currentCode, totpPeriod } from './totp';
import { rateLimitsOn, rateLimitsOff } from '@/test/rate-limits';

const start = new Date('2026-12-06T09:00:10Z');
beforeAll(() => {
  rateLimitsOn(start);
});
afterAll(() => {
  rateLimitsOff();
});

const unique = () => Math.random().toString(36).slice(2, 8);
const password = 'a long and careful password';

async function person() {
  const u = unique();
  const input = { name: 'Tess', handle: `tess_${u}`, email: `tess.${u}@example.org`, password };
  const created = await createAccount(db, input);
  if (!created.ok) throw new Error(created.message);
  return { ...input, id: created.userId };
}

/** A person with an authenticator app in force; returns its secret and their recovery codes. */
async function withTotp() {
  const p = await person();
  expect(await startTotpSetup(db, p.id)).toEqual({ ok: true });
  const secret = (await pendingTotpSecret(db, p.id))!;
  // Confirmed a minute ago, so the code of "now" is not yet spent.
  const confirmed = await confirmTotp(db, p.id, currentCode(secret, new Date(start.getTime() - 60_000)), new Date(start.getTime() - 60_000));
  if (!confirmed.ok) throw new Error(confirmed.message);
  return { ...p, secret, codes: confirmed.recoveryCodes };
}

function request(address: string) {
  return new Request('http://hearth.test/api/auth/callback/credentials', { method: 'POST', headers: new Headers({ 'x-forwarded-for': address }) });
}

let addresses = 0;
/** Each attempt from an address of its own unless told, so the per-address limit stays out of tests about the rest. */
async function attempt(fields: { email: string; password: string; code?: string }, address = `192.0.2.${++addresses}`) {
  try {
    const user = await authorizeCredentials(fields, request(address));
    return user ? `signed-in:${user.id}` : 'wrong';
  } catch (error) {
    if (error instanceof SecondFactorNeeded) return 'second-factor-needed';
    if (error instanceof SecondFactorRefused) return 'code-refused';
    if (error instanceof SignInLimited) return 'limited';
    throw error;
  }
}

describe('setting up an authenticator app', () => {
  it('is not in force until a current code confirms it, and then gives ten recovery codes once', async () => {
    const p = await person();
    await startTotpSetup(db, p.id);
    const secret = (await pendingTotpSecret(db, p.id))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const [stored] = await db.select().from(totpSecrets).where(eq(totpSecrets.userId, p.id));
    expect(stored.secretCiphertext).not.toContain(secret);
    // Pending: the password alone still signs in.
    expect(await attempt(p)).toBe(`signed-in:${p.id}`);
    expect(await confirmTotp(db, p.id, '000000')).toMatchObject({ ok: false });
    expect((await twoFactorSummary(db, p.id)).totpSince).toBeNull();
    const confirmed = await confirmTotp(db, p.id, currentCode(secret));
    expect(confirmed.ok && confirmed.recoveryCodes).toHaveLength(10);
    const summary = await twoFactorSummary(db, p.id);
    expect(summary.totpSince).not.toBeNull();
    expect(summary.recoveryCodesLeft).toBe(10);
    // Only digests are kept.
    const rows = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, p.id));
    expect(rows.map((r) => r.codeHash)).not.toContain(confirmed.ok && confirmed.recoveryCodes[0]);
    // In force: the secret is no longer shown, and setting up again is refused.
    expect(await pendingTotpSecret(db, p.id)).toBeNull();
    expect(await startTotpSetup(db, p.id)).toMatchObject({ ok: false });
  });
});

describe('codes', () => {
  it('accept the steps next to now, refuse older ones, and refuse a code used once (replay within its window)', async () => {
    const p = await withTotp();
    const at = (steps: number) => new Date(start.getTime() + steps * totpPeriod * 1000);
    expect(await spendTotpCode(db, p.id, currentCode(p.secret, at(-3)), start)).toBe(false);
    expect(await spendTotpCode(db, p.id, currentCode(p.secret, at(-1)), start)).toBe(true);
    expect(await spendTotpCode(db, p.id, currentCode(p.secret, at(-1)), start)).toBe(false);
    expect(await spendTotpCode(db, p.id, currentCode(p.secret, start), start)).toBe(true);
    // Replayed a few seconds later, still inside its window: refused.
    expect(await spendTotpCode(db, p.id, currentCode(p.secret, start), new Date(start.getTime() + 5_000))).toBe(false);
    // An older code than the last one used is refused too, though still in the window.
    expect(await spendTotpCode(db, p.id, currentCode(p.secret, at(-1)), at(0))).toBe(false);
    // The next step's code is good.
    expect(await spendTotpCode(db, p.id, currentCode(p.secret, at(1)), at(1))).toBe(true);
  });

  it('take a recovery code once, however it is typed', async () => {
    const p = await withTotp();
    expect(await spendRecoveryCode(db, p.id, p.codes[0].toUpperCase().replaceAll('-', ' '))).toBe(true);
    expect(await spendRecoveryCode(db, p.id, p.codes[0])).toBe(false);
    expect((await twoFactorSummary(db, p.id)).recoveryCodesLeft).toBe(9);
    // Someone else's code is no good for this account.
    const other = await withTotp();
    expect(await spendRecoveryCode(db, p.id, other.codes[1])).toBe(false);
  });
});

describe('signing in with two-factor', () => {
  it('the right password alone makes no session; with a code or a recovery code it does, each once', async () => {
    const p = await withTotp();
    expect(await attempt(p)).toBe('second-factor-needed');
    expect(await attempt({ ...p, code: '123456' })).toBe('code-refused');
    // A wrong password with a right code is just a wrong password, and does not spend the code.
    const code = currentCode(p.secret);
    expect(await attempt({ ...p, password: 'not the password', code })).toBe('wrong');
    expect(await attempt({ ...p, code })).toBe(`signed-in:${p.id}`);
    expect(await attempt({ ...p, code })).toBe('code-refused');
    expect(await attempt({ ...p, code: p.codes[3] })).toBe(`signed-in:${p.id}`);
    expect(await attempt({ ...p, code: p.codes[3] })).toBe('code-refused');
  });

  it('guessing codes with the right password is limited like guessing passwords, and a limited attempt checks nothing', async () => {
    const p = await withTotp();
    const outcomes = [];
    // From many addresses, so only the account's budget is in play.
    for (let i = 0; i < rules.signInPerAccount.limit + 3; i++) outcomes.push(await attempt({ ...p, code: String(100000 + i) }, `198.51.100.${i + 1}`));
    expect(outcomes.slice(0, rules.signInPerAccount.limit).every((o) => o === 'code-refused' || o === 'signed-in:' + p.id)).toBe(true);
    expect(outcomes.slice(rules.signInPerAccount.limit)).toEqual(['limited', 'limited', 'limited']);
    // Now even the right code is refused without being checked — and so it is not spent either.
    const code = currentCode(p.secret);
    expect(await attempt({ ...p, code }, '203.0.113.50')).toBe('limited');
    const [row] = await db.select().from(totpSecrets).where(eq(totpSecrets.userId, p.id));
    expect(row.lastUsedStep).toBeLessThan(Math.floor(start.getTime() / 1000 / totpPeriod));
    // And from one address, the per-address limit holds codes too.
    const q = await withTotp();
    const fromOne = [];
    for (let i = 0; i < rules.signInPerIpMinute.limit + 1; i++) fromOne.push(await attempt({ ...q, code: String(200000 + i) }, '192.0.2.77'));
    expect(fromOne.at(-1)).toBe('limited');
  });
});

describe('in the privacy dashboard and export', () => {
  it('lists what is on and when, never a secret, and erasure removes every row', async () => {
    const p = await withTotp();
    const [key] = await db
      .insert(passkeys)
      .values({ userId: p.id, name: 'Laptop', credentialId: `cred-${p.id}`, publicKey: 'cHVibGljLWtleS1ieXRlcw' })
      .returning();
    await db.insert(webauthnChallenges).values({ challenge: `challenge-${p.id}`, purpose: 'register', userId: p.id, expiresAt: new Date(start.getTime() + 60_000) });
    const tables = ['totp_secrets', 'recovery_codes', 'passkeys', 'webauthn_challenges'];
    const exported = Object.fromEntries(
      await Promise.all(registry.filter((e) => tables.includes(e.table)).map(async (e) => [e.table, await e.export(db, p.id)] as const)),
    );
    expect(exported.totp_secrets).toEqual([{ setUpAt: expect.any(Date), enabledSince: expect.any(Date) }]);
    expect(exported.recovery_codes).toHaveLength(10);
    expect(exported.passkeys).toEqual([{ name: 'Laptop', createdAt: key.createdAt, lastUsedAt: null, syncedBetweenDevices: false }]);
    const text = JSON.stringify(exported);
    const [stored] = await db.select().from(totpSecrets).where(eq(totpSecrets.userId, p.id));
    for (const secret of [p.secret, stored.secretCiphertext, p.codes[0], key.publicKey, key.credentialId, `challenge-${p.id}`]) expect(text).not.toContain(secret);
    const hashes = await db.select({ h: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, p.id));
    for (const { h } of hashes) expect(text).not.toContain(h);

    await db.transaction((tx) => eraseAccountData(tx, p.id, { keepContent: false }));
    expect(await db.select().from(totpSecrets).where(eq(totpSecrets.userId, p.id))).toEqual([]);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, p.id))).toEqual([]);
    expect(await db.select().from(passkeys).where(eq(passkeys.userId, p.id))).toEqual([]);
    expect(await db.select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, p.id))).toEqual([]);
  });
});
