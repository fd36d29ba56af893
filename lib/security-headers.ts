// Security headers, defined once: the baseline every response carries (pages, static files, route handlers), the
// policy for route handlers (next.config.ts declares both for their paths), and the per-request page headers with a
// fresh CSP nonce (Next puts it on its own scripts), which proxy.ts sets.

/** Route handlers answer data, files and redirects, never a document that should run or load anything. */
export const apiContentSecurityPolicy = `default-src 'none'; frame-ancestors 'none'`;

/** Generated avatars are SVG documents styled inline; opened on their own they still run and load nothing. */
export const svgContentSecurityPolicy = `default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'`;

/** What every response carries: no sniffing, no framing, a strict referrer policy, and HSTS in production. */
export function baselineHeaders(options: { production: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
  // In every production answer: browsers ignore it over plain http, and behind a proxy that ends TLS the request
  // Hearth sees is http even when the browser's is https.
  if (options.production) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}

/**
 * The baseline plus what fits every route handler: a CSP that lets nothing run, and no embedding by other sites
 * (everything under /api is fetched by Hearth's own pages; OAuth callbacks are navigations, which CORP leaves alone).
 */
export function apiHeaders(options: { production: boolean }): Record<string, string> {
  return { ...baselineHeaders(options), 'Content-Security-Policy': apiContentSecurityPolicy, 'Cross-Origin-Resource-Policy': 'same-origin' };
}

/** The headers of a page: the baseline, and a Content-Security-Policy with this request's nonce. */
export function securityHeaders(nonce: string, options: { dev: boolean; production: boolean }): Record<string, string> {
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
  return {
    ...baselineHeaders(options),
    'Content-Security-Policy': csp,
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
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
