import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../platform/testing';
import { createStaff } from '../organization/create-staff';

let t: TestApp;
let gexManager: TestSession;
let otherManager: TestSession;
let staffId: string;
beforeAll(async () => {
  t = await createTestApp();
  gexManager = await t.loginAs('manager', { unitId: 'GEX1' });
  otherManager = await t.loginAs('manager', { unitId: 'SR2' });
  staffId = (
    await createStaff(t.deps, null, {
      registration: '7654321',
      name: 'Analista Nova',
      unitId: 'APS1A',
      roles: ['analyst'],
      startDate: '2026-09-01',
    })
  ).id;
});
afterAll(async () => t?.close());

describe('queue administration', () => {
  it('a manager grants a queue in their subtree, lists and revokes it, audited', async () => {
    const grant = { staffId, unitId: 'APS1A', queue: 'training', species: '41' };
    const r = await t.request(gexManager, { method: 'POST', url: '/api/v1/queue-grants', body: grant });
    expect(r.statusCode, r.body).toBe(201);
    const list = await t.request(gexManager, { method: 'GET', url: '/api/v1/queue-grants?unitId=APS1A' });
    expect(list.json().items).toEqual([expect.objectContaining(grant)]);
    // Another SR's manager neither sees nor changes it.
    expect(
      (await t.request(otherManager, { method: 'GET', url: '/api/v1/queue-grants?unitId=APS1A' })).json()
        .items,
    ).toEqual([]);
    expect(
      (await t.request(otherManager, { method: 'POST', url: '/api/v1/queue-grants', body: grant }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request(gexManager, { method: 'POST', url: '/api/v1/queue-grants/revoke', body: grant }))
        .statusCode,
    ).toBe(204);
    expect(
      (await t.request(gexManager, { method: 'POST', url: '/api/v1/queue-grants/revoke', body: grant }))
        .statusCode,
    ).toBe(404);
    const audit = await t.deps.db.pool.query(
      "SELECT action FROM audit_log WHERE resource_type = 'queue_grant' ORDER BY seq",
    );
    expect(audit.rows.map((x) => x.action)).toEqual(['grant', 'revoke']);
  });

  it('sets escalation rules in scope; the default rule is for administrators', async () => {
    const ok = await t.request(gexManager, {
      method: 'PUT',
      url: '/api/v1/escalation-rules/APS1B',
      body: { target: '@gex', daysPastDue: 10 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await t.request(gexManager, {
      method: 'PUT',
      url: '/api/v1/escalation-rules/APS1B',
      body: { target: 'NAO-EXISTE', daysPastDue: 10 },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      (
        await t.request(gexManager, {
          method: 'PUT',
          url: '/api/v1/escalation-rules/*',
          body: { target: '@sr', daysPastDue: 5 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('opens appointment slots on business days only, at agencies only', async () => {
    const body = {
      unitId: 'APS1A',
      kind: 'medical_exam',
      from: '2026-04-17',
      to: '2026-04-22',
      times: ['08:00', '14:00'],
      capacity: 3,
    };
    const r = await t.request(gexManager, { method: 'POST', url: '/api/v1/appointment-slots', body });
    expect(r.statusCode, r.body).toBe(201);
    // 17 (Fri), 20 (Mon), 22 (Wed): 18–19 weekend, 21 Tiradentes → 3 days × 2 times
    expect(r.json()).toEqual({ created: 6 });
    const gex = await t.request(gexManager, {
      method: 'POST',
      url: '/api/v1/appointment-slots',
      body: { ...body, unitId: 'GEX1' },
    });
    expect(gex.statusCode).toBe(422);
    const time = await t.request(gexManager, {
      method: 'POST',
      url: '/api/v1/appointment-slots',
      body: { ...body, times: ['25:00'] },
    });
    expect(time.statusCode).toBe(422);
  });
});
