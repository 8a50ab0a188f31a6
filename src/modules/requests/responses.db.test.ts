import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../platform/testing';
import { tinyPdf } from './domain/testing-files';
import { createAppointmentSlots } from './list-appointment-slots';
import { cpfFrom, loginStaff, seeded } from './testing';

/**
 * The routes whose answers the other route tests do not reach over HTTP (task moves, extension,
 * pendency, rescheduling, the staff view of a request, indicators), each answered through its
 * response schema: a schema that does not match what the handler returns is a 500 here.
 */
const rnd = seeded(7);
let t: TestApp;
let citizen: TestSession;
let cpf: string;
let analyst: TestSession & { staffId: string };
let supervisor: TestSession & { staffId: string };

beforeAll(async () => {
  t = await createTestApp();
  cpf = cpfFrom(rnd);
  citizen = await t.loginAs('citizen', { cpf });
  analyst = await loginStaff(t, 'analyst', 'APS1A');
  supervisor = await loginStaff(t, 'supervisor', 'SR1');
});
afterAll(async () => t?.close());

const post = (s: TestSession, url: string, body?: unknown) => t.request(s, { method: 'POST', url, body });
const get = (s: TestSession, url: string) => t.request(s, { method: 'GET', url });

describe('answers of the requests routes through their response schemas', () => {
  let requestId: string;
  let taskId: string;

  it('task: read, release, reassign', async () => {
    const f = await post(citizen, '/api/v1/requests', { cpf, species: '80', unitId: 'APS1A' });
    expect(f.statusCode, f.body).toBe(201);
    requestId = f.json().id;
    const take = await post(analyst, '/api/v1/tasks/take-next');
    expect(take.statusCode, take.body).toBe(200);
    taskId = take.json().id;

    const task = await get(analyst, `/api/v1/tasks/${taskId}`);
    expect(task.statusCode, task.body).toBe(200);
    expect(task.json()).toMatchObject({
      id: taskId,
      requestId,
      protocol: f.json().protocol,
      requestStatus: 'in_analysis',
      deadline: { state: 'running' },
    });
    expect(task.json().history.map((h: { action: string }) => h.action)).toEqual(['created', 'assigned']);
    const list = await get(analyst, '/api/v1/tasks?mine=true');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ items: [{ id: taskId, protocol: null }], nextCursor: null });

    const rel = await post(analyst, `/api/v1/tasks/${taskId}/release`, { reason: 'Preciso de apoio' });
    expect(rel.statusCode, rel.body).toBe(200);
    expect(rel.json()).toEqual({ taskId, status: 'open' });
    const re = await post(supervisor, `/api/v1/tasks/${taskId}/reassign`, {
      toStaffId: analyst.staffId,
      reason: 'Volta para quem conhece o caso',
    });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json()).toEqual({
      taskId,
      queue: 'regular',
      assigneeStaffId: analyst.staffId,
      status: 'assigned',
    });
  });

  it('exigência: open, extend, answer', async () => {
    const open = await post(analyst, `/api/v1/requests/${requestId}/exigencias`, {
      items: [
        { kind: 'document', category: 'work_booklet', description: 'CTPS com o vínculo de 1998' },
        { kind: 'information', description: 'Endereço atual' },
      ],
      days: 45,
    });
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json()).toMatchObject({
      requestId,
      status: 'open',
      items: [{ category: 'work_booklet' }, {}],
    });
    expect(open.json().items[1]).not.toHaveProperty('category');
    const ext = await post(analyst, `/api/v1/exigencias/${open.json().id}/extend`, {
      days: 5,
      reason: 'Pedido do requerente',
    });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json()).toMatchObject({ id: open.json().id, extensions: 1 });
    // Portaria DIRBEN/INSS 993/2022, art. 75: extendable once; never less than 30 days.
    const again = await post(analyst, `/api/v1/exigencias/${open.json().id}/extend`, {
      days: 5,
      reason: 'Novo pedido do requerente',
    });
    expect(again.statusCode, again.body).toBe(422);
    expect(again.json().errors).toEqual([
      { field: 'days', message: 'A exigência já foi prorrogada; a prorrogação é permitida uma única vez.' },
    ]);
    const short = await post(analyst, `/api/v1/requests/${requestId}/exigencias`, {
      items: [{ kind: 'information', description: 'Endereço atual' }],
      days: 10,
    });
    expect(short.statusCode, short.body).toBe(422);
    expect(short.json().errors).toMatchObject([{ field: 'days' }]);
    const up = await t.request(citizen, {
      method: 'POST',
      url: `/api/v1/requests/${requestId}/documents?category=work_booklet&fileName=ctps.pdf`,
      body: tinyPdf(),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ requestId, mediaType: 'application/pdf', category: 'work_booklet' });
    const ans = await post(citizen, `/api/v1/exigencias/${open.json().id}/answer`, {
      documentIds: [up.json().id],
    });
    expect(ans.statusCode, ans.body).toBe(200);
  });

  it('pendency: register, resolve; then a grant that carries the calculation', async () => {
    const reg = await post(analyst, `/api/v1/requests/${requestId}/pendency`, { reason: 'Aguarda o CNIS' });
    expect(reg.statusCode, reg.body).toBe(200);
    expect(reg.json()).toMatchObject({ requestId, status: 'awaiting_automatic' });
    const res = await post(supervisor, `/api/v1/requests/${requestId}/pendency/resolve`, {
      reason: 'O motor não decidiu',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ requestId, status: 'in_analysis' });
    const dec = await post(analyst, `/api/v1/requests/${requestId}/decisions`, {
      outcome: 'granted',
      reasons: [{ code: 'REQ-OK', text: 'Requisitos cumpridos.' }],
      legalBasis: 'Lei 8.213/1991, art. 71',
      expectedVersion: res.json().version,
      calculation: { rmi: '1518.00' },
    });
    expect(dec.statusCode, dec.body).toBe(201);
    expect(dec.json()).toMatchObject({
      requestId,
      outcome: 'granted',
      task: { taskId, decision: 'granted' },
    });
  });

  it('the request as staff and as its citizen', async () => {
    const staff = await get(analyst, `/api/v1/requests/${requestId}`);
    expect(staff.statusCode, staff.body).toBe(200);
    const s = staff.json();
    expect(s.tasks).toEqual([expect.objectContaining({ id: taskId, status: 'concluded' })]);
    expect(s.clockEvents.map((e: { kind: string }) => e.kind)).toEqual(['start', 'pause', 'resume', 'stop']);
    expect(s.decisions[0].calculation).toEqual({ source: 'submitted', result: { rmi: '1518.00' } });
    expect(s.exigencias[0]).toMatchObject({ status: 'answered', extensions: 1 });
    expect(s.documents[0].exigenciaId).toBe(s.exigencias[0].id);
    const own = await get(citizen, `/api/v1/requests/${requestId}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).not.toHaveProperty('tasks');
    expect(own.json()).not.toHaveProperty('clockEvents');
    const page = await get(citizen, '/api/v1/requests');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ items: [{ id: requestId, status: 'granted' }], nextCursor: null });
  });

  it('task transfer to another unit', async () => {
    const f = await post(citizen, '/api/v1/requests', { cpf, species: '80', unitId: 'APS1A' });
    expect(f.statusCode, f.body).toBe(201);
    const take = await post(analyst, '/api/v1/tasks/take-next');
    expect(take.json().requestId).toBe(f.json().id);
    const tr = await post(analyst, `/api/v1/tasks/${take.json().id}/transfer`, {
      toUnitId: 'APS1B',
      reason: 'Residência em Jundiaí',
    });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.json()).toEqual({ taskId: take.json().id, unitId: 'APS1B', status: 'open' });
  });

  it('appointment: schedule and reschedule', async () => {
    await createAppointmentSlots(t.deps, {
      unitId: 'APS1B',
      kind: 'medical_exam',
      from: '2026-03-03',
      to: '2026-03-31',
      times: ['08:00'],
      capacity: 1,
    });
    const f = await post(citizen, '/api/v1/requests', { cpf, species: '31', unitId: 'APS1B' });
    expect(f.statusCode, f.body).toBe(201);
    const slots = await get(citizen, '/api/v1/appointment-slots?unitId=APS1B&kind=medical_exam&limit=2');
    expect(slots.statusCode, slots.body).toBe(200);
    const [s1, s2] = slots.json().items;
    const sch = await post(citizen, `/api/v1/requests/${f.json().id}/appointments`, {
      kind: 'medical_exam',
      slotId: s1.id,
    });
    expect(sch.statusCode, sch.body).toBe(201);
    expect(sch.json()).toMatchObject({ status: 'scheduled', replacesId: null, attendedOn: null });
    const rs = await post(citizen, `/api/v1/appointments/${sch.json().id}/reschedule`, {
      slotId: s2.id,
      reason: 'Viagem marcada',
    });
    expect(rs.statusCode, rs.body).toBe(200);
    expect(rs.json()).toMatchObject({ date: s2.date, status: 'scheduled', replacesId: sch.json().id });
    const list = await get(citizen, `/api/v1/appointments?requestId=${f.json().id}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((a: { status: string }) => a.status)
        .sort(),
    ).toEqual(['rescheduled', 'scheduled']);
  });

  it('action-plan indicators', async () => {
    const manager = await t.loginAs('manager', { unitId: 'SR1' });
    const r = await get(manager, '/api/v1/requests-indicators');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ automaticConclusions: { concluded: 1, automatic: 0, shareBp: 0 } });
  });
});
