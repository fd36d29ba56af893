// Security headers for every page: a Content-Security-Policy with a fresh nonce per request (Next puts it on its
// own scripts), no framing, no sniffing, a strict referrer policy, and HSTS in production.
export function securityHeaders(nonce: string, options: { dev: boolean; production: boolean }) {
  const csp = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? ` 'unsafe-eval'` : ''}`,
    // React sets style attributes (accent colours); no stylesheet is injected from elsewhere.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self' https://github.com https://accounts.google.com`,
    `frame-ancestors 'none'`,
  ].join('; ');
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (options.production) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}
