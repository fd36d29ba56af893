// Serves uploaded images. Media rows never change (a new upload is a new id), so responses may be cached for a
// year; the ETag lets a browser revalidate cheaply. Images a signed-out visitor may not see are cached privately.
import { getViewer } from '@/lib/auth/viewer';
import { getMediaVariant } from '@/lib/media/queries';

export async function GET(request: Request, { params }: { params: Promise<{ id: string; variant: string }> }) {
  const { id, variant } = await params;
  const image = await getMediaVariant(await getViewer(), id, variant);
  if (!image) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const headers = {
    'Content-Type': image.contentType,
    'Cache-Control': `${image.cache}, max-age=31536000, immutable`,
    ETag: image.etag,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
    // The answer depends on who asks (private images).
    Vary: 'Cookie',
  };
  const match = request.headers.get('if-none-match');
  if (match && match.split(',').some((tag) => tag.trim() === image.etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image.bytes), { status: 200, headers: { ...headers, 'Content-Length': String(image.bytes.length) } });
}
