// AUTH_SECRET: from the environment; in development, generated once and kept in the data directory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env } from '@/lib/env';

export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      'AUTH_SECRET is not set. A production Hearth needs a fixed secret to sign sessions: ' +
        'generate one with `openssl rand -base64 33` and start with AUTH_SECRET=<it> npm start.',
    );
  }
}

let cached: string | undefined;

export function resolveAuthSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (cached) return cached;
  if (env.NODE_ENV === 'production') throw new MissingAuthSecretError();
  const file = path.join(dataDir, 'auth-secret');
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    cached = crypto.randomBytes(33).toString('base64url');
    fs.writeFileSync(file, cached, { mode: 0o600 });
  }
  return cached;
}

/**
 * Production needs to know its public address: Auth.js refuses every sign-in from a host it was not told to trust
 * ("There was a problem with the server configuration", UntrustedHost in the log). Better not to start at all.
 */
export function hostConfigurationProblem(e: { NODE_ENV: string; AUTH_URL?: string; AUTH_TRUST_HOST?: string }): string | null {
  if (e.NODE_ENV !== 'production' || e.AUTH_URL || e.AUTH_TRUST_HOST === 'true' || e.AUTH_TRUST_HOST === '1') return null;
  return (
    'Hearth does not know its public address, so no one could sign in. Set AUTH_URL to the address people use ' +
    '(AUTH_URL=http://localhost:3000 on this computer, AUTH_URL=https://hearth.example for a site), or ' +
    'AUTH_TRUST_HOST=true behind a proxy that sets the Host header.'
  );
}
