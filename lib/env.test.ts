// The settings module: every variable Hearth reads is parsed here, with its bounds, and a bad one is named.
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('works with no settings at all (the embedded mode)', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: 'development', DATA_DIR: '.data', HEARTH_RATE_LIMITS: 'on', HEARTH_SEED: 'auto', HEARTH_INSTANCES: 1 });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.HEARTH_BENCH).toBeUndefined();
  });

  it('reads the app pool (DB_POOL_MAX, DB_IDLE_TIMEOUT_S, DB_CONNECT_TIMEOUT_S), empty meaning unset', () => {
    expect(parseEnv({ DB_POOL_MAX: '', DB_IDLE_TIMEOUT_S: undefined })).toMatchObject({ DB_POOL_MAX: undefined, DB_IDLE_TIMEOUT_S: undefined });
    expect(parseEnv({ DB_POOL_MAX: '25', DB_IDLE_TIMEOUT_S: '0', DB_CONNECT_TIMEOUT_S: '3' })).toMatchObject({ DB_POOL_MAX: 25, DB_IDLE_TIMEOUT_S: 0, DB_CONNECT_TIMEOUT_S: 3 });
  });

  it('refuses nonsense with the variable named', () => {
    expect(() => parseEnv({ DB_POOL_MAX: 'ten' })).toThrow('DB_POOL_MAX: DB_POOL_MAX must be a whole number of connections from 2 to 1000');
    expect(() => parseEnv({ DB_POOL_MAX: '1' })).toThrow(/DB_POOL_MAX/);
    expect(() => parseEnv({ DB_CONNECT_TIMEOUT_S: '0' })).toThrow(/DB_CONNECT_TIMEOUT_S/);
    expect(() => parseEnv({ DB_IDLE_TIMEOUT_S: '1.5' })).toThrow(/DB_IDLE_TIMEOUT_S/);
    expect(() => parseEnv({ PORT: '3000x' })).toThrow(/PORT/);
    expect(() => parseEnv({ HEARTH_BENCH: 'true' })).toThrow(/HEARTH_BENCH/);
    expect(() => parseEnv({ HEARTH_RATE_LIMITS: 'no' })).toThrow(/HEARTH_RATE_LIMITS/);
  });
});
