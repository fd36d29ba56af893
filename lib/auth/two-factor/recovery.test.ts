import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCode, normalizeRecoveryCode } from './recovery';
import { currentCode, decryptSecret, encryptSecret, matchingStep, newTotpSecret, totpPeriod } from './totp';

describe('recovery codes', () => {
  it('are four groups of four, different each time, and read the same however they are typed', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    expect(newRecoveryCode()).not.toBe(code);
    expect(hashRecoveryCode(` ${code.toUpperCase().replaceAll('-', ' ')} `)).toBe(hashRecoveryCode(code));
    expect(normalizeRecoveryCode('OIL0-abcd')).toBe('0110abcd');
    expect(looksLikeRecoveryCode(code)).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});

describe('TOTP', () => {
  it('encrypts the secret so the stored value is not the secret, and reads it back', () => {
    const secret = newTotpSecret();
    const stored = encryptSecret(secret);
    expect(stored).not.toContain(secret);
    expect(decryptSecret(stored)).toBe(secret);
    const [v, iv, tag, data] = stored.split('.');
    const flipped = data.startsWith('A') ? `B${data.slice(1)}` : `A${data.slice(1)}`;
    expect(decryptSecret([v, iv, tag, flipped].join('.'))).toBeNull();
  });

  it('accepts the code of the step before and after now, and nothing further', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-12-06T10:00:15Z');
    const step = Math.floor(now.getTime() / 1000 / totpPeriod);
    const at = (steps: number) => new Date(now.getTime() + steps * totpPeriod * 1000);
    expect(matchingStep(secret, currentCode(secret, now), now)).toBe(step);
    expect(matchingStep(secret, currentCode(secret, at(-1)), now)).toBe(step - 1);
    expect(matchingStep(secret, currentCode(secret, at(1)), now)).toBe(step + 1);
    expect(matchingStep(secret, currentCode(secret, at(-3)), now)).toBeNull();
    expect(matchingStep(secret, 'abcdef', now)).toBeNull();
  });
});
