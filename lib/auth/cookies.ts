// Auth.js's cookies are httpOnly and SameSite=Lax; Secure (with the __Secure- prefix) whenever the request came over
// https. In production with an https AUTH_URL they are always Secure, so a proxy that forwards plain http cannot make
// them travel in the clear.
export function secureCookies(env: { NODE_ENV?: string; AUTH_URL?: string }): boolean | undefined {
  if (env.NODE_ENV === 'production' && env.AUTH_URL?.startsWith('https:')) return true;
  return undefined; // Auth.js decides per request: Secure over https
}
