import fs from 'node:fs';
import path from 'node:path';
import { modifyRouteRegex } from 'next/dist/lib/redirect-status';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { afterEach, describe, expect, it, vi } from 'vitest';
import nextConfig from '@/next.config';
import { apiContentSecurityPolicy, apiHeaders, baselineHeaders, securityHeaders, svgContentSecurityPolicy, unavailablePage } from './security-headers';

describe('securityHeaders', () => {
  it('allows scripts only with the request’s nonce and forbids framing', () => {
    const h = securityHeaders('abc123', { dev: false, production: true });
    expect(h['Content-Security-Policy']).toContain(`script-src 'self' 'nonce-abc123' 'strict-dynamic'`);
    expect(h['Content-Security-Policy']).not.toContain('unsafe-eval');
    expect(h['Content-Security-Policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(h['Content-Security-Policy']).toContain(`frame-ancestors 'none'`);
    expect(h['Content-Security-Policy']).toContain(`object-src 'none'`);
    expect(h['Content-Security-Policy']).toContain(`base-uri 'self'`);
    expect(h['X-Frame-Options']).toBe('DENY');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });

  it('sends a strict referrer policy and turns off powerful browser features', () => {
    const h = securityHeaders('n', { dev: false, production: true });
    expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) expect(h['Permissions-Policy']).toContain(`${feature}=()`);
    // Only features browsers know: an unknown one (interest-cohort) fills every page's console with warnings.
    expect(h['Permissions-Policy']).not.toContain('interest-cohort');
  });

  it('sends HSTS in production only (two years, subdomains), never in development', () => {
    expect(securityHeaders('n', { dev: false, production: true })['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    const dev = securityHeaders('n', { dev: true, production: false });
    expect(dev['Strict-Transport-Security']).toBeUndefined();
    expect(dev['Content-Security-Policy']).toContain(`'unsafe-eval'`); // development tools evaluate code
  });

  it('has a plain, script-free page for when the database is unreachable', () => {
    expect(unavailablePage).toContain('Hearth will be right back');
    expect(unavailablePage).not.toMatch(/<script/i);
  });
});

/** Every route handler under app/api, as a path a request could take ([id] → a value, [...rest] → two segments). */
function apiRoutePaths() {
  const root = path.join(process.cwd(), 'app');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) found.push(path.relative(root, dir));
    }
  };
  walk(path.join(root, 'api'));
  return found.map((dir) =>
    '/' +
    dir
      .split(path.sep)
      .filter((segment) => !/^\(.*\)$/.test(segment)) // route groups are not in the URL
      .map((segment) => (/^\[\[?\.\.\./.test(segment) ? 'a/b' : /^\[.+\]$/.test(segment) ? 'x1' : segment))
      .join('/'),
  );
}

/** The headers next.config.ts gives a path, applied as Next applies them: in order, a later rule winning. */
async function configuredHeaders(pathname: string) {
  const rules = (await nextConfig.headers?.()) ?? [];
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    // Matched as Next's router builds header routes (buildCustomRoute in server/lib/router-utils/filesystem.js).
    const match = getPathMatch(rule.source, { strict: true, removeUnnamedParams: true, regexModifier: (regex) => modifyRouteRegex(regex) });
    if (match(pathname) === false) continue;
    for (const { key, value } of rule.headers) headers[key] = value;
  }
  return headers;
}

describe('next.config headers', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('finds the route handlers it is about', () => {
    const routes = apiRoutePaths();
    expect(routes).toEqual(expect.arrayContaining(['/api/media/x1/x1', '/api/export', '/api/search', '/api/signals', '/api/auth/a/b', '/api/avatar/x1/x1']));
  });

  it('gives every route handler under app/api the API baseline: nosniff, no framing, a CSP that runs nothing, same-origin resources', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    for (const route of apiRoutePaths()) {
      for (const pathname of [route, `${route}/`]) {
        const h = await configuredHeaders(pathname);
        expect(h['X-Content-Type-Options'], pathname).toBe('nosniff');
        expect(h['X-Frame-Options'], pathname).toBe('DENY');
        expect(h['Referrer-Policy'], pathname).toBe('strict-origin-when-cross-origin');
        expect(h['Cross-Origin-Resource-Policy'], pathname).toBe('same-origin');
        expect(h['Content-Security-Policy'], pathname).toMatch(/^default-src 'none';/);
        expect(h['Content-Security-Policy'], pathname).toContain(`frame-ancestors 'none'`);
        expect(h['Content-Security-Policy'], pathname).not.toMatch(/script-src/);
        expect(h['Strict-Transport-Security'], pathname).toBeUndefined();
      }
    }
    expect((await configuredHeaders('/api/media/x1/x1'))['Content-Security-Policy']).toBe(apiContentSecurityPolicy);
    // Generated avatars are SVG styled inline: the one declared exception, and still nothing runs.
    expect((await configuredHeaders('/api/avatar/thumbs/maya'))['Content-Security-Policy']).toBe(svgContentSecurityPolicy);
  });

  it('adds HSTS to every answer in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    for (const pathname of [...apiRoutePaths(), '/', '/feed', '/_next/static/chunks/main.js', '/icon.svg']) {
      expect((await configuredHeaders(pathname))['Strict-Transport-Security'], pathname).toBe('max-age=63072000; includeSubDomains');
    }
    expect(apiHeaders({ production: true })['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
  });

  it('gives pages, static files and prefetches the baseline too, leaving their CSP to proxy.ts (it carries a nonce)', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    for (const pathname of ['/', '/feed', '/u/maya', '/_next/static/chunks/main.js', '/icon.svg', '/favicon.ico', '/robots.txt']) {
      const h = await configuredHeaders(pathname);
      expect(h, pathname).toEqual(baselineHeaders({ production: false }));
      expect(h['Content-Security-Policy'], pathname).toBeUndefined();
    }
    // Pages get the same baseline values from proxy.ts, so the two never disagree.
    expect(securityHeaders('n', { dev: false, production: true })).toMatchObject(baselineHeaders({ production: true }));
  });
});
