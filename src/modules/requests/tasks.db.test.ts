import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors';
import { dispatchOnce } from '../../platform/outbox/outbox';
import { createTestDeps, seedTestUnits, type TestDeps } from '../../platform/testing';
import { createStaff } from '../organization/create-staff';
import { revisionConsumer } from './create-revision-task';
import { decideRequest } from './decide-request';
import { fileRequest } from './file-request';
import { actionPlanIndicators } from './indicators';
import { reassignTask } from './reassign-task';
import { registerPendency } from './register-pendency';
import { releaseTask } from './release-task';
import { takeNextTask } from './take-next-task';
import { staffCtx as actor, cpfFrom, seeded } from './testing';
import { transferTask } from './transfer-task';

const rnd = seeded(2026);
let deps: TestDeps;
const q = async (s: string, p: unknown[] = []) => (await deps.db.pool.query(s, p)).rows;

beforeAll(async () => {
  deps = await createTestDeps();
  await seedTestUnits(deps);
});
afterAll(async () => deps?.close());

describe('task moves: release, transfer, reassign (with reasons in the history)', () => {
  it('release returns the task to the queue and the request to "filed"', async () => {
    const f = await fileRequest(deps, actor('analyst', 'APS1A'), {
      cpf: cpfFrom(rnd),
      species: '80',
      unitId: 'APS1A',
    });
    const a = actor('analyst', 'APS1A');
    const t = await takeNextTask(deps, a);
    expect(t?.requestId).toBe(f.request.id);
    const other = actor('analyst', 'APS1A');
    const denied = await releaseTask(deps, other, t!.id, 'não é minha').catch((e) => e);
    expect(isAppError(denied) && denied.status).toBe(403);
    await releaseTask(deps, a, t!.id, 'Preciso de apoio da perícia');
    expect((await q('SELECT status, assignee_staff_id FROM req_tasks WHERE id = $1', [t!.id]))[0]).toEqual({
      status: 'open',
      assignee_staff_id: null,
    });
    expect((await q('SELECT status FROM req_requests WHERE id = $1', [f.request.id]))[0].status).toBe(
      'filed',
    );
    expect(
      (await q(`SELECT reason FROM req_task_actions WHERE task_id = $1 AND action = 'released'`, [t!.id]))[0]
        .reason,
    ).toBe('Preciso de apoio da perícia');
  });

  it('transfer sends the task and the request to another unit; an analyst there takes it', async () => {
    const a = actor('analyst', 'APS1A');
    const t = await takeNextTask(deps, a);
    await transferTask(deps, a, t!.id, 'APS1B', 'Residência do requerente em Jundiaí');
    expect((await q('SELECT unit_id, queue_key, status FROM req_tasks WHERE id = $1', [t!.id]))[0]).toEqual({
      unit_id: 'APS1B',
      queue_key: 'regular:APS1B:80',
      status: 'open',
    });
    expect((await q('SELECT unit_id FROM req_requests WHERE id = $1', [t!.requestId]))[0].unit_id).toBe(
      'APS1B',
    );
    expect((await takeNextTask(deps, actor('analyst', 'APS1B')))?.id).toBe(t!.id);
  });

  it('reassign by a supervisor moves a task to the training track and to a named new server', async () => {
    const f = await fileRequest(deps, actor('analyst', 'APS2A'), {
      cpf: cpfFrom(rnd),
      species: '41',
      unitId: 'APS2A',
    });
    const novice = await createStaff(deps, null, {
      registration: 'N1',
      name: 'Servidora Nova',
      unitId: 'APS2A',
      roles: ['analyst'],
      startDate: '2026-02-01',
    });
    const sup = actor('supervisor', 'SR2');
    const task = (await q('SELECT id FROM req_tasks WHERE request_id = $1', [f.request.id]))[0].id;
    const r = await reassignTask(deps, sup, task, {
      toQueue: 'training',
      toStaffId: novice.id,
      reason: 'Trilha de formação',
    });
    expect(r).toMatchObject({ queue: 'training', assigneeStaffId: novice.id, status: 'assigned' });
    expect(
      (await q('SELECT status, holder_staff_id FROM req_requests WHERE id = $1', [f.request.id]))[0],
    ).toEqual({ status: 'in_analysis', holder_staff_id: novice.id });
    // The novice concludes it: the task records the training queue and who concluded it.
    const version = (await q('SELECT version FROM req_requests WHERE id = $1', [f.request.id]))[0].version;
    await decideRequest(deps, actor('analyst', 'APS2A', novice.id), f.request.id, {
      outcome: 'denied',
      reasons: [{ code: 'IND-IDADE', text: 'Idade mínima não atingida.' }],
      legalBasis: 'EC 103/2019, art. 18',
      expectedVersion: version,
    });
    const ev = (
      await q(`SELECT payload FROM outbox WHERE type = 'task.concluded' AND payload->>'requestId' = $1`, [
        f.request.id,
      ])
    )[0].payload;
    expect(ev).toMatchObject({
      queue: 'training',
      serverId: novice.id,
      srCode: 'SR2',
      gexCode: 'GEX2',
      decision: 'denied',
      automatic: false,
    });
  });
});

describe('revision requested by the supervision module (outbox consumer)', () => {
  it('creates the revision task once, moves the case to revision, and the decision concludes it with its service code', async () => {
    const f = await fileRequest(deps, actor('analyst', 'APS1A'), {
      cpf: cpfFrom(rnd),
      species: '88',
      unitId: 'APS1A',
    });
    const a = actor('analyst', 'APS1A');
    const t = await takeNextTask(deps, a);
    await decideRequest(deps, a, f.request.id, {
      outcome: 'granted',
      reasons: [{ code: 'DEF-01', text: 'Requisitos cumpridos.' }],
      legalBasis: 'Lei 8.742/1993, art. 20',
      expectedVersion: f.request.version + 1,
      calculation: { rmi: '1621.00' },
    });
    const payload = {
      supervisionId: 'SUP-1',
      taskId: t!.id,
      requestId: f.request.id,
      unitId: 'APS1A',
      serviceCode: '5172',
      reason: 'Divergência na renda',
    };
    const publish = () =>
      deps.db.pool.query(
        `INSERT INTO outbox (event_id, type, aggregate_type, aggregate_id, payload) VALUES ($1, 'supervision.revision_requested', 'supervision', 'SUP-1', $2)`,
        [randomUUID(), JSON.stringify(payload)],
      );
    await publish();
    await dispatchOnce(deps, [revisionConsumer]);
    await publish(); // the supervision module re-sent it (another event id): still one task
    await dispatchOnce(deps, [revisionConsumer]);
    const tasks = await q(
      `SELECT id, service_code, status, supervision_id FROM req_tasks WHERE request_id = $1 AND kind = 'revision'`,
      [f.request.id],
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ service_code: '5172', status: 'open', supervision_id: 'SUP-1' });
    expect((await q('SELECT status FROM req_requests WHERE id = $1', [f.request.id]))[0].status).toBe(
      'under_revision',
    );
    const reviewer = actor('analyst', 'APS1A');
    expect((await takeNextTask(deps, reviewer))?.id).toBe(tasks[0].id);
    const version = (await q('SELECT version FROM req_requests WHERE id = $1', [f.request.id]))[0].version;
    await decideRequest(deps, reviewer, f.request.id, {
      outcome: 'denied',
      reasons: [{ code: 'REV-RENDA', text: 'Renda per capita acima de 1/4 do salário mínimo.' }],
      legalBasis: 'Lei 8.742/1993, art. 20, § 3º',
      expectedVersion: version,
    });
    const ev = (
      await q(`SELECT payload FROM outbox WHERE type = 'task.concluded' AND payload->>'taskId' = $1`, [
        tasks[0].id,
      ])
    )[0].payload;
    expect(ev).toMatchObject({ serviceCode: '5172', decision: 'denied', serverId: reviewer.actor.staffId });
  });
});

describe('action-plan indicators', () => {
  it('counts automatic conclusions and the over-deadline share by species', async () => {
    const f = await fileRequest(deps, actor('analyst', 'APS2A'), {
      cpf: cpfFrom(rnd),
      species: '21',
      unitId: 'APS2A',
    });
    await registerPendency(deps, actor('supervisor', 'SR2'), f.request.id, 'Aguardando óbito no SIRC');
    const system = {
      actor: { ...actor('integration', null, null).actor, via: 'system' as const },
      requestId: 'x',
    };
    await decideRequest(deps, system, f.request.id, {
      outcome: 'granted',
      reasons: [{ code: 'AUT-DEF', text: 'Óbito e dependência confirmados nas bases.' }],
      legalBasis: 'Lei 8.213/1991, art. 74',
      expectedVersion: (await q('SELECT version FROM req_requests WHERE id = $1', [f.request.id]))[0].version,
      calculation: { rmi: '2000.00' },
    });
    const ind = await actionPlanIndicators(deps, actor('manager', 'BR'));
    expect(ind.automaticConclusions.automatic).toBe(1);
    expect(ind.automaticConclusions.concluded).toBeGreaterThanOrEqual(3);
    expect(ind.automaticConclusions.shareBp).toBe(
      Math.floor(
        (10_000 + Math.floor(ind.automaticConclusions.concluded / 2)) / ind.automaticConclusions.concluded,
      ),
    );
    expect(ind.overDeadlineBySpecies.map((s) => s.species)).toContain('21');
    expect(ind.appealComplianceBacklogOver365Days).toBe(0);
  });
});
