import 'server-only';
import { oauthProviders } from './config';
import type { OAuthProvider } from './providers';

export function enabledProviders(): OAuthProvider[] {
  return (Object.keys(oauthProviders) as OAuthProvider[]).filter((p) => oauthProviders[p]);
}
