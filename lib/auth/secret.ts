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

/**
 * Several instances behind one balancer must share Next's Server Actions key: a page rendered by one instance posts
 * its actions to another, which cannot decrypt the closures without the same key ("Failed to find Server Action").
 * A build embeds a key of its own, so copies of one build agree; builds made separately do not. Refusing to start
 * without an explicit key when HEARTH_INSTANCES > 1 makes it a deliberate choice. A key that is set must be what Next
 * can use (base64 of 16, 24 or 32 bytes), or every Server Action with a closure fails at run time.
 */
export function instancesConfigurationProblem(e: { NODE_ENV: string; HEARTH_INSTANCES?: number; NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?: string }): string | null {
  const key = e.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  if (key) {
    let bytes = 0;
    try {
      bytes = atob(key).length; // as Next decodes it (encryption-utils.ts)
    } catch {
      // not base64 at all
    }
    if (![16, 24, 32].includes(bytes)) {
      return (
        'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not a key Next can use: it must be the base64 of 16, 24 or 32 random bytes. ' +
        'Generate one with `openssl rand -base64 32` and give every instance the same one.'
      );
    }
    return null;
  }
  if (e.NODE_ENV !== 'production' || (e.HEARTH_INSTANCES ?? 1) <= 1) return null;
  return (
    `HEARTH_INSTANCES is ${e.HEARTH_INSTANCES}, but NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set: forms would fail with ` +
    '"Failed to find Server Action" whenever the balancer sends a post to another instance than the one that drew the page. ' +
    'Generate a key with `openssl rand -base64 32`, give every instance the same one, and run the same build (.next) on all of them.'
  );
}
