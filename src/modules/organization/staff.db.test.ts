import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../platform/testing';
import { createStaff } from './create-staff';

/**
 * GET /staff/:id is a read of personal data: scoped to the caller's unit subtree, audited with one
 * row per record returned (and none for a 404), also when many reads share one statement.
 */
let t: TestApp;
let national: TestSession;
let sr1: TestSession;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const [key, unitId] of [
    ['campinas', 'APS1A'],
    ['jundiai', 'APS1B'],
    ['fortaleza', 'APS2A'],
  ] as const) {
    const s = await createStaff(t.deps, null, {
      registration: String(1_000_000 + Object.keys(ids).length),
      name: `Servidora ${key}`,
      unitId,
      roles: ['analyst'],
      startDate: '2024-03-04',
    });
    ids[key] = s.id;
  }
  national = await t.loginAs('manager', { unitId: 'BR' });
  sr1 = await t.loginAs('supervisor', { unitId: 'SR1' });
});
afterAll(async () => t?.close());

const auditRows = async (accountId: string) =>
  (
    await t.deps.db.pool.query(
      `SELECT resource_id, request_id, actor_role, actor_unit_id, outcome FROM audit_log
        WHERE actor_id = $1 AND action = 'read' AND resource_type = 'staff' ORDER BY seq`,
      [accountId],
    )
  ).rows;

describe('GET /api/v1/staff/:id', () => {
  it('returns the record and commits one audit row naming the reader, the request and the instant', async () => {
    t.deps.clock.advance(1_250);
    const instant = t.deps.clock.now().toISOString();
    const r = await t.request(national, {
      method: 'GET',
      url: `/api/v1/staff/${ids.fortaleza}`,
      headers: { 'x-request-id': 'req-staff-0001' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: ids.fortaleza, unitId: 'APS2A', name: 'Servidora fortaleza' });
    expect(r.json()).not.toHaveProperty('cpf');
    expect(await auditRows(national.accountId)).toEqual([
      {
        resource_id: ids.fortaleza,
        request_id: 'req-staff-0001',
        actor_role: 'manager',
        actor_unit_id: 'BR',
        outcome: 'success',
      },
    ]);
    const at = await t.deps.db.pool.query(
      `SELECT at FROM audit_log WHERE actor_id = $1 AND action = 'read' AND resource_type = 'staff'`,
      [national.accountId],
    );
    // The audit instant is the platform clock's (one per batch), not the database's.
    expect(at.rows.map((r) => new Date(r.at).toISOString())).toEqual([instant]);
  });

  it('answers 404 outside the caller subtree, for an unknown id and a malformed one, and audits none', async () => {
    const before = (await auditRows(sr1.accountId)).length;
    for (const url of [
      `/api/v1/staff/${ids.fortaleza}`,
      '/api/v1/staff/00000000-0000-4000-8000-000000000000',
    ]) {
      const r = await t.request(sr1, { method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
    }
    expect((await t.request(sr1, { method: 'GET', url: '/api/v1/staff/nao-e-uuid' })).statusCode).toBe(422);
    expect((await t.request(sr1, { method: 'GET', url: `/api/v1/staff/${ids.campinas}` })).statusCode).toBe(
      200,
    );
    const rows = await auditRows(sr1.accountId);
    expect(rows.slice(before).map((x) => x.resource_id)).toEqual([ids.campinas]);
  });

  it('gives each of many concurrent reads its own answer and its own audit row', async () => {
    const plan = Array.from({ length: 60 }, (_, i) => {
      const who = i % 2 === 0 ? national : sr1;
      const target = [ids.campinas, ids.jundiai, ids.fortaleza][i % 3]!;
      const visible = who === national || target !== ids.fortaleza;
      return { who, target, visible, requestId: `req-conc-${String(i).padStart(4, '0')}` };
    });
    const before = {
      national: (await auditRows(national.accountId)).length,
      sr1: (await auditRows(sr1.accountId)).length,
    };
    const answers = await Promise.all(
      plan.map((p) =>
        t.request(p.who, {
          method: 'GET',
          url: `/api/v1/staff/${p.target}`,
          headers: { 'x-request-id': p.requestId },
        }),
      ),
    );
    answers.forEach((r, i) => {
      const p = plan[i]!;
      expect(r.statusCode, p.requestId).toBe(p.visible ? 200 : 404);
      if (p.visible) expect(r.json().id).toBe(p.target);
    });
    const audited = [
      ...(await auditRows(national.accountId)).slice(before.national),
      ...(await auditRows(sr1.accountId)).slice(before.sr1),
    ];
    const expected = plan.filter((p) => p.visible).map((p) => `${p.requestId} ${p.target}`);
    expect(audited.map((a) => `${a.request_id} ${a.resource_id}`).sort()).toEqual(expected.sort());
  });
});
