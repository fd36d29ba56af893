import { describe, expect, it } from 'vitest';
import { onPublicOrigin, originOf } from './origin';
import { hostConfigurationProblem } from './secret';

describe('the public origin of a request', () => {
  it('is the host and protocol the request came to, http only for this computer unless a proxy says otherwise', () => {
    expect(originOf(new Headers({ host: 'hearth.example' }))).toBe('https://hearth.example');
    expect(originOf(new Headers({ host: 'localhost:3000' }))).toBe('http://localhost:3000');
    expect(originOf(new Headers({ host: '127.0.0.1:3100', 'x-forwarded-host': 'hearth.example', 'x-forwarded-proto': 'https' }))).toBe('https://hearth.example');
    expect(originOf(new Headers({ host: 'hearth.example', 'x-forwarded-proto': 'http' }))).toBe('http://hearth.example');
    expect(originOf(new Headers({ host: 'bad host/' }))).toBeNull();
  });

  it('moves an Auth.js request from Next’s own hostname to that origin, body and headers intact', async () => {
    const body = new URLSearchParams({ csrfToken: 't', email: 'maya@example.org' });
    const moved = await onPublicOrigin(
      new Request('http://localhost:3100/api/auth/callback/credentials?x=1', {
        method: 'POST',
        headers: { host: 'hearth.example:8080', 'x-forwarded-proto': 'http', 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
    );
    expect(moved.url).toBe('http://hearth.example:8080/api/auth/callback/credentials?x=1');
    expect(moved.method).toBe('POST');
    expect(moved.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(await moved.text()).toBe(body.toString());
  });
});

describe('production host configuration', () => {
  it('refuses to start a production server that could not sign anyone in, and says what to set', () => {
    expect(hostConfigurationProblem({ NODE_ENV: 'production' })).toMatch(/AUTH_URL=http:\/\/localhost:3000.*AUTH_TRUST_HOST=true/);
    expect(hostConfigurationProblem({ NODE_ENV: 'production', AUTH_TRUST_HOST: 'false' })).not.toBeNull();
    expect(hostConfigurationProblem({ NODE_ENV: 'production', AUTH_URL: 'https://hearth.example' })).toBeNull();
    expect(hostConfigurationProblem({ NODE_ENV: 'production', AUTH_TRUST_HOST: 'true' })).toBeNull();
    expect(hostConfigurationProblem({ NODE_ENV: 'development' })).toBeNull();
  });
});
