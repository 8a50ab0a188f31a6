import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../platform/testing';
import { tinyPdf } from './domain/testing-files';
import { expireExigencias } from './expire-exigencias';
import { flagOverdueTasks } from './flag-overdue-tasks';
import { createAppointmentSlots } from './list-appointment-slots';
import { cpfFrom, loginStaff, seeded, travel } from './testing';

const rnd = seeded(42);
let t: TestApp;
let citizen: TestSession;
let cpf: string;
let analyst: TestSession & { staffId: string };

async function events(type: string) {
  const r = await t.deps.db.pool.query('SELECT payload FROM outbox WHERE type = $1 ORDER BY seq', [type]);
  return r.rows.map((x) => x.payload);
}

beforeAll(async () => {
  t = await createTestApp();
  cpf = cpfFrom(rnd);
  citizen = await t.loginAs('citizen', { cpf });
  analyst = await loginStaff(t, 'analyst', 'APS1A');
});
afterAll(async () => t?.close());

describe('core flow: file → task → take → exigência → decide → appeal → comply', () => {
  let requestId: string;
  let protocol: string;

  it('files a request once per Idempotency-Key, with request.filed and task.created', async () => {
    const body = { cpf, species: '41', unitId: 'APS1A', declared: { nome: 'Fulana' } };
    const headers = { 'idempotency-key': 'req-flow-000001' };
    const a = await t.request(citizen, { method: 'POST', url: '/api/v1/requests', body, headers });
    expect(a.statusCode, a.body).toBe(201);
    const b = await t.request(citizen, { method: 'POST', url: '/api/v1/requests', body, headers });
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    requestId = a.json().id;
    protocol = a.json().protocol;
    expect(protocol).toMatch(/^2026\.\d{8}-\d$/);
    // DER 2026-03-02 + 90 days = 2026-05-31 (Sunday) → Monday 2026-06-01.
    expect(a.json().dueDate).toBe('2026-06-01');
    const n = await t.deps.db.pool.query(
      'SELECT count(*)::int AS n FROM req_requests WHERE citizen_cpf = $1',
      [cpf],
    );
    expect(n.rows[0].n).toBe(1);
    expect((await events('request.filed')).filter((e) => e.requestId === requestId)).toHaveLength(1);
    expect((await events('task.created')).filter((e) => e.requestId === requestId)).toHaveLength(1);
  });

  it('the analyst takes the task (deadline first) and sees the clock', async () => {
    const r = await t.request(analyst, { method: 'POST', url: '/api/v1/tasks/take-next' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().requestId).toBe(requestId);
    expect(r.json().deadline).toMatchObject({ state: 'running', maxDays: 90, remainingDays: 91 });
    const again = await t.request(analyst, { method: 'POST', url: '/api/v1/tasks/take-next' });
    expect(again.statusCode).toBe(204);
  });

  it('a disallowed action answers 409 naming the allowed ones', async () => {
    const r = await t.request(citizen, {
      method: 'POST',
      url: `/api/v1/requests/${requestId}/appeals`,
      body: { grounds: 'Não concordo com a decisão.' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().allowedActions).toContain('GRANT');
    expect(r.json().currentStatus).toBe('in_analysis');
    expect(r.json().status).toBe(409);
  });

  it('opens an exigência (clock pauses), the citizen uploads and answers (clock resumes)', async () => {
    const open = await t.request(analyst, {
      method: 'POST',
      url: `/api/v1/requests/${requestId}/exigencias`,
      body: {
        items: [{ kind: 'document', category: 'work_booklet', description: 'CTPS com o vínculo de 1998' }],
      },
    });
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json().dueDate).toBe('2026-04-01');
    await travel(t, '2026-03-12T10:00:00-03:00', [citizen, analyst]);
    const up = await t.request(citizen, {
      method: 'POST',
      url: `/api/v1/requests/${requestId}/documents?category=work_booklet&fileName=${encodeURIComponent('../ctps.pdf')}`,
      body: tinyPdf(),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().fileName).toBe('ctps.pdf');
    const ans = await t.request(citizen, {
      method: 'POST',
      url: `/api/v1/exigencias/${open.json().id}/answer`,
      body: { documentIds: [up.json().id] },
    });
    expect(ans.statusCode, ans.body).toBe(200);
    const get = await t.request(citizen, { method: 'GET', url: `/api/v1/requests/${requestId}` });
    expect(get.statusCode).toBe(200);
    const g = get.json();
    expect(g.status).toBe('in_analysis');
    // Paused 10 days (03-02 → 03-12): due 2026-06-01 + 10 → 06-10 (Wednesday).
    expect(g.deadline).toMatchObject({
      state: 'running',
      pausedDays: 10,
      dueDate: '2026-06-10',
      elapsedDays: 0,
    });
    expect(g.exigencias[0].status).toBe('answered');
    expect(g.history.map((h: { action: string }) => h.action)).toEqual([
      'FILE',
      'ASSIGN',
      'OPEN_EXIGENCIA',
      'UPLOAD_DOCUMENT',
      'ANSWER_EXIGENCIA',
    ]);
    expect(g.history.every((h: { staffId: unknown }) => h.staffId === null)).toBe(true); // citizens do not see staff ids
    expect(g.holderStaffId).toBeNull(); // nor which server holds the request
    const mine = await t.request(citizen, { method: 'GET', url: '/api/v1/requests' });
    expect(mine.json().items.find((r: { id: string }) => r.id === requestId).holderStaffId).toBeNull();
    const st = await t.request(citizen, { method: 'GET', url: `/api/v1/requests/${requestId}/status` });
    expect(st.statusCode, st.body).toBe(200);
    expect(st.json()).toMatchObject({
      protocol,
      status: 'in_analysis',
      deadline: { dueDate: '2026-06-10', pausedDays: 10 },
    });
    expect(st.json().cpf).toBeUndefined();
    // The content is served by document id to the owner, never by a path.
    const doc = await t.request(citizen, { method: 'GET', url: `/api/v1/documents/${up.json().id}/content` });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.headers['cache-control']).toBe('private, no-store');
    expect(st.headers['cache-control']).toBe('no-store');
    expect(doc.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('denies with coded reasons, concluding the task with the supervision payload', async () => {
    const get = await t.request(analyst, { method: 'GET', url: `/api/v1/requests/${requestId}` });
    expect(get.json().holderStaffId).toBe(analyst.staffId);
    const version = get.json().version;
    const r = await t.request(analyst, {
      method: 'POST',
      url: `/api/v1/requests/${requestId}/decisions`,
      body: {
        outcome: 'denied',
        reasons: [{ code: 'CAR-01', text: 'Carência não cumprida (180 contribuições).' }],
        legalBasis: 'Lei 8.213/1991, art. 25, II',
        expectedVersion: version,
        subtasks: ['analise-cnis'],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const concluded = (await events('task.concluded')).filter((e) => e.requestId === requestId);
    expect(concluded).toHaveLength(1);
    expect(Object.keys(concluded[0]).sort()).toEqual(
      [
        'taskId',
        'requestId',
        'protocol',
        'serviceCode',
        'species',
        'srCode',
        'gexCode',
        'unitId',
        'serverId',
        'queue',
        'system',
        'subtasks',
        'concludedAt',
        'decision',
        'automatic',
      ].sort(),
    );
    expect(concluded[0]).toMatchObject({
      protocol,
      serviceCode: 'RI-B41',
      species: '41',
      srCode: 'SR1',
      gexCode: 'GEX1',
      unitId: 'APS1A',
      serverId: analyst.staffId,
      queue: 'regular',
      system: 'PAT',
      subtasks: ['analise-cnis'],
      concludedAt: '2026-03-12',
      decision: 'denied',
      automatic: false,
    });
    expect(
      (await events('decision.made')).some((e) => e.requestId === requestId && e.outcome === 'denied'),
    ).toBe(true);
  });

  it('appeal → board upholds → compliance task → granted', async () => {
    const ap = await t.request(citizen, {
      method: 'POST',
      url: `/api/v1/requests/${requestId}/appeals`,
      body: { grounds: 'Tenho 180 contribuições; o CNIS está incompleto.' },
    });
    expect(ap.statusCode, ap.body).toBe(201);
    expect(ap.json().isTimely).toBe(true);
    const manager = await t.loginAs('manager', { unitId: 'SR1' });
    const dec = await t.request(manager, {
      method: 'POST',
      url: `/api/v1/appeals/${ap.json().id}/decision`,
      body: { outcome: 'upheld', boardReference: '44233.123456/2026-11', decidedOn: '2026-03-10' },
    });
    expect(dec.statusCode, dec.body).toBe(200);
    expect(dec.json().complianceTaskId).toBeTruthy();
    const take = await t.request(analyst, { method: 'POST', url: '/api/v1/tasks/take-next' });
    expect(take.json().kind).toBe('appeal_compliance');
    const c = await t.request(analyst, {
      method: 'POST',
      url: `/api/v1/requests/${requestId}/appeal-compliance`,
      body: { note: 'Benefício implantado conforme acórdão.' },
    });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().status).toBe('granted');
    const types = (
      await t.deps.db.pool.query(
        "SELECT DISTINCT type FROM outbox WHERE aggregate_id = $1 OR payload->>'requestId' = $1",
        [requestId],
      )
    ).rows.map((r) => r.type);
    for (const ty of [
      'request.filed',
      'task.created',
      'task.assigned',
      'exigencia.opened',
      'exigencia.answered',
      'document.uploaded',
      'decision.made',
      'appeal.filed',
      'appeal.decided',
      'task.concluded',
    ]) {
      expect(types).toContain(ty);
    }
  });

  it('lists exigências, decisions and appeals across requests, scoped to the caller', async () => {
    const ex = await t.request(citizen, { method: 'GET', url: '/api/v1/exigencias' });
    expect(ex.statusCode, ex.body).toBe(200);
    expect(
      ex.json().items.map((e: { requestId: string; status: string }) => [e.requestId, e.status]),
    ).toEqual([[requestId, 'answered']]);
    const dec = await t.request(citizen, { method: 'GET', url: '/api/v1/decisions?status=denied' });
    expect(dec.json().items).toHaveLength(1);
    expect(dec.json().items[0]).toMatchObject({ requestId, protocol, outcome: 'denied', isAutomatic: false });
    const ap = await t.request(analyst, { method: 'GET', url: '/api/v1/appeals?status=upheld' });
    expect(ap.json().items.map((a: { requestId: string }) => a.requestId)).toEqual([requestId]);
    const stranger = await t.loginAs('citizen', { cpf: cpfFrom(rnd) });
    for (const path of [
      '/api/v1/exigencias',
      '/api/v1/decisions',
      '/api/v1/appeals',
      '/api/v1/appointments',
    ]) {
      const r = await t.request(stranger, { method: 'GET', url: path });
      expect(r.statusCode).toBe(200);
      expect(r.json().items).toEqual([]);
    }
  });

  it('audits reads and writes of personal data', async () => {
    const r = await t.deps.db.pool.query(
      'SELECT action, resource_type FROM audit_log WHERE resource_id = $1',
      [requestId],
    );
    const kinds = r.rows.map((x) => `${x.action}:${x.resource_type}`);
    expect(kinds).toContain('create:request');
    expect(kinds).toContain('read:request');
    expect(kinds).toContain('decide:request');
  });
});

describe('medical exam species: clock starts at attendance; exigência expiry; overdue flag', () => {
  it('B31: no clock until the exam; no-show and attendance; wait time recorded', async () => {
    await travel(t, '2026-04-06T09:00:00-03:00', [citizen, analyst]);
    await createAppointmentSlots(t.deps, {
      unitId: 'APS1B',
      kind: 'medical_exam',
      from: '2026-04-07',
      to: '2026-04-30',
      times: ['08:00'],
      capacity: 1,
    });
    const c2 = cpfFrom(rnd);
    const cit = await t.loginAs('citizen', { cpf: c2 });
    const f = await t.request(cit, {
      method: 'POST',
      url: '/api/v1/requests',
      body: { cpf: c2, species: '31', unitId: 'APS1B' },
    });
    expect(f.statusCode, f.body).toBe(201);
    expect(f.json().dueDate).toBeNull();
    const slots = await t.request(cit, {
      method: 'GET',
      url: '/api/v1/appointment-slots?unitId=APS1B&kind=medical_exam',
    });
    const [s1, s2] = slots.json().items;
    const sch = await t.request(cit, {
      method: 'POST',
      url: `/api/v1/requests/${f.json().id}/appointments`,
      body: { kind: 'medical_exam', slotId: s1.id },
    });
    expect(sch.statusCode, sch.body).toBe(201);
    // Slot capacity 1: a second citizen cannot book the same place.
    const c3 = cpfFrom(rnd);
    t.deps.clock.advance(60_000);
    const cit3 = await t.loginAs('citizen', { cpf: c3 });
    const f3 = await t.request(cit3, {
      method: 'POST',
      url: '/api/v1/requests',
      body: { cpf: c3, species: '31', unitId: 'APS1B' },
    });
    const full = await t.request(cit3, {
      method: 'POST',
      url: `/api/v1/requests/${f3.json().id}/appointments`,
      body: { kind: 'medical_exam', slotId: s1.id },
    });
    expect(full.statusCode).toBe(409);
    const perito = await loginStaff(t, 'analyst', 'APS1B');
    await travel(t, `${s1.date}T15:00:00-03:00`, [perito, cit]);
    const ns = await t.request(perito, {
      method: 'POST',
      url: `/api/v1/appointments/${sch.json().id}/attendance`,
      body: { outcome: 'no_show' },
    });
    expect(ns.statusCode, ns.body).toBe(200);
    const take = await t.request(perito, { method: 'POST', url: '/api/v1/tasks/take-next' });
    expect(take.json().requestId).toBe(f.json().id); // clock not started → still in the queue, last among due dates
    const rs = await t.request(perito, {
      method: 'POST',
      url: `/api/v1/requests/${f.json().id}/appointments`,
      body: { kind: 'medical_exam', slotId: s2.id },
    });
    expect(rs.statusCode, rs.body).toBe(201);
    await travel(t, `${s2.date}T15:00:00-03:00`, [perito, cit]);
    const at = await t.request(perito, {
      method: 'POST',
      url: `/api/v1/appointments/${rs.json().id}/attendance`,
      body: { outcome: 'attended' },
    });
    expect(at.statusCode, at.body).toBe(200);
    const g = (await t.request(perito, { method: 'GET', url: `/api/v1/requests/${f.json().id}` })).json();
    expect(g.deadline.state).toBe('running');
    expect(g.clockEvents).toEqual([{ kind: 'start', on: s2.date }]);
    const ev = (await events('appointment.attended')).find((e) => e.requestId === f.json().id);
    expect(ev.waitDays).toBeGreaterThan(0);
  });

  it('an unanswered exigência expires (clock resumes the day after the term) and overdue tasks are flagged', async () => {
    await travel(t, '2026-05-04T09:00:00-03:00', []);
    const c4 = cpfFrom(rnd);
    const cit = await t.loginAs('citizen', { cpf: c4 });
    const f = await t.request(cit, {
      method: 'POST',
      url: '/api/v1/requests',
      body: { cpf: c4, species: '80', unitId: 'APS2A' },
    });
    expect(f.statusCode).toBe(201);
    const an = await loginStaff(t, 'analyst', 'APS2A');
    expect((await t.request(an, { method: 'POST', url: '/api/v1/tasks/take-next' })).json().requestId).toBe(
      f.json().id,
    );
    await travel(t, '2026-05-14T09:00:00-03:00', [an, cit]);
    const ex = await t.request(an, {
      method: 'POST',
      url: `/api/v1/requests/${f.json().id}/exigencias`,
      body: { items: [{ kind: 'information', description: 'Data do parto' }] },
    });
    // 30 days (Portaria DIRBEN/INSS 993/2022, art. 75): 05-14 + 30 = 06-13, a Saturday → 06-15.
    expect(ex.json().dueDate).toBe('2026-06-15');
    await travel(t, '2026-07-11T09:00:00-03:00', [an, cit]);
    const r = await expireExigencias(t.deps);
    expect(r.expired).toBeGreaterThanOrEqual(1);
    const g = (await t.request(an, { method: 'GET', url: `/api/v1/requests/${f.json().id}` })).json();
    expect(g.status).toBe('in_analysis');
    expect(g.clockEvents).toEqual([
      { kind: 'start', on: '2026-05-04' },
      { kind: 'pause', on: '2026-05-14' },
      { kind: 'resume', on: '2026-06-16' },
    ]);
    // 30 days + 33 paused from 05-04 → 07-06 (Monday): overdue by 5 on 07-11.
    expect(g.deadline).toMatchObject({ dueDate: '2026-07-06', isOverdue: true, daysOverdue: 5 });
    await t.deps.db.orm.execute(
      sql`INSERT INTO req_escalation_rules (unit_id, target_unit_id, days_past_due) VALUES ('*', '@gex', 3) ON CONFLICT DO NOTHING`,
    );
    const flag = await flagOverdueTasks(t.deps);
    expect(flag.breached).toBeGreaterThanOrEqual(1);
    expect(flag.escalated).toBeGreaterThanOrEqual(1);
    const breached = (await events('deadline.breached')).find((e) => e.requestId === f.json().id);
    expect(breached).toMatchObject({ dueDate: '2026-07-06', daysOverdue: 5, species: '80' });
    const task = await t.deps.db.pool.query(
      'SELECT is_overdue, escalated_to_unit_id FROM req_tasks WHERE request_id = $1',
      [f.json().id],
    );
    expect(task.rows[0]).toEqual({ is_overdue: true, escalated_to_unit_id: 'GEX2' });
    expect((await flagOverdueTasks(t.deps)).breached).toBe(0); // once per task
  });
});
