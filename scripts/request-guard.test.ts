import { describe, expect, it } from 'vitest';
import { actionBodyLimit, crossOriginAction, oversizedAction, settleClient, settleRequestId, trustFrom } from './request-guard.mjs';
import { maxUploadBytesPerSubmit } from '@/lib/media/limits';

function request(socket: string, headers: Record<string, string>, extra: { method?: string; url?: string } = {}) {
  return { method: extra.method ?? 'GET', url: extra.url ?? '/feed', socket: { remoteAddress: socket }, headers: { ...headers }, connection: { remoteAddress: socket } };
}

describe('the client address', () => {
  it('trusts no proxy by default: a written X-Forwarded-For is replaced by the socket address', () => {
    const req = request('198.51.100.9', { 'x-forwarded-for': '203.0.113.1', 'x-real-ip': '203.0.113.2', 'x-forwarded-host': 'evil.example', host: 'hearth.example' });
    expect(settleClient(req, trustFrom(undefined))).toBe('198.51.100.9');
    expect(req.headers['x-forwarded-for']).toBe('198.51.100.9');
    expect(req.headers).not.toHaveProperty('x-real-ip');
    expect(req.headers).not.toHaveProperty('x-forwarded-host');
  });

  it('behind one trusted hop, takes the entry the proxy appended, not the ones the client wrote', () => {
    const req = request('127.0.0.1', { 'x-forwarded-for': '203.0.113.1, 192.0.2.50', 'x-forwarded-host': 'hearth.example', 'x-forwarded-proto': 'https' });
    expect(settleClient(req, trustFrom('1'))).toBe('192.0.2.50');
    expect(req.headers['x-forwarded-host']).toBe('hearth.example');
    expect(req.headers['x-forwarded-proto']).toBe('https');
  });

  it('with a list of proxies, walks from the right past every trusted one', () => {
    const trust = trustFrom('loopback, 10.0.0.0/8');
    expect(settleClient(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.1, 192.0.2.50, 10.1.2.3' }), trust)).toBe('192.0.2.50');
    // A direct client that is not a trusted proxy gets its socket address, whatever it writes.
    expect(settleClient(request('192.0.2.77', { 'x-forwarded-for': '10.1.2.3' }), trust)).toBe('192.0.2.77');
  });

  it('refuses a setting it cannot read', () => {
    expect(() => trustFrom('not an address')).toThrow(/HEARTH_TRUSTED_PROXIES/);
  });
});

describe('cross-site Server Actions', () => {
  const post = (headers: Record<string, string>, url = '/settings/profile') => request('127.0.0.1', headers, { method: 'POST', url });

  it('refuses an action posted from another origin, by fetch or by a plain form', () => {
    expect(crossOriginAction(post({ host: 'hearth.example', origin: 'https://evil.example', 'next-action': 'abc' }))).toBe(true);
    expect(crossOriginAction(post({ host: 'hearth.example', origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' }))).toBe(true);
    expect(crossOriginAction(post({ host: 'hearth.example', origin: 'null', 'next-action': 'abc' }))).toBe(true);
  });

  it('lets same-origin actions, API routes and requests without an Origin through', () => {
    expect(crossOriginAction(post({ host: 'hearth.example', origin: 'https://hearth.example', 'next-action': 'abc' }))).toBe(false);
    expect(crossOriginAction(post({ host: '127.0.0.1:3000', 'x-forwarded-host': 'hearth.example', origin: 'https://hearth.example', 'next-action': 'abc' }))).toBe(false);
    expect(crossOriginAction(post({ host: 'hearth.example', origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, '/api/auth/callback/credentials'))).toBe(false);
    expect(crossOriginAction(post({ host: 'hearth.example', 'next-action': 'abc' }))).toBe(false);
    expect(crossOriginAction(request('127.0.0.1', { host: 'hearth.example', origin: 'https://evil.example' }))).toBe(false);
  });
});

describe('oversized Server Actions', () => {
  const post = (headers: Record<string, string>, url = '/settings/profile') => request('127.0.0.1', headers, { method: 'POST', url });

  it('refuses an action that declares more than the limit, before reading it', () => {
    const over = String(maxUploadBytesPerSubmit + 1);
    expect(oversizedAction(post({ 'next-action': 'abc', 'content-type': 'multipart/form-data; boundary=x', 'content-length': over }))).toBe(true);
    expect(oversizedAction(post({ 'next-action': 'abc', 'content-length': String(maxUploadBytesPerSubmit) }))).toBe(false);
    expect(oversizedAction(post({ 'next-action': 'abc' }))).toBe(false);
    expect(oversizedAction(post({ 'content-type': 'application/json', 'content-length': over }, '/api/signals'))).toBe(false);
  });

  it('uses the same limit as next.config.ts', () => {
    expect(actionBodyLimit).toBe(maxUploadBytesPerSubmit);
  });
});

describe('the request id', () => {
  it('gives each request a fresh id, in the request for Next and the log and in the answer, replacing one the client sent', () => {
    const answered: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (answered[name.toLowerCase()] = value) };
    const req = request('198.51.100.9', { 'x-request-id': 'chosen-by-the-client' });
    const id = settleRequestId(req, res);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(req.headers['x-request-id']).toBe(id);
    expect(answered['x-request-id']).toBe(id);
    expect(settleRequestId(request('198.51.100.9', {}), res)).not.toBe(id);
  });
});
