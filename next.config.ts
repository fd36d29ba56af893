import type { NextConfig } from 'next';
import { apiHeaders, baselineHeaders, svgContentSecurityPolicy } from './lib/security-headers';

const list = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // PGlite ships wasm and resolves files next to itself; argon2 and sharp are native: keep them out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'sharp', 'pg-boss'],
  // `next dev` opened at 127.0.0.1 would otherwise block its own HMR resources and never hydrate.
  allowedDevOrigins: ['127.0.0.1'],
  poweredByHeader: false,
  // Every response gets the baseline headers here, declared once for its paths (pages get their nonce CSP from
  // proxy.ts on top). A later rule wins for a header both set, and these win over the same header set by a route
  // handler: Next keeps the header already on the response. lib/security-headers.test.ts checks every route file.
  async headers() {
    const production = process.env.NODE_ENV === 'production';
    return [
      { source: '/:path*', headers: list(baselineHeaders({ production })) },
      { source: '/api/:path*', headers: list(apiHeaders({ production })) },
      { source: '/api/avatar/:path*', headers: list({ 'Content-Security-Policy': svgContentSecurityPolicy }) },
    ];
  },
  experimental: {
    serverActions: {
      // Image uploads (up to 5 MB each, checked again in lib/media/process-image.ts) go through Server Actions; the
      // default 1 MB would refuse them before Hearth could explain why. Anything over this limit is refused by Next
      // with a bare error, so every upload control checks sizes in the browser first (lib/media/limits.ts, whose
      // maxUploadBytesPerSubmit must equal this: lib/media/limits.test.ts checks).
      bodySizeLimit: '6mb',
    },
  },
};

export default nextConfig;
