// Recovery codes: ten per person, each 80 random bits written as four groups of four letters and digits. With that
// much entropy a plain SHA-256 is enough to keep them (no one can try 2^80 candidates), and unlike a keyed digest
// it survives a change of AUTH_SECRET — the moment a person may need them most.
import crypto from 'node:crypto';

export const recoveryCodeCount = 10;
// Crockford's base32: no I, L, O or U, so codes read aloud or copied by hand stay unambiguous.
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

export function newRecoveryCode(): string {
  const bytes = crypto.randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += alphabet[bytes[i] & 31];
  return out.match(/.{4}/g)!.join('-');
}

/** Case, spaces and dashes do not matter; letters people confuse with digits are read as the digits. */
export function normalizeRecoveryCode(code: string): string {
  return code
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[0-9a-z]{16}$/.test(normalizeRecoveryCode(code));
}

export function hashRecoveryCode(code: string): string {
  return crypto.createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}
