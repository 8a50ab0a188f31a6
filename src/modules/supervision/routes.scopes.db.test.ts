import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../platform/auth/roles';
import { createTestApp, type TestApp, type TestSession } from '../../platform/testing';
import { accessMatrix } from './access-matrix';

// Authorization matrix of the supervision routes: every role against every route. Staff log in
// with national scope so that only the permission (not the unit scope) decides; an allowed role
// may still get 400/404/409/422, never 401/403.
let t: TestApp;
const sessions = new Map<Role, TestSession>();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) {
    sessions.set(
      role,
      await t.loginAs(
        role,
        role === 'citizen' ? { cpf: '52998224725' } : role === 'partner' ? {} : { unitId: 'BR' },
      ),
    );
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('supervision routes: access matrix', () => {
  it('every registered supervision route is in the matrix', () => {
    const registered = t.built.routes
      .filter((r) => r.url.startsWith('/api/v1/supervision'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !k.startsWith('HEAD '));
    expect(registered.sort()).toEqual(Object.keys(accessMatrix).sort());
  });

  for (const [key, allowed] of Object.entries(accessMatrix)) {
    it(key, async () => {
      const [method, path] = key.split(' ') as [string, string];
      const url = path.replace(':id', randomUUID());
      for (const role of ROLES) {
        const res = await t.request(sessions.get(role)!, {
          method,
          url,
          body: method === 'GET' ? undefined : {},
        });
        if (allowed.includes(role))
          expect([401, 403], `${role} ${key} → ${res.statusCode}`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${role} ${key}`).toBe(403);
      }
    });
  }

  it('the OpenAPI document describes the supervision routes', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toContain('/api/v1/supervision/cycles/monthly');
    expect(paths).toContain('/api/v1/supervision/supervisions/{id}/conclusion');
  });

  it('checklist: default shipped as data, a new version published by the admin is in force (art. 5)', async () => {
    const m = sessions.get('manager')!;
    const def = await t.request(m, { method: 'GET', url: '/api/v1/supervision/checklist' });
    expect(def.statusCode).toBe(200);
    expect(def.json().version).toBe(1);
    const body = {
      ...def.json(),
      common: [{ code: 'F01', kind: 'formal', label: 'Identificação do requerente' }],
    };
    delete body.version;
    const put = await t.request(sessions.get('admin')!, {
      method: 'PUT',
      url: '/api/v1/supervision/checklist',
      body,
    });
    expect(put.statusCode, put.body).toBe(200);
    const now = await t.request(m, { method: 'GET', url: '/api/v1/supervision/checklist' });
    expect(now.json()).toMatchObject({ version: 2, common: [{ code: 'F01' }] });
  });

  it('unauthenticated → 401', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/v1/supervision/indicators' });
    expect(res.statusCode).toBe(401);
  });

  it('indicators and report respond for a national manager (PDF bytes, pt-BR file name)', async () => {
    const m = sessions.get('manager')!;
    const ind = await t.request(m, { method: 'GET', url: '/api/v1/supervision/indicators?by=sr' });
    expect(ind.statusCode).toBe(200);
    expect(ind.json()).toEqual({ cycle: null, by: 'sr', groups: [] });
    const rep = await t.request(m, { method: 'GET', url: '/api/v1/supervision/report?format=pdf' });
    expect(rep.statusCode).toBe(200);
    expect(rep.headers['content-type']).toContain('application/pdf');
    expect(rep.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
