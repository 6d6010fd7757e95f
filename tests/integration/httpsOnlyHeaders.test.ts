/**
 * `upgrade-insecure-requests` and HSTS only where the request came over HTTPS: sent over plain http to
 * a LAN name they left the page blank (tests/e2e/plain-http-address.test.ts shows it in a browser).
 * Behind a proxy, X-Forwarded-Proto counts only when TRUST_PROXY says the proxy is ours.
 */
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
afterAll(() => db.close());
const app = (trustProxy: boolean) => createApp({ db, logger: pino({ level: 'silent' }), trustProxy });

describe('over plain http', () => {
  it('sends a CSP without upgrade-insecure-requests, and no HSTS', async () => {
    const response = await request(app(false)).get('/api/health');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    // Ignored by browsers from an untrusted origin, with an error in the console.
    expect(response.headers['cross-origin-opener-policy']).toBeUndefined();
  });

  it('ignores X-Forwarded-Proto: https from a proxy it was not told to trust', async () => {
    const response = await request(app(false)).get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('behind a trusted HTTPS proxy (TRUST_PROXY)', () => {
  it('sends upgrade-insecure-requests and HSTS', async () => {
    const response = await request(app(true)).get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('sends neither when the proxy says the request came over http', async () => {
    const response = await request(app(true)).get('/api/health').set('X-Forwarded-Proto', 'http');
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});
