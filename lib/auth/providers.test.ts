import { describe, expect, it } from 'vitest';
import { enabledOAuthProviders } from './providers';

describe('enabledOAuthProviders', () => {
  it('offers nothing without configuration', () => {
    expect(enabledOAuthProviders({})).toEqual({ github: false, google: false });
  });
  it('needs both the id and the secret', () => {
    expect(enabledOAuthProviders({ AUTH_GITHUB_ID: 'id' })).toEqual({ github: false, google: false });
    expect(enabledOAuthProviders({ AUTH_GITHUB_ID: 'id', AUTH_GITHUB_SECRET: 's' })).toEqual({ github: true, google: false });
    expect(enabledOAuthProviders({ AUTH_GOOGLE_ID: 'id', AUTH_GOOGLE_SECRET: 's' })).toEqual({ github: false, google: true });
  });
});
