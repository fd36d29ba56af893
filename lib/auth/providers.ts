import type { Env } from '@/lib/env';

export type OAuthProvider = 'github' | 'google';

export const providerLabels: Record<OAuthProvider, string> = { github: 'GitHub', google: 'Google' };

/** OAuth sign-in is offered only for providers whose id and secret are both configured. */
export function enabledOAuthProviders(env: Pick<Env, 'AUTH_GITHUB_ID' | 'AUTH_GITHUB_SECRET' | 'AUTH_GOOGLE_ID' | 'AUTH_GOOGLE_SECRET'>) {
  return {
    github: Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
    google: Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET),
  } satisfies Record<OAuthProvider, boolean>;
}
