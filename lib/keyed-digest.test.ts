import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

async function withSecret(secret: string) {
  vi.resetModules();
  vi.stubEnv('AUTH_SECRET', secret);
  return import('./keyed-digest');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('keyed digests', () => {
  it('cannot be recomputed without the server secret (no plain SHA-256 of the value)', async () => {
    const { keyedDigest } = await withSecret('first-secret-of-32-characters-long');
    const digest = keyedDigest('rate-limit', '203.0.113.7');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).not.toBe(crypto.createHash('sha256').update('203.0.113.7').digest('hex'));
    expect(keyedDigest('rate-limit', '203.0.113.7')).toBe(digest);
    const other = await withSecret('second-secret-of-32-characters-lg');
    expect(other.keyedDigest('rate-limit', '203.0.113.7')).not.toBe(digest);
  });

  it('gives each purpose its own key', async () => {
    const { keyedDigest } = await withSecret('first-secret-of-32-characters-long');
    expect(keyedDigest('rate-limit', 'maya_k')).not.toBe(keyedDigest('released-handle', 'maya_k'));
  });

  it('keys released handles too, while still matching the rows stored before', async () => {
    await withSecret('first-secret-of-32-characters-long');
    const { handleDigest, legacyHandleDigest } = await import('@/lib/privacy/handles');
    expect(handleDigest('maya_k')).not.toBe(legacyHandleDigest('maya_k'));
    expect(legacyHandleDigest('maya_k')).toBe(crypto.createHash('sha256').update('hearth:handle:maya_k').digest('hex'));
  });
});
