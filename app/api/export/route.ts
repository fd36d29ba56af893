// Download my data: the signed-in person's export archive, as a ZIP streamed while it is built. Never cached.
import { getViewer } from '@/lib/auth/viewer';
import { throttleExport } from '@/lib/privacy/limits';
import { getExportArchive } from '@/lib/privacy/queries';

export const dynamic = 'force-dynamic';

export async function GET() {
  const viewer = await getViewer();
  if (!viewer) {
    return new Response('Sign in to download your data.', { status: 401, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const verdict = await throttleExport(viewer);
  if (!verdict.allowed) {
    return new Response(verdict.message, {
      status: 429,
      headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(verdict.retryAfterSeconds) },
    });
  }
  const { filename, stream } = getExportArchive(viewer);
  return new Response(stream, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
