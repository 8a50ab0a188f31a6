import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors';
import { createTestDeps, seedTestUnits, type TestDeps } from '../../platform/testing';
import { decideRequest } from './decide-request';
import { fileRequest } from './file-request';
import { takeNextTask } from './take-next-task';
import { staffCtx as actor, cpfFrom, seeded } from './testing';

const rnd = seeded(7);
let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps();
  await seedTestUnits(deps);
});
afterAll(async () => deps?.close());

describe('concurrency (real PostgreSQL when TEST_DATABASE_URL is set, PGlite otherwise)', () => {
  it('50 analysts taking tasks at once never get the same task', async () => {
    const clerk = actor('analyst', 'APS1A');
    const species = ['41', '80', '21', '88', '25'] as const;
    for (let i = 0; i < 60; i++) {
      await fileRequest(deps, clerk, {
        cpf: cpfFrom(rnd),
        species: species[i % species.length]!,
        unitId: 'APS1A',
      });
      deps.clock.advance(1000);
    }
    const analysts = Array.from({ length: 50 }, () => actor('analyst', 'APS1A'));
    const results = await Promise.all(analysts.map((a) => takeNextTask(deps, a)));
    const taken = results.filter((r) => r !== null);
    expect(taken).toHaveLength(50);
    expect(new Set(taken.map((t) => t!.id)).size).toBe(50);
    expect(new Set(taken.map((t) => t!.assigneeStaffId)).size).toBe(50);
    const db = await deps.db.pool.query(
      `SELECT count(*)::int AS assigned, count(DISTINCT assignee_staff_id)::int AS people FROM req_tasks WHERE status = 'assigned'`,
    );
    expect(db.rows[0]).toEqual({ assigned: 50, people: 50 });
    const actions = await deps.db.pool.query(
      `SELECT task_id, count(*)::int AS n FROM req_task_actions WHERE action = 'assigned' GROUP BY task_id HAVING count(*) > 1`,
    );
    expect(actions.rows).toEqual([]);
    // The 10 left are still open; the most urgent (earliest due date) went first.
    const open = await deps.db.pool.query(`SELECT min(due_date) AS d FROM req_tasks WHERE status = 'open'`);
    const maxTaken = taken
      .map((t) => t!.dueDate ?? '9999-12-31')
      .sort()
      .at(-1)!;
    expect(maxTaken <= open.rows[0].d).toBe(true);
  });

  it('two concurrent decisions on the same case: one wins, the other gets 409', async () => {
    const analyst = actor('analyst', 'APS1A');
    const filed = await fileRequest(deps, analyst, { cpf: cpfFrom(rnd), species: '41', unitId: 'APS1B' });
    const holder = actor('analyst', 'APS1B');
    const task = await takeNextTask(deps, holder);
    expect(task?.requestId).toBe(filed.request.id);
    const version = filed.request.version + 1; // after ASSIGN
    const supervisor = actor('supervisor', 'SR1');
    const body = (outcome: 'granted' | 'denied') => ({
      outcome,
      reasons: [{ code: outcome === 'granted' ? 'DEF-01' : 'IND-01', text: 'Motivo de teste suficiente.' }],
      legalBasis: 'Lei 8.213/1991, art. 48',
      expectedVersion: version,
      calculation: outcome === 'granted' ? { rmiCents: 250000 } : undefined,
    });
    const settled = await Promise.allSettled([
      decideRequest(deps, holder, filed.request.id, body('granted')),
      decideRequest(deps, supervisor, filed.request.id, body('denied')),
    ]);
    const ok = settled.filter((s) => s.status === 'fulfilled');
    const failed = settled.filter((s) => s.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(isAppError(failed[0]!.reason) && failed[0]!.reason.status).toBe(409);
    const decisions = await deps.db.pool.query(
      'SELECT count(*)::int AS n FROM req_decisions WHERE request_id = $1',
      [filed.request.id],
    );
    expect(decisions.rows[0].n).toBe(1);
    const concluded = await deps.db.pool.query(
      `SELECT count(*)::int AS n FROM outbox WHERE type = 'task.concluded' AND payload->>'requestId' = $1`,
      [filed.request.id],
    );
    expect(concluded.rows[0].n).toBe(1);
  });

  it('a decision on a stale version is refused with 409 even without a race', async () => {
    const clerk = actor('analyst', 'APS2A');
    const filed = await fileRequest(deps, clerk, { cpf: cpfFrom(rnd), species: '88', unitId: 'APS2A' });
    const holder = actor('analyst', 'APS2A');
    await takeNextTask(deps, holder);
    const err = await decideRequest(deps, holder, filed.request.id, {
      outcome: 'denied',
      reasons: [{ code: 'IND-02', text: 'Renda per capita acima do limite.' }],
      legalBasis: 'Lei 8.742/1993, art. 20, § 3º',
      expectedVersion: filed.request.version, // read before the task was taken
    }).catch((e) => e);
    expect(isAppError(err) && err.status).toBe(409);
  });

  it('a grant runs the calculation engine and stores its result with the decision', async () => {
    const clerk = actor('analyst', 'APS1A');
    const filed = await fileRequest(deps, clerk, { cpf: cpfFrom(rnd), species: '41', unitId: 'APS2A' });
    const holder = actor('analyst', 'APS2A');
    await takeNextTask(deps, holder);
    const calculationInput = {
      benefit: 'B41',
      sex: 'F',
      birth_date: '1961-03-15',
      request_date: '2025-03-20',
      links: [{ start: '2005-01-01', end: '2024-12-31', category: 'employee' }],
      contributions: [
        { month: '2024-10', amount: '3000.00' },
        { month: '2024-11', amount: '3000.00' },
        { month: '2024-12', amount: '9000.00' },
      ],
    };
    const wrong = await decideRequest(deps, holder, filed.request.id, {
      outcome: 'granted',
      reasons: [{ code: 'DEF-01', text: 'Requisitos cumpridos.' }],
      legalBasis: 'EC 103/2019, art. 18',
      expectedVersion: filed.request.version + 1,
      calculationInput: { ...calculationInput, benefit: 'B42' },
    }).catch((e) => e);
    expect(isAppError(wrong) && wrong.status).toBe(422);
    const ok = await decideRequest(deps, holder, filed.request.id, {
      outcome: 'granted',
      reasons: [{ code: 'DEF-01', text: 'Requisitos cumpridos.' }],
      legalBasis: 'EC 103/2019, art. 18',
      expectedVersion: filed.request.version + 1,
      calculationInput,
    });
    const row = await deps.db.pool.query('SELECT calculation FROM req_decisions WHERE id = $1', [
      ok.decisionId,
    ]);
    expect(row.rows[0].calculation.source).toBe('calculation-engine');
    expect(row.rows[0].calculation.result).toMatchObject({
      rule: 'ec103_art18',
      rmi: '5398.64',
      eligible: true,
    });
  });
});
