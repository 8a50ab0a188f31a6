import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/platform/auth/roles';
import { createTestApp, type TestApp, type TestSession } from '../src/platform/testing';

/**
 * Every /api/v1 route × every role: allowed roles never get 401/403, the others get exactly 403
 * (401 when anonymous). Expected access comes from each module's access-matrix.ts, written
 * independently of the permission declarations, and the test fails when a route has no entry
 * or an entry names a route that does not exist.
 */
const MODULES = resolve(import.meta.dirname, '../src/modules');
const expected: Record<string, Role[]> = {};

async function loadMatrices() {
  for (const dir of readdirSync(MODULES)) {
    const file = join(MODULES, dir, 'access-matrix.ts');
    if (!existsSync(file)) continue;
    const m = (await import(pathToFileURL(file).href)) as { accessMatrix: Record<string, Role[]> };
    for (const [route, roles] of Object.entries(m.accessMatrix)) {
      if (expected[route]) throw new Error(`rota repetida na matriz (${dir}): ${route}`);
      expected[route] = roles;
    }
  }
}

const fill = (url: string) =>
  url.replace(/:(\w+)/g, (_m, name: string) =>
    /id$/i.test(name) ? '00000000-0000-4000-8000-000000000000' : 'x',
  );

let t: TestApp;
const sessions = new Map<Role, TestSession>();
const CPF = '52998224725';

async function sessionFor(role: Role) {
  let s = sessions.get(role);
  if (!s) {
    s = await t.loginAs(role, role === 'citizen' ? { cpf: CPF } : {});
    sessions.set(role, s);
  }
  return s;
}

/** After a route that ends the session (logout), open a new one for the same account. */
async function relogin(role: Role) {
  const old = sessions.get(role)!;
  sessions.set(role, await t.relogin(old));
}

beforeAll(async () => {
  await loadMatrices();
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('authorization matrix', () => {
  it('has an entry for every route and no entry for a route that does not exist', () => {
    const actual = new Set(t.built.routes.map((r) => `${r.method} ${r.url}`));
    const missing = [...actual].filter((r) => !expected[r]);
    const stale = Object.keys(expected).filter((r) => !actual.has(r));
    expect(missing, 'rotas sem entrada na matriz de acesso').toEqual([]);
    expect(stale, 'entradas da matriz sem rota').toEqual([]);
  });

  it('denies anonymous callers on every non-public route', async () => {
    for (const r of t.built.routes) {
      if (r.permission === 'public') continue;
      const res = await t.request(null, {
        method: r.method,
        url: fill(r.url),
        body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url} anônimo`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('allows exactly the roles in the matrix', async () => {
    const failures: string[] = [];
    for (const r of t.built.routes) {
      const key = `${r.method} ${r.url}`;
      for (const role of ROLES) {
        const s = await sessionFor(role);
        const res = await t.request(s, {
          method: r.method,
          url: fill(r.url),
          body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        const allowed = expected[key]?.includes(role) ?? false;
        if (allowed && (res.statusCode === 401 || res.statusCode === 403))
          failures.push(`${key} ${role}: esperado permitir, veio ${res.statusCode} ${res.body}`);
        if (!allowed && res.statusCode !== 403)
          failures.push(`${key} ${role}: esperado 403, veio ${res.statusCode}`);
        if (key === 'POST /api/v1/auth/logout' && res.statusCode < 300 && role !== 'integration')
          await relogin(role);
      }
    }
    expect(failures).toEqual([]);
  });

  it('audits every permission denial', async () => {
    const s = await sessionFor('citizen');
    const before = await t.deps.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'deny'",
    );
    const res = await t.request(s, { method: 'POST', url: '/api/v1/audit/verify', body: {} });
    expect(res.statusCode).toBe(403);
    const after = await t.deps.db.pool.query(
      "SELECT count(*)::int AS n, max(actor_id) AS actor FROM audit_log WHERE action = 'deny' AND outcome = 'denied'",
    );
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
  });
});
