// Generated avatars as SVG. The picture is a pure function of the URL, so it is cached publicly for a year.
import { avatarShapes, type AvatarShape } from '@/lib/profiles/avatar-shapes';
import { isAvatarStyle } from '@/lib/profiles/avatar';
import { renderGeneratedAvatar } from '@/lib/profiles/generated-avatar';
import { svgContentSecurityPolicy } from '@/lib/security-headers';

export async function GET(request: Request, { params }: { params: Promise<{ style: string; seed: string }> }) {
  const { style, seed } = await params;
  const url = new URL(request.url);
  const bg = (url.searchParams.get('bg') ?? 'fbe7dc').toLowerCase();
  const shape = url.searchParams.get('shape') ?? 'circle';
  if (!isAvatarStyle(style) || !/^[0-9a-f]{6}$/.test(bg) || !(avatarShapes as readonly string[]).includes(shape) || seed.length > 64) {
    return new Response('Not found', { status: 404 });
  }
  const svg = renderGeneratedAvatar({ style, seed: seed.toLowerCase(), background: bg, shape: shape as AvatarShape });
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      // An SVG opened on its own runs nothing (next.config.ts sets the same policy for this path).
      'Content-Security-Policy': svgContentSecurityPolicy,
    },
  });
}
