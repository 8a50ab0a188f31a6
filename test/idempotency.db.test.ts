import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../src/platform/testing';

let t: TestApp;
let admin: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
});
afterAll(async () => t?.close());

const body = (id: string) => ({ id, kind: 'aps', code: id, name: `APS ${id}`, parentId: 'GEX1' });
const count = async (id: string) =>
  (await t.deps.db.pool.query('SELECT count(*)::int AS n FROM org_units WHERE id = $1', [id])).rows[0].n;

describe('Idempotency-Key', () => {
  it('same key + same body → same response, one record', async () => {
    const h = { 'idempotency-key': 'chave-0001-abcdef' };
    const a = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/units',
      body: body('APS-IDEM1'),
      headers: h,
    });
    const b = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/units',
      body: body('APS-IDEM1'),
      headers: h,
    });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.body).toBe(a.body);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(await count('APS-IDEM1')).toBe(1);
  });

  it('same key + different body → 422', async () => {
    const h = { 'idempotency-key': 'chave-0002-abcdef' };
    await t.request(admin, { method: 'POST', url: '/api/v1/units', body: body('APS-IDEM2'), headers: h });
    const b = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/units',
      body: body('APS-IDEM3'),
      headers: h,
    });
    expect(b.statusCode).toBe(422);
    expect(b.headers['content-type']).toContain('application/problem+json');
    expect(await count('APS-IDEM3')).toBe(0);
  });

  it('concurrent duplicates yield one record and the same answer', async () => {
    const h = { 'idempotency-key': 'chave-0003-abcdef' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.request(admin, { method: 'POST', url: '/api/v1/units', body: body('APS-IDEM4'), headers: h }),
      ),
    );
    expect(
      results.map((r) => r.statusCode),
      results.map((r) => r.body).join('\n'),
    ).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    expect(await count('APS-IDEM4')).toBe(1);
  });

  it('keys are per account: another account may use the same key', async () => {
    const other = await t.loginAs('admin');
    const h = { 'idempotency-key': 'chave-0001-abcdef' };
    const r = await t.request(other, {
      method: 'POST',
      url: '/api/v1/units',
      body: body('APS-IDEM5'),
      headers: h,
    });
    expect(r.statusCode).toBe(201);
  });

  it('rejects malformed keys', async () => {
    const r = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/units',
      body: body('APS-IDEM6'),
      headers: { 'idempotency-key': 'x' },
    });
    expect(r.statusCode).toBe(422);
  });
});
