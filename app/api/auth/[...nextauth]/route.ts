// Auth.js's own routes, on the origin the browser used (lib/auth/origin.ts).
import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/config';
import { onPublicOrigin } from '@/lib/auth/origin';

export async function GET(request: NextRequest) {
  return handlers.GET(new NextRequest(await onPublicOrigin(request)));
}

export async function POST(request: NextRequest) {
  return handlers.POST(new NextRequest(await onPublicOrigin(request)));
}
