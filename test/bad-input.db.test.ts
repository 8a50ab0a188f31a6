import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../src/platform/testing';

/**
 * Property-based robustness of the API contracts: whatever a client sends — malformed JSON,
 * wrong types, invalid CPFs, oversized bodies — the answer is a 4xx problem+json, never a 500.
 * Runs against every POST route, as an administrator (who passes the permission check and so
 * reaches validation and the handlers).
 */
let t: TestApp;
let admin: TestSession;
let citizenOk: TestSession;
beforeAll(async () => {
  t = await createTestApp({ config: { BODY_LIMIT_BYTES: '65536', AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  admin = await t.loginAs('admin');
  citizenOk = await t.loginAs('citizen', { cpf: '52998224725' });
});
afterAll(async () => t?.close());

const fill = (url: string) => url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
const postRoutes = () => t.built.routes.filter((r) => r.method === 'POST' && !r.url.endsWith('/logout'));

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  where: string,
) {
  expect(res.statusCode, `${where}: ${res.body}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${where}: ${res.body}`).toBeLessThan(500);
  expect(String(res.headers['content-type']), where).toContain('application/problem+json');
  const p = JSON.parse(res.body);
  expect(typeof p.title, where).toBe('string');
  expect(p.status, where).toBe(res.statusCode);
}

describe('bad input never yields a 500', () => {
  it('random JSON values on every POST route', async () => {
    const routes = postRoutes();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue({ maxDepth: 3 }), async (route, value) => {
        const res = await t.request(admin, {
          method: 'POST',
          url: fill(route.url),
          body: JSON.stringify(value),
          headers: { 'content-type': 'application/json' },
        });
        if (res.statusCode < 400) return; // some bodies are valid for some routes
        expectProblem(res, `${route.url} ${JSON.stringify(value).slice(0, 80)}`);
      }),
      { numRuns: 150 },
    );
  });

  it('records with fields of the wrong type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          login: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())),
          name: fc.oneof(fc.string(), fc.double(), fc.boolean()),
          role: fc.oneof(fc.constantFrom('citizen', 'admin', 'ROOT', ''), fc.integer()),
          password: fc.oneof(fc.string({ maxLength: 200 }), fc.constant(null)),
          unitId: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        }),
        async (body) => {
          const res = await t.request(admin, { method: 'POST', url: '/api/v1/accounts', body });
          if (res.statusCode < 400) return;
          expectProblem(res, JSON.stringify(body).slice(0, 80));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('malformed JSON text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 60 }).filter((s) => {
          try {
            JSON.parse(s);
            return false;
          } catch {
            return true;
          }
        }),
        async (text) => {
          const res = await t.request(admin, {
            method: 'POST',
            url: '/api/v1/units',
            body: text,
            headers: { 'content-type': 'application/json' },
          });
          expectProblem(res, text);
          expect(res.statusCode).toBe(400);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('invalid CPFs are refused with a field error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^\d{11}$/), async (digits) => {
        const { Cpf } = await import('../src/platform/values');
        fc.pre(!Cpf.isValid(digits));
        const res = await t.request(admin, {
          method: 'POST',
          url: '/api/v1/accounts',
          body: { login: digits, name: 'Fulano de Tal', role: 'citizen', password: 'uma-senha-longa' },
        });
        expect(res.statusCode).toBe(422);
        expectProblem(res, digits);
        expect(res.json().errors.some((e: { field: string }) => e.field === 'login')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('oversized bodies → 413', async () => {
    const big = JSON.stringify({ login: 'x', password: 'y'.repeat(70_000) });
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expectProblem(res, 'oversized');
  });

  it('unsupported media types → 415', async () => {
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/units',
      body: '<xml/>',
      headers: { 'content-type': 'application/xml' },
    });
    expectProblem(res, 'xml');
    expect(res.statusCode).toBe(415);
  });

  it('500s hide internals', async () => {
    // A route handler that throws an unexpected error is answered with a generic pt-BR detail and the request id.
    const { toProblem } = await import('../src/platform/http/problem');
    const p = toProblem(new Error('relation "segredo" does not exist'), {
      url: '/api/v1/x',
      id: 'req-1',
    } as never);
    expect(p.status).toBe(500);
    expect(JSON.stringify(p)).not.toMatch(/segredo/);
    expect(p.requestId).toBe('req-1');
    expect(citizenOk.role).toBe('citizen');
  });
});
