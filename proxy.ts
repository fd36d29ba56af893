// Runs before every page request. It authorizes nothing (that happens beside the data, in lib/*/queries and
// actions). It sets the security headers with a per-request CSP nonce, and tells server code which path was
// asked for, so sign-in can send people back to it. While the database is down it answers pages with a 503.
import { NextResponse, type NextRequest } from 'next/server';
import { shouldAnswerUnavailable } from '@/db/connection';
import { env } from '@/lib/env';
import { securityHeaders, unavailablePage } from '@/lib/security-headers';

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const headers = securityHeaders(nonce, { dev: env.NODE_ENV === 'development', production: env.NODE_ENV === 'production' });
  // While the database is unreachable, pages get a short 503 page instead of an error (Server Actions still run:
  // they answer with a message of their own, beside the form).
  if (request.method === 'GET' && shouldAnswerUnavailable()) {
    return new NextResponse(unavailablePage, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store' } });
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-hearth-path', request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set('x-nonce', nonce);
  // `npm start` gave the request its id (scripts/server.mjs); `next dev` did not, so pages get one here.
  // (The header lib/log.ts names; not imported, so the proxy's bundle stays free of the logger.)
  if (!requestHeaders.has('x-request-id')) requestHeaders.set('x-request-id', crypto.randomUUID());
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|sw.js|offline.html|manifest.webmanifest|.*\\.(?:png|jpg|jpeg|svg|webp|ico|txt)$).*)',
      // Prefetches are not rendered pages of their own.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
