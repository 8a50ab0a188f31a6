import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Ctx } from '../../platform/auth/roles';
import { dispatchOnce } from '../../platform/outbox/outbox';
import { createTestDeps, seedTestUnits, type TestDeps } from '../../platform/testing';
import { createStaff } from '../organization/create-staff';
import type { TaskConcludedPayload as RequestsTaskConcluded } from '../requests/task-conclusion';
import { assignSupervision } from './assign-supervision';
import { concludeSupervision } from './conclude-supervision';
import { createErrorIndication } from './create-error-indication';
import { createTargetedSelection } from './create-targeted-selection';
import { getIndicators } from './get-indicators';
import { getSupervision, listSupervisions } from './list-supervisions';
import { type TaskConcluded, taskConcludedConsumer } from './record-concluded-task';
import { recordReferralDecision } from './record-referral-decision';
import { runExtraordinarySample } from './run-extraordinary-sample';
import { runMonthlySample } from './run-monthly-sample';
import { runReferrals } from './run-referrals';
import { runTrainingTrack } from './run-training-track';
import { organizationStaffDirectory } from './staff-directory';

let deps: TestDeps;
const ids: Record<string, string> = {};
const actor = (a: Partial<Actor>): Ctx => ({
  actor: {
    accountId: 'acc',
    role: 'admin',
    name: 'Teste',
    unitId: 'BR',
    cpf: null,
    partnerEntityId: null,
    staffId: null,
    via: 'session',
    sessionId: null,
    ...a,
  },
  requestId: 'test',
});
const admin = actor({});

async function deliver(p: Partial<TaskConcluded> & { taskId: string }) {
  const payload: TaskConcluded = {
    requestId: `R-${p.taskId}`,
    protocol: `PROT-${p.taskId}`,
    serviceCode: '2002',
    species: 'B41',
    srCode: 'SR1',
    gexCode: 'GEX1',
    unitId: 'APS1A',
    serverId: ids.an1!,
    queue: 'regular',
    system: 'PAT',
    subtasks: [],
    concludedAt: '2026-01-15',
    decision: 'granted',
    automatic: false,
    ...p,
  };
  await deps.db.tx((tx) =>
    taskConcludedConsumer.handle(
      {
        id: p.taskId,
        type: 'task.concluded',
        aggregateType: 'task',
        aggregateId: p.taskId,
        payload,
        occurredAt: '',
        version: 1,
      },
      tx,
      deps,
    ),
  );
}

beforeAll(async () => {
  deps = await createTestDeps();
  await seedTestUnits(deps);
  const staff = async (
    reg: string,
    unitId: string,
    roles: ('analyst' | 'supervisor')[],
    startDate = '2020-01-01',
  ) =>
    (await createStaff(deps, null, { registration: reg, name: `Servidor ${reg}`, unitId, roles, startDate }))
      .id;
  ids.supA = await staff('100001', 'SR1', ['supervisor', 'analyst']);
  ids.supB = await staff('100002', 'GEX1', ['supervisor']);
  ids.sup2 = await staff('100003', 'SR2', ['supervisor']);
  ids.an1 = await staff('100004', 'APS1A', ['analyst']);
  ids.novo = await staff('100005', 'APS1B', ['analyst'], '2026-01-01');
  for (let i = 0; i < 30; i++) await deliver({ taskId: `T${String(i).padStart(2, '0')}` });
  // a task concluded by a supervisor of the team: never assigned to that supervisor
  await deliver({ taskId: 'T-SUPA', serverId: ids.supA });
  await deliver({ taskId: 'OUT-SABI', species: 'B31', system: 'SABI', subtasks: ['17436'] });
  await deliver({ taskId: 'OUT-B36', species: 'B36' });
  await deliver({ taskId: 'S2-1', srCode: 'SR2', gexCode: 'GEX2', unitId: 'APS2A' });
  await deliver({ taskId: 'S2-1' }); // re-delivery with new data: upsert, not a duplicate
}, 120_000);

afterAll(async () => {
  await deps?.close();
});

describe('supervision on the platform', () => {
  it('frame: the consumer stores the scope decision (art. 4) and is idempotent', async () => {
    const r = await deps.db.pool.query(
      `SELECT task_id, in_scope, sr_code FROM sup_frame_tasks WHERE task_id IN ('OUT-SABI','OUT-B36','S2-1','T00') ORDER BY task_id`,
    );
    expect(r.rows).toEqual([
      { task_id: 'OUT-B36', in_scope: false, sr_code: 'SR1' },
      { task_id: 'OUT-SABI', in_scope: false, sr_code: 'SR1' },
      { task_id: 'S2-1', in_scope: true, sr_code: 'SR1' },
      { task_id: 'T00', in_scope: true, sr_code: 'SR1' },
    ]);
  });

  it('frame through the platform outbox: task.concluded as the requests module publishes it', async () => {
    // Typed with the requests module's own payload type: a change on either side breaks this test.
    const payload: RequestsTaskConcluded = {
      taskId: 'VIA-OUTBOX',
      requestId: 'R1',
      protocol: 'P1',
      serviceCode: '2002',
      species: 'B88',
      srCode: 'SR2',
      gexCode: 'GEX2',
      unitId: 'APS2A',
      serverId: null,
      queue: 'regular',
      system: 'PAT',
      subtasks: [],
      concludedAt: '2025-12-30',
      decision: 'denied',
      automatic: true,
    };
    await deps.db.tx((tx) =>
      deps.outbox.publish(tx, {
        type: 'task.concluded',
        aggregateType: 'task',
        aggregateId: 'VIA-OUTBOX',
        payload,
      }),
    );
    const r = await dispatchOnce(deps, [taskConcludedConsumer]);
    expect(r.delivered).toBeGreaterThanOrEqual(1);
    const row = await deps.db.pool.query(
      `SELECT species, in_scope, automatic FROM sup_frame_tasks WHERE task_id = 'VIA-OUTBOX'`,
    );
    expect(row.rows).toEqual([{ species: 'B88', in_scope: true, automatic: true }]);
  });

  it('monthly sample: cycle with seed and frame hash, assignment within the SR team, never the author; no second draw', async () => {
    const staff = organizationStaffDirectory(deps);
    const r = await runMonthlySample(deps, admin, staff, {
      month: '2026-01',
      sizing: { kind: 'fixed', size: 32 },
      seed: 's1',
    });
    expect(r.srs).toEqual([expect.objectContaining({ sr: 'SR1', population: 32, size: 32 })]);
    expect(r.frameSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.dueDate).toBe('2026-02-28');
    const rows = await deps.db.pool.query(
      `SELECT task_id, server_id, assigned_to, origin_label, due_date FROM sup_supervisions WHERE cycle_label = '2026-01'`,
    );
    expect(rows.rowCount).toBe(32);
    for (const s of rows.rows) {
      expect([ids.supA, ids.supB]).toContain(s.assigned_to);
      expect(s.assigned_to).not.toBe(s.server_id);
      expect(s.origin_label).toBe('Amostra aleatória');
    }
    expect(rows.rows.find((s) => s.task_id === 'T-SUPA')!.assigned_to).toBe(ids.supB);
    await expect(
      runMonthlySample(deps, admin, staff, {
        month: '2026-01',
        sizing: { kind: 'fixed', size: 5 },
        seed: 's1',
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      runMonthlySample(deps, actor({ role: 'manager', unitId: 'SR1' }), staff, {
        month: '2026-02',
        sizing: { kind: 'fixed', size: 5 },
        seed: 's1',
      }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('automatic conclusions (no server) and units without SR are in the frame and can be sampled', async () => {
    await deliver({ taskId: 'AUTO1', serverId: null, automatic: true, concludedAt: '2026-02-10' });
    await deliver({ taskId: 'NOSR1', srCode: null, gexCode: null, concludedAt: '2026-02-11' });
    const r = await runMonthlySample(deps, admin, organizationStaffDirectory(deps), {
      month: '2026-02',
      sizing: { kind: 'fixed', size: 5 },
      seed: 'auto',
    });
    expect(r.srs.map((s) => [s.sr, s.population, s.taskIds])).toEqual([
      ['APS1A', 1, ['NOSR1']],
      ['SR1', 1, ['AUTO1']],
    ]);
    const row = await deps.db.pool.query(
      `SELECT server_id, assigned_to FROM sup_supervisions WHERE task_id = 'AUTO1'`,
    );
    expect(row.rows[0].server_id).toBeNull();
    expect([ids.supA, ids.supB]).toContain(row.rows[0].assigned_to);
  });

  it('conclusion: checklist per species, revision event to the requests module (REVOFICIO 5172)', async () => {
    const list = await listSupervisions(
      deps,
      actor({ role: 'supervisor', unitId: 'SR1', staffId: ids.supB }),
      // The January cycle: the indicators test below counts this conclusion in it (ids are random
      // UUIDs, so without the filter the first item may be one of February's).
      { assignedToMe: true, status: 'pending', cycle: '2026-01' },
    );
    // Not T-SUPA: the reassignment test below needs that one still pending.
    const target = list.items.find((s) => s.taskId !== 'T-SUPA')!;
    expect(target).toBeDefined();
    const detail = await getSupervision(
      deps,
      actor({ role: 'supervisor', unitId: 'SR1', staffId: ids.supB }),
      target.id,
    );
    const allOk = Object.fromEntries(detail.criteria.map((c) => [c.code, true]));
    expect(Object.keys(allOk)).toContain('M01'); // aposentadoria criteria
    const supB = actor({ role: 'supervisor', unitId: 'SR1', staffId: ids.supB });
    await expect(
      concludeSupervision(deps, supB, {
        id: target.id,
        outcome: 'full_ratification',
        answers: { ...allOk, M02: false },
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      concludeSupervision(deps, supB, { id: target.id, outcome: 'not_ratified', answers: { F01: true } }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      concludeSupervision(deps, actor({ role: 'supervisor', unitId: 'SR1', staffId: ids.supA }), {
        id: target.id,
        outcome: 'full_ratification',
        answers: allOk,
      }),
    ).rejects.toMatchObject({ status: 403 });
    const done = await concludeSupervision(deps, supB, {
      id: target.id,
      outcome: 'not_ratified',
      answers: { ...allOk, M02: false },
    });
    expect(done).toMatchObject({
      outcome: 'not_ratified',
      nonconformities: ['M02'],
      revisionService: '5172',
    });
    const ev = await deps.db.orm.execute<{ payload: Record<string, unknown> }>(
      sql`SELECT payload FROM outbox WHERE type = 'supervision.revision_requested' AND aggregate_id = ${target.id}`,
    );
    expect(ev.rows[0]!.payload).toMatchObject({
      supervisionId: target.id,
      taskId: target.taskId,
      requestId: target.requestId,
      unitId: 'APS1A',
      serviceCode: '5172',
    });
    await expect(
      concludeSupervision(deps, supB, { id: target.id, outcome: 'full_ratification', answers: allOk }),
    ).rejects.toMatchObject({
      status: 409,
    });
    // scope: a supervisor of SR2 does not see it
    await expect(
      getSupervision(deps, actor({ role: 'supervisor', unitId: 'SR2', staffId: ids.sup2 }), target.id),
    ).rejects.toMatchObject({
      status: 404,
    });
    const audit = await deps.db.pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE resource_type = 'supervision'`,
    );
    expect(audit.rows[0].n).toBeGreaterThan(0);
  });

  it('reassignment within the SR team, never to the author (art. 7 §3)', async () => {
    const staff = organizationStaffDirectory(deps);
    const mine = await listSupervisions(deps, admin, { status: 'pending', origin: 'random' });
    const s = mine.items.find((x) => x.taskId === 'T-SUPA')!;
    await expect(
      assignSupervision(deps, admin, staff, { id: s.id, supervisorId: ids.supA! }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      assignSupervision(deps, admin, staff, { id: s.id, supervisorId: ids.sup2! }),
    ).rejects.toMatchObject({ status: 422 });
    const other = mine.items.find((x) => x.taskId !== 'T-SUPA' && x.assignedTo === ids.supB)!;
    expect(await assignSupervision(deps, admin, staff, { id: other.id, supervisorId: ids.supA! })).toEqual({
      id: other.id,
      assignedTo: ids.supA,
    });
    await expect(
      assignSupervision(deps, actor({ role: 'manager', unitId: 'SR2' }), staff, {
        id: other.id,
        supervisorId: ids.supB!,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('indicators over random-sample supervisions of the caller scope (art. 9)', async () => {
    const r = await getIndicators(deps, admin, { cycle: '2026-01', by: 'sr' });
    expect(r.groups).toEqual([
      expect.objectContaining({ key: 'SR1', total: 1, notRatified: 1, icon: 0, idnr: 100 }),
    ]);
    const sr2 = await getIndicators(deps, actor({ role: 'manager', unitId: 'SR2' }), { by: 'all' });
    expect(sr2.groups).toEqual([]);
  });

  it('targeted selection keeps its criterion and refuses out-of-scope tasks (arts. 4 §1, 8)', async () => {
    const staff = organizationStaffDirectory(deps);
    const r = await createTargetedSelection(deps, admin, staff, {
      label: 'DIR-2026-01',
      taskIds: ['T01', 'T02'],
      criterion: 'Concessões com DER retroativa acima do padrão',
    });
    expect(r.supervisions).toBe(2);
    await expect(
      createTargetedSelection(deps, admin, staff, {
        label: 'DIR-2026-02',
        taskIds: ['OUT-B36'],
        criterion: 'Critério qualquer',
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('error indication: in scope → supervision; SABI incapacity → refused naming REVOFIBI 17475 (art. 4 §5)', async () => {
    const staff = organizationStaffDirectory(deps);
    const r = await createErrorIndication(deps, admin, staff, {
      taskId: 'T03',
      description: 'Erro no tempo de contribuição',
    });
    expect(r.cycle).toBe('2026-Q1');
    await expect(
      createErrorIndication(deps, admin, staff, { taskId: 'OUT-SABI', description: 'Erro na DIB' }),
    ).rejects.toThrow(/17475/);
    await expect(
      createErrorIndication(deps, admin, staff, { taskId: 'T03', description: 'de novo' }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });

  it('extraordinary sample on the platform data (arts. 10–12)', async () => {
    for (let i = 0; i < 12; i++)
      await deliver({
        taskId: `X${i}`,
        queue: 'extraordinary',
        concludedAt: '2026-02-10',
        decision: i < 6 ? 'denied' : 'granted',
      });
    const r = await runExtraordinarySample(deps, admin, organizationStaffDirectory(deps), {
      quarter: '2026-Q1',
      seed: 'x',
    });
    expect(r.servers).toEqual([
      expect.objectContaining({ serverId: ids.an1, production: 12, neverSupervised: true, size: 1 }),
    ]);
    expect(r.dueDate).toBe('2026-05-31'); // test clock 2026-03-02 + 90 days
  });

  it('training track: new server at day 60 gets one task of its window (arts. 18, 21)', async () => {
    // start 2026-01-01; test date 2026-03-02 = day 60: window (day 45 = 2026-02-15, 2026-03-02]
    await deliver({ taskId: 'N1', serverId: ids.novo, unitId: 'APS1B', concludedAt: '2026-02-15' });
    await deliver({
      taskId: 'N2',
      serverId: ids.novo,
      unitId: 'APS1B',
      concludedAt: '2026-02-16',
      species: 'B21',
    });
    const r = await runTrainingTrack(deps, admin, organizationStaffDirectory(deps), {
      date: '2026-03-02',
      seed: 't',
    });
    expect(r.servers).toEqual([
      expect.objectContaining({ serverId: ids.novo, samplePointDays: 60, taskIds: ['N2'] }),
    ]);
    expect(r.dueDate).toBe('2026-03-17');
  });

  it('referrals (art. 14) and the right of defence before any removal decision', async () => {
    // error-indication supervisions of 2026-Q1 for an1: conclude three as not ratified
    const staff = organizationStaffDirectory(deps);
    for (const t of ['T04', 'T05'])
      await createErrorIndication(deps, admin, staff, { taskId: t, description: 'Indicação da GEX' });
    const pending = await listSupervisions(deps, admin, { origin: 'error_indication', status: 'pending' });
    for (const s of pending.items) {
      const d = await getSupervision(deps, admin, s.id);
      const answers = Object.fromEntries(d.criteria.map((c) => [c.code, c.code !== 'F02']));
      await concludeSupervision(deps, admin, { id: s.id, outcome: 'not_ratified', answers });
    }
    await deps.db.pool.query(
      `INSERT INTO sup_referrals (id, server_id, unit_id, cycle, supervised, full_count, performance_index, not_ratified, reasons, proposed_removal, status)
       VALUES (gen_random_uuid(), $1, 'APS1A', '2025-Q4', 5, 1, 20, 0, '{performance_index_below_70}', false, 'referred')`,
      [ids.an1],
    );
    const r = await runReferrals(deps, admin, { cycle: '2026-Q1' });
    expect(r.servers).toEqual([
      expect.objectContaining({
        serverId: ids.an1,
        supervised: 3,
        notRatified: 3,
        reasons: ['not_ratified_3_or_more'],
        proposedRemoval: true,
      }),
    ]);
    const row = await deps.db.pool.query(`SELECT id, status FROM sup_referrals WHERE cycle = '2026-Q1'`);
    expect(row.rows[0].status).toBe('removal_proposed');
    const id = row.rows[0].id as string;
    await expect(
      recordReferralDecision(deps, admin, id, {
        action: 'decide',
        decision: 'removed',
        reason: 'Sem defesa',
      }),
    ).rejects.toMatchObject({
      status: 409,
    });
    await recordReferralDecision(deps, admin, id, { action: 'notify_defence' });
    await recordReferralDecision(deps, admin, id, {
      action: 'record_defence',
      defence: 'Apresento justificativas.',
    });
    const decided = await recordReferralDecision(deps, admin, id, {
      action: 'decide',
      decision: 'kept',
      reason: 'Defesa acolhida pela chefia imediata.',
    });
    expect(decided).toMatchObject({ status: 'decided', decision: 'kept', defenceNotifiedAt: '2026-03-02' });
  });
});
