import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditLog } from '../src/platform/audit/audit';
import { SYSTEM_ACTOR } from '../src/platform/auth/roles';
import { createTestApp, type TestApp } from '../src/platform/testing';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('operational endpoints', () => {
  it('/health answers without touching the database', async () => {
    const r = await t.request(null, { method: 'GET', url: '/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok' });
  });

  it('/ready checks the database and pending migrations', async () => {
    const r = await t.request(null, { method: 'GET', url: '/ready' });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('ready');
  });

  it('/metrics exposes Prometheus text with request durations', async () => {
    await t.request(null, { method: 'GET', url: '/health' });
    const r = await t.request(null, { method: 'GET', url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/plain/);
    expect(r.body).toMatch(/http_request_duration_seconds_bucket/);
    expect(r.body).toMatch(/outbox_pending_events/);
  });

  it('/metrics tells how many audit rows wait for the sealer', async () => {
    const gauge = async () => {
      const r = await t.request(null, { method: 'GET', url: '/metrics' });
      const m = /^audit_unsealed_rows (\d+)$/m.exec(r.body);
      expect(m, r.body).not.toBeNull();
      return Number(m![1]);
    };
    await sealAuditLog(t.deps.db);
    expect(await gauge()).toBe(0);
    const ctx = { actor: SYSTEM_ACTOR, requestId: 'req-metricas' };
    for (let i = 0; i < 3; i++) {
      await t.deps.audit.recordNow(ctx, { action: 'read', resourceType: 'metricas', resourceId: String(i) });
    }
    expect(await gauge()).toBe(3);
    await sealAuditLog(t.deps.db);
    expect(await gauge()).toBe(0);
  });

  it('publishes an OpenAPI 3 document with every /api/v1 route and interactive docs', async () => {
    const r = await t.request(null, { method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const missing = t.built.routes.map((x) => `${x.method} ${x.url}`).filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
    const ui = await t.request(null, { method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });

  it('sends security headers and problem+json for unknown routes', async () => {
    const r = await t.request(null, { method: 'GET', url: '/api/v1/nao-existe' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().title).toBe('Não encontrado');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(r.headers['x-frame-options']).toBeDefined();
    // The same headers on a success and on a denial raised before the handler.
    for (const res of [
      await t.request(null, { method: 'GET', url: '/health' }),
      await t.request(null, { method: 'GET', url: '/api/v1/auth/me' }),
    ]) {
      expect(res.headers['content-security-policy']).toBe(r.headers['content-security-policy']);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('forbids caching of API answers (personal data), not of the public documentation', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/nao-existe']) {
      const res = await t.request(null, { method: 'GET', url });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const doc = await t.request(null, { method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['cache-control']).toBeUndefined();
  });

  it('echoes a valid X-Request-Id and generates one otherwise', async () => {
    const r = await t.request(null, {
      method: 'GET',
      url: '/api/v1/nao-existe',
      headers: { 'x-request-id': 'abc12345-req' },
    });
    expect(r.json().requestId).toBe('abc12345-req');
    const g = await t.request(null, {
      method: 'GET',
      url: '/api/v1/nao-existe',
      headers: { 'x-request-id': '<script>' },
    });
    expect(g.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
