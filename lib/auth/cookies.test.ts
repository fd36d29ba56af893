// Hearth's cookie setting through Auth.js itself: a real sign-in round trip, and the Set-Cookie it answers with.
import { Auth } from '@auth/core';
import Credentials from '@auth/core/providers/credentials';
import { describe, expect, it } from 'vitest';
import { secureCookies } from './cookies';

async function signInCookies(origin: string, env: { NODE_ENV: string; AUTH_URL?: string }) {
  const config = {
    secret: 'a-test-secret-of-enough-length-0123456789',
    trustHost: true,
    basePath: '/api/auth',
    session: { strategy: 'jwt' as const },
    useSecureCookies: secureCookies(env),
    providers: [Credentials({ credentials: { email: {}, password: {} }, authorize: async () => ({ id: 'u1', email: 'maya@example.org' }) })],
  };
  const csrf = await Auth(new Request(`${origin}/api/auth/csrf`), config);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await Auth(
    new Request(`${origin}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar },
      body: new URLSearchParams({ csrfToken, email: 'maya@example.org', password: 'x', callbackUrl: `${origin}/feed` }),
    }),
    config,
  );
  const session = response.headers.getSetCookie().find((c) => /authjs\.session-token=/.test(c));
  expect(session, 'the sign-in set a session cookie').toBeDefined();
  return session!.split(';').map((p) => p.trim());
}

describe('auth cookies', () => {
  it('in production with an https AUTH_URL: __Secure-, Secure, HttpOnly, SameSite=Lax — even if the request reached Hearth as http', async () => {
    const parts = await signInCookies('http://internal:3000', { NODE_ENV: 'production', AUTH_URL: 'https://hearth.example' });
    expect(parts[0]).toMatch(/^__Secure-authjs\.session-token=/);
    expect(parts).toContain('Secure');
    expect(parts).toContain('HttpOnly');
    expect(parts).toContain('SameSite=Lax');
    expect(parts).toContain('Path=/');
  });

  it('over https without AUTH_URL they are Secure too; over plain http in development, HttpOnly and Lax but not Secure', async () => {
    expect(await signInCookies('https://hearth.example', { NODE_ENV: 'production' })).toContain('Secure');
    const dev = await signInCookies('http://localhost:3000', { NODE_ENV: 'development' });
    expect(dev[0]).toMatch(/^authjs\.session-token=/);
    expect(dev).not.toContain('Secure');
    expect(dev).toContain('HttpOnly');
    expect(dev).toContain('SameSite=Lax');
  });
});
