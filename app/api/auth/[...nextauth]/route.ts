// Auth.js's own routes, on the origin the browser used (lib/auth/origin.ts).
import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/config';
import { onPublicOrigin } from '@/lib/auth/origin';
import { env } from '@/lib/env';

// A plain Request, not a NextRequest: NextURL writes a loopback address as "localhost" (127.0.0.1 → localhost), a
// different origin from the one the browser holds its cookies for. Auth.js reads only the URL, method, headers and
// body; next-auth reads `nextUrl` only when AUTH_URL is set, and then onPublicOrigin already used AUTH_URL's origin.
async function onOrigin(request: NextRequest): Promise<NextRequest> {
  const moved = await onPublicOrigin(request);
  return (moved === request || env.AUTH_URL ? request : moved) as NextRequest;
}

export async function GET(request: NextRequest) {
  return handlers.GET(await onOrigin(request));
}

export async function POST(request: NextRequest) {
  return handlers.POST(await onOrigin(request));
}
