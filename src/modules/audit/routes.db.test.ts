import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('POST /api/v1/audit/verify', () => {
  it('answers the whole verification: the last hash (to anchor outside the database) and the unsealed count', async () => {
    const admin = await t.loginAs('admin');
    const r = await t.request(admin, { method: 'POST', url: '/api/v1/audit/verify', body: {} });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ ok: true, brokenAt: null, reason: null });
    expect(body.checked).toBeGreaterThan(0);
    expect(body.lastHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Number.isInteger(body.unsealed)).toBe(true);
  });
});
