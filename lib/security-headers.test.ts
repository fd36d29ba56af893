import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('allows scripts only with the request’s nonce and forbids framing', () => {
    const h = securityHeaders('abc123', { dev: false, production: true });
    expect(h['Content-Security-Policy']).toContain(`script-src 'self' 'nonce-abc123' 'strict-dynamic'`);
    expect(h['Content-Security-Policy']).not.toContain('unsafe-eval');
    expect(h['Content-Security-Policy']).toContain(`frame-ancestors 'none'`);
    expect(h['Content-Security-Policy']).toContain(`object-src 'none'`);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Strict-Transport-Security']).toMatch(/max-age=\d+/);
  });
  it('lets development tools evaluate code, and leaves HSTS off over plain http', () => {
    const h = securityHeaders('n', { dev: true, production: false });
    expect(h['Content-Security-Policy']).toContain(`'unsafe-eval'`);
    expect(h['Strict-Transport-Security']).toBeUndefined();
  });
});
