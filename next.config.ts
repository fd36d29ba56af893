import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships wasm and resolves files next to itself; argon2 and sharp are native: keep them out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'sharp', 'pg-boss'],
  // `next dev` opened at 127.0.0.1 would otherwise block its own HMR resources and never hydrate.
  allowedDevOrigins: ['127.0.0.1'],
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // Avatar and banner uploads (up to 5 MB, checked again in lib/media/process-image.ts) go through a Server
      // Action; the default 1 MB would refuse them before Hearth could explain why.
      bodySizeLimit: '6mb',
    },
  },
};

export default nextConfig;
