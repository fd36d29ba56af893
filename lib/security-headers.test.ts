import { describe, expect, it } from 'vitest';
import { securityHeaders, unavailablePage } from './security-headers';

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
