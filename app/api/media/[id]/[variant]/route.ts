// Serves uploaded images. Who may see one is decided on every request, before any bytes are read, so a cached copy
// must never outlive a change of mind: an image everyone may see is cached for a year only under its current
// versioned URL (lib/media/urls.ts; a change of visibility changes the URL), and everything else is
// `private, no-cache` — the browser keeps it but asks each time, and gets a 304 (no bytes read) while it is
// unchanged and still allowed.
import { getViewer } from '@/lib/auth/viewer';
import { getMediaAccess, readMediaBytes } from '@/lib/media/queries';
import { apiContentSecurityPolicy } from '@/lib/security-headers';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string; variant: string }> }) {
  const { id, variant } = await params;
  const version = new URL(request.url).searchParams.get('v');
  const image = await getMediaAccess(await getViewer(), id, variant, version);
  if (!image) return notFound();
  const longCached = image.cache === 'public' && image.current;
  const headers: Record<string, string> = {
    'Content-Type': image.contentType,
    'Cache-Control': longCached ? 'public, max-age=31536000, immutable' : 'private, no-cache',
    ETag: image.etag,
    // Also set for every route under /api by next.config.ts; here too, as this route serves what people upload.
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': apiContentSecurityPolicy,
  };
  // The same answer for everyone under a current public URL; otherwise it depends on who asks.
  if (!longCached) headers.Vary = 'Cookie';
  const match = request.headers.get('if-none-match');
  // If-None-Match compares weakly (RFC 9110): a W/ prefix a proxy added still matches.
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === image.etag)) return new Response(null, { status: 304, headers });
  const bytes = await readMediaBytes(image);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), { status: 200, headers: { ...headers, 'Content-Length': String(bytes.length) } });
}
