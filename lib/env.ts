// Configuration, read and validated once. Defaults make the embedded mode work with no .env at all.
import path from 'node:path';
import { z } from 'zod';

/** A whole number from min to max, written in digits only: `0x10`, `1e3` and `12.5` are refused, as scripts/server.mjs does. */
const wholeNumber = (name: string, unit: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number of ${unit} from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

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
  /** The port of `npm run dev` / `npm start` (scripts/server.mjs reads it too, with `-p` before it). */
  PORT: wholeNumber('PORT', 'port', 0, 65_535).optional(),
  HEARTH_SEED: z.enum(['auto', 'off']).default('auto'),
  /** `1` serves the load benchmark's floor page (/bench/floor, lib/bench/floor.ts); bench/load.ts sets it. Otherwise a 404. */
  HEARTH_BENCH: z.enum(['0', '1']).optional(),
  HEARTH_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  HEARTH_JOBS: z.enum(['on', 'off']).default('on'),
  /** Show outgoing mail at /dev/mail (to instance admins) and in the log; on by default in development, never in production. */
  HEARTH_MAILBOX: z.enum(['on', 'off']).optional(),
  /**
   * Where mail goes: smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://user:pass@host:465.
   * Unset, mail waits in the outbox (and, in development, shows at /dev/mail).
   */
  SMTP_URL: z
    .string()
    .url('SMTP_URL must be a URL like smtps://user:password@mail.example.org:465')
    .refine((u) => /^smtps?:\/\//.test(u), 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  /** The From of every mail: an address, or "Name <address>". Defaults to hearth@ the host of AUTH_URL (or localhost). */
  MAIL_FROM: z.string().min(3).max(320).optional(),
  /**
   * Which proxies' X-Forwarded-* headers to believe: unset (none), a hop count, or addresses and CIDRs. Applied by
   * scripts/server.mjs (scripts/request-guard.mjs), which rewrites X-Forwarded-For to the one resolved address.
   */
  HEARTH_TRUSTED_PROXIES: z.string().optional(),
  /**
   * How many app instances share the database. Above 1, production refuses to start without
   * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (lib/auth/secret.ts, instancesConfigurationProblem).
   */
  HEARTH_INSTANCES: wholeNumber('HEARTH_INSTANCES', 'instances', 1, 1000).default(1),
  /** Encrypts Server Action closures; every instance must have the same one (base64 of 16, 24 or 32 bytes). */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.string().optional(),
  // The app's pool on a PostgreSQL server, read by db/client.ts (getDatabase); unset, the defaults of
  // postgresPoolOptions there: 10 connections, 30 s idle, 5 s to connect.
  DB_POOL_MAX: wholeNumber('DB_POOL_MAX', 'connections', 2, 1000).optional(),
  DB_IDLE_TIMEOUT_S: wholeNumber('DB_IDLE_TIMEOUT_S', 'seconds', 0, 86_400).optional(),
  DB_CONNECT_TIMEOUT_S: wholeNumber('DB_CONNECT_TIMEOUT_S', 'seconds', 1, 600).optional(),
  /**
   * `on` (the default): statements run often are prepared on each connection (one round trip, no parsing, a cached
   * plan; db/connection.ts `shouldPrepare`). `off` for a pooler that cannot keep them (PgBouncer before 1.21 in
   * transaction mode).
   */
  DB_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  // `npm start` only, read and checked by scripts/server.mjs itself (which refuses to start on nonsense); listed here
  // so every setting is in one place, with the same bounds.
  /** Requests waiting for a turn beyond HEARTH_MAX_RENDERS in progress; more are answered 503 (default 256). */
  HEARTH_MAX_QUEUE: wholeNumber('HEARTH_MAX_QUEUE', 'requests', 0, 100_000).optional(),
  /** How long a request may wait for its turn before it is answered 503, in ms (default 10 000). */
  HEARTH_QUEUE_TIMEOUT_MS: wholeNumber('HEARTH_QUEUE_TIMEOUT_MS', 'milliseconds', 1, 600_000).optional(),
  /** On SIGTERM/SIGINT, how long requests in progress may take to finish before their connections close, in ms (default 10 000). */
  HEARTH_SHUTDOWN_MS: wholeNumber('HEARTH_SHUTDOWN_MS', 'milliseconds', 0, 600_000).optional(),
  /**
   * Web Push (lib/push): the VAPID key pair every instance signs pushes with (base64url, as `npx web-push
   * generate-vapid-keys` prints them) and who the push services may contact (mailto: or https:). Unset in
   * development: a pair is generated into DATA_DIR/vapid.json. Unset in production: push is off (the page says so).
   */
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, 'VAPID_PUBLIC_KEY must be a base64url P-256 public key').optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/, 'VAPID_PRIVATE_KEY must be a base64url P-256 private key').optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'VAPID_SUBJECT must be a mailto: or https:// address').optional(),
});

export type Env = z.infer<typeof schema>;

/** Parses settings from an environment (empty values count as unset); throws one message naming every bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const raw = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Hearth's configuration is invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function load(): Env {
  // Next writes NODE_ENV into its bundles at build time: read it as the literal expression so the running code agrees
  // with the build it is part of (a production build is production, whatever the shell says).
  return parseEnv({ ...process.env, NODE_ENV: process.env.NODE_ENV });
}

/**
 * Every setting Hearth reads, parsed once. Tests may assign a field (`env.HEARTH_RATE_LIMITS = 'on'`) to turn a
 * behaviour on for the tests about it; nothing else writes here.
 */
export const env = load();

/** Absolute path of the embedded database and local state (auth secret in development). */
export const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR);
