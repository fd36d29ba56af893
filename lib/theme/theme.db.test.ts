// The theme switcher's action: anyone may set the cookie (signed out too); a value that is not a theme sets
// nothing, and no table changes either way.
import { describe, expect, it, vi } from 'vitest';
import { databaseFingerprint } from '@/test/db-fingerprint';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { setThemeAction } from './actions';
import { themeCookie } from './theme';

const jar = vi.hoisted(() => new Map<string, { value: string; options: unknown }>());
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => jar.get(name), set: (name: string, value: string, options: unknown) => void jar.set(name, { value, options }) }),
}));

const themeForm = (theme: string) => {
  const data = new FormData();
  data.set('theme', theme);
  return data;
};

describe('setThemeAction', () => {
  it('remembers a theme in a cookie for a year, for anyone, writing no table', async () => {
    const before = await databaseFingerprint();
    await expectAllowed(() => setThemeAction(themeForm('dark')), {
      effect: async () => {
        expect(jar.get(themeCookie)).toEqual({ value: 'dark', options: { path: '/', maxAge: 31_536_000, sameSite: 'lax' } });
        expect(await databaseFingerprint()).toEqual(before);
      },
    });
  });

  it('refuses a value that is not a theme, setting nothing', async () => {
    jar.clear();
    await expectRefused(() => setThemeAction(themeForm('neon')), { error: 'Choose the system, light or dark theme.' });
    await expectRefused(() => setThemeAction(new FormData()), { error: 'Choose the system, light or dark theme.' });
    expect(jar.size).toBe(0);
  });
});
