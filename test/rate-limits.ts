// Rate limits count in fixed windows of the wall clock (lib/rate-limit.ts), so a test that counts attempts up to a
// limit fails whenever a window turns in the middle of it: the five-second post limit did, and search's 120 a
// minute did on a loaded machine (121 requests, the last one counted in a fresh minute). Every test that turns the
// limits on does it here: the clock stands still (Date only; timers and performance.now run) until they are off
// again. Limits are off in every other test (vitest.config.ts); scripts/rate-limit-tests.test.ts checks that no
// test turns them on any other way.
import { vi } from 'vitest';
import { env } from '@/lib/env';

/** Limits on, Date frozen at `at` (now unless told), so every attempt of the test falls in one window. */
export function rateLimitsOn(at: Date = new Date()) {
  env.HEARTH_RATE_LIMITS = 'on';
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
}

/** Limits off, the clock running again. */
export function rateLimitsOff() {
  env.HEARTH_RATE_LIMITS = 'off';
  vi.useRealTimers();
}
