// The site's public origin for a request: AUTH_URL when set; else the host and protocol the request came to, as
// Next records them (scripts/request-guard.mjs keeps X-Forwarded-Host and -Proto only from trusted proxies).
import { env } from '@/lib/env';

export function originOf(headers: Headers): string | null {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  const host = headers.get('x-forwarded-host')?.split(',')[0].trim() || headers.get('host');
  if (!host) return null;
  const forwardedProto = headers.get('x-forwarded-proto')?.split(',')[0].trim();
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host) ? 'http' : 'https';
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * The request as Auth.js should see it: on the origin the browser used. Next builds a route handler's URL on the
 * server's own hostname (http://localhost:<port>), so without AUTH_URL Auth.js would send people there.
 */
export async function onPublicOrigin(request: Request): Promise<Request> {
  const origin = originOf(request.headers);
  const url = new URL(request.url);
  if (!origin || origin === url.origin) return request;
  const moved = new URL(`${url.pathname}${url.search}`, origin);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(moved, { method: request.method, headers: request.headers, body });
}
