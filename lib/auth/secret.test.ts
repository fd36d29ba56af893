import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { instancesConfigurationProblem } from './secret';

const key = (bytes: number) => crypto.randomBytes(bytes).toString('base64');

describe('several instances and the Server Actions key', () => {
  it('refuses a production start of more than one instance without a shared key, and says how to make one', () => {
    const problem = instancesConfigurationProblem({ NODE_ENV: 'production', HEARTH_INSTANCES: 3 });
    expect(problem).toMatch(/HEARTH_INSTANCES is 3, but NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set/);
    expect(problem).toMatch(/openssl rand -base64 32/);
    expect(instancesConfigurationProblem({ NODE_ENV: 'production', HEARTH_INSTANCES: 2, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key(32) })).toBeNull();
  });

  it('lets one instance, and development, start without a key (a build embeds one of its own)', () => {
    expect(instancesConfigurationProblem({ NODE_ENV: 'production', HEARTH_INSTANCES: 1 })).toBeNull();
    expect(instancesConfigurationProblem({ NODE_ENV: 'production' })).toBeNull();
    expect(instancesConfigurationProblem({ NODE_ENV: 'development', HEARTH_INSTANCES: 4 })).toBeNull();
  });

  it('accepts only keys Next can import as AES keys: base64 of 16, 24 or 32 bytes', () => {
    for (const bytes of [16, 24, 32]) {
      expect(instancesConfigurationProblem({ NODE_ENV: 'production', HEARTH_INSTANCES: 2, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key(bytes) })).toBeNull();
    }
    // Unpadded base64 decodes the same for Next (atob), so it is fine too.
    expect(instancesConfigurationProblem({ NODE_ENV: 'production', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key(32).replace(/=+$/, '') })).toBeNull();
    for (const bad of [key(31), key(64), 'a-passphrase-of-32-characters!!!', 'not base64 at all ✓']) {
      // Wrong even for a single instance or in development: Next would fail on the first Server Action with a closure.
      expect(instancesConfigurationProblem({ NODE_ENV: 'development', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: bad }), bad).toMatch(/base64 of 16, 24 or 32 random bytes/);
    }
  });
});
