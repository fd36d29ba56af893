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
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  // In every production answer: browsers ignore it over plain http, and behind a proxy that ends TLS the request
  // Hearth sees is http even when the browser's is https.
  if (options.production) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}

/** What a page request gets while the database is unreachable: plain HTML, no script, reloading itself shortly. */
export const unavailablePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>Hearth will be right back</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1f2933;background:#fbf8f4}
@media (prefers-color-scheme:dark){body{color:#e8e2da;background:#1c1a18}}</style></head>
<body><main><h1>Hearth will be right back</h1>
<p>Hearth can’t reach its database for a moment. Nothing you saved is lost; this page tries again by itself in a few seconds.</p>
</main></body></html>`;
