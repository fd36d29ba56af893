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
