// Authenticator apps (TOTP, RFC 6238: SHA-1, 6 digits, 30-second steps — what every app reads from a QR code), and
// the encryption of their shared secret at rest: AES-256-GCM with a key derived from the server secret, so a copy
// of the database alone cannot mint codes. Rotating AUTH_SECRET makes stored secrets unreadable: people then sign
// in with a recovery code and set their app up again.
import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { resolveAuthSecret } from '@/lib/auth/secret';

export const totpPeriod = 30;
/** Codes from one step before or after now are accepted too: phones' clocks drift, and people type slowly. */
export const totpWindow = 1;

let key: Buffer | undefined;
function secretKey() {
  key ??= Buffer.from(crypto.hkdfSync('sha256', resolveAuthSecret(), 'hearth', 'hearth:totp-secret:v1', 32));
  return key;
}

export function encryptSecret(base32: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', secretKey(), iv);
  const data = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** The base32 secret, or null when it cannot be read (the server secret changed, or the value was tampered with). */
export function decryptSecret(stored: string): string | null {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !data) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', secretKey(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** A fresh 160-bit secret (RFC 4226's recommended length), base32 as apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(base32: string, label = '') {
  return new TOTP({ issuer: 'Hearth', label, algorithm: 'SHA1', digits: 6, period: totpPeriod, secret: Secret.fromBase32(base32) });
}

/** The otpauth:// address an app reads from the QR code. */
export function totpUri(base32: string, label: string): string {
  return totpFor(base32, label).toString();
}

/** The time step a code belongs to, or null when it is not a current code. */
export function matchingStep(base32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(base32).validate({ token, timestamp: now.getTime(), window: totpWindow });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / totpPeriod) + delta;
}

/** The code an app would show at `now` (tests and the development helper). */
export function currentCode(base32: string, now = new Date()): string {
  return totpFor(base32).generate({ timestamp: now.getTime() });
}
