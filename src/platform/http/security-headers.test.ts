import { describe, expect, it } from 'vitest';
import { securityHeaderSet } from './security-headers';

describe('security headers', () => {
  it('in development: our CSP, no HSTS, no upgrade of insecure requests', () => {
    const h = securityHeaderSet(false);
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(h['Content-Security-Policy']).toContain("script-src 'self'");
    expect(h['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
    expect(h['Strict-Transport-Security']).toBeUndefined();
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(h['Referrer-Policy']).toBe('no-referrer');
  });

  it('in production: HSTS and upgrade-insecure-requests', () => {
    const h = securityHeaderSet(true);
    expect(h['Strict-Transport-Security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(h['Content-Security-Policy']).toContain('upgrade-insecure-requests');
  });

  it('is computed once and cannot be changed by a request', () => {
    const h = securityHeaderSet(false);
    expect(Object.isFrozen(h)).toBe(true);
  });
});
