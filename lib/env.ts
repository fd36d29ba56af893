// Configuration, read and validated once. Defaults make the embedded mode work with no .env at all.
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional(),
  AUTH_URL: z.string().url().optional(),
  AUTH_TRUST_HOST: z.enum(['true', 'false', '1', '0']).optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  HEARTH_SEED: z.enum(['auto', 'off']).default('auto'),
  HEARTH_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  HEARTH_JOBS: z.enum(['on', 'off']).default('on'),
  /** Show outgoing mail at /dev/mail and in the log; on by default in development only. */
  HEARTH_MAILBOX: z.enum(['on', 'off']).optional(),
  /**
   * Which proxies' X-Forwarded-* headers to believe: unset (none), a hop count, or addresses and CIDRs. Applied by
   * scripts/server.mjs (scripts/request-guard.mjs), which rewrites X-Forwarded-For to the one resolved address.
   */
  HEARTH_TRUSTED_PROXIES: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const raw = Object.fromEntries(Object.entries(process.env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Hearth's configuration is invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const env = load();

/** Absolute path of the embedded database and local state (auth secret in development). */
export const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR);
