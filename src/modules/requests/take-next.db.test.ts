import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors';
import { createTestDeps, seedTestUnits, type TestDeps } from '../../platform/testing';
import { createStaff } from '../organization/create-staff';
import { grantQueue } from './configure-queues';
import { fileRequest } from './file-request';
import { queuesOf, takeNextTask } from './take-next-task';
import { staffCtx as actor, cpfFrom, seeded } from './testing';

/** Take-next by grant: whole queues, single-species queues, most urgent first, and the refusal of an inconsistent case. */
const rnd = seeded(4242);
let deps: TestDeps;
const q = async (s: string, p: unknown[] = []) => (await deps.db.pool.query(s, p)).rows;
const staff = async (unitId: string) =>
  (
    await createStaff(deps, null, {
      registration: String(2_000_000 + Math.floor(rnd() * 1_000_000)),
      name: 'Servidor de Teste',
      unitId,
      roles: ['analyst'],
      startDate: '2020-01-02',
    })
  ).id;
const file = (unitId: string, species: '41' | '21' | '80' | '88') =>
  fileRequest(deps, actor('analyst', unitId, randomUUID()), { cpf: cpfFrom(rnd), species, unitId });

beforeAll(async () => {
  deps = await createTestDeps();
  await seedTestUnits(deps);
});
afterAll(async () => deps?.close());

describe('take next task by queue grants', () => {
  it('takes from every queue granted, most urgent due date first across them', async () => {
    // B21 (pensão) has 45 days, B41 (idade) 90: filed the same day, the B21 is due first.
    deps.clock.set('2026-04-01T10:00:00-03:00');
    const late = await file('APS1B', '41');
    deps.clock.set('2026-04-02T10:00:00-03:00');
    const soon = await file('APS1A', '21');
    const me = await staff('APS1A');
    await grantQueue(deps, null, { staffId: me, unitId: 'APS1A', queue: 'regular', species: '*' });
    await grantQueue(deps, null, { staffId: me, unitId: 'APS1B', queue: 'regular', species: '*' });
    const first = await takeNextTask(deps, actor('analyst', 'APS1A', me));
    const second = await takeNextTask(deps, actor('analyst', 'APS1A', me));
    expect([first?.requestId, second?.requestId]).toEqual([soon.request.id, late.request.id]);
    expect((first?.dueDate ?? '') < (second?.dueDate ?? '')).toBe(true);
    expect(await takeNextTask(deps, actor('analyst', 'APS1A', me))).toBeNull();
  });

  it('a species grant takes only that species of that unit', async () => {
    const b88 = await file('APS2A', '88');
    const b80 = await file('APS2A', '80');
    const me = await staff('APS2A');
    await grantQueue(deps, null, { staffId: me, unitId: 'APS2A', queue: 'regular', species: '80' });
    const t = await takeNextTask(deps, actor('analyst', 'APS2A', me));
    expect(t?.requestId).toBe(b80.request.id);
    expect(t?.species).toBe('80');
    expect(await takeNextTask(deps, actor('analyst', 'APS2A', me))).toBeNull();
    expect((await q('SELECT status FROM req_tasks WHERE request_id = $1', [b88.request.id]))[0].status).toBe(
      'open',
    );
  });

  it('without grants, the regular queue of their own unit', async () => {
    const f = await file('CEAB1', '41');
    const t = await takeNextTask(deps, actor('analyst', 'CEAB1', randomUUID()));
    expect(t?.requestId).toBe(f.request.id);
    expect(t?.status).toBe('assigned');
    const history = await q(
      'SELECT action, status_after FROM req_request_actions WHERE request_id = $1 ORDER BY seq',
      [f.request.id],
    );
    expect(history).toEqual([
      { action: 'FILE', status_after: 'filed' },
      { action: 'ASSIGN', status_after: 'in_analysis' },
    ]);
    const ev = await q(`SELECT payload FROM outbox WHERE type = 'task.assigned' AND aggregate_id = $1`, [
      t!.id,
    ]);
    expect(ev).toHaveLength(1);
    expect(ev[0].payload).toMatchObject({
      taskId: t!.id,
      requestId: f.request.id,
      unitId: 'CEAB1',
      via: 'take_next',
    });
  });

  it('refuses (409) an open analysis task whose request is no longer "filed", and changes nothing', async () => {
    const f = await file('GEX2', '41');
    await deps.db.pool.query(`UPDATE req_requests SET status = 'granted' WHERE id = $1`, [f.request.id]);
    const e = await takeNextTask(deps, actor('analyst', 'GEX2', randomUUID())).catch((x) => x);
    expect(isAppError(e) && e.status).toBe(409);
    expect(String(e.detail ?? e.message)).toMatch(/Deferido|granted/i);
    expect(
      (await q('SELECT status, assignee_staff_id FROM req_tasks WHERE request_id = $1', [f.request.id]))[0],
    ).toEqual({
      status: 'open',
      assignee_staff_id: null,
    });
    expect(
      await q(`SELECT action FROM req_request_actions WHERE request_id = $1 AND action = 'ASSIGN'`, [
        f.request.id,
      ]),
    ).toEqual([]);
  });

  it('takes arriving together share a statement: the earlier arrival gets the more urgent task', async () => {
    const filed: { id: string; due: string | null }[] = [];
    for (let d = 1; d <= 6; d++) {
      deps.clock.set(`2026-05-${String(d).padStart(2, '0')}T10:00:00-03:00`);
      const f = await file('CEAB1', '41');
      filed.push({ id: f.request.id, due: f.dueDate });
    }
    const ids = await Promise.all([1, 2, 3, 4].map(() => staff('CEAB1')));
    for (const id of ids)
      await grantQueue(deps, null, { staffId: id, unitId: 'CEAB1', queue: 'regular', species: '*' });
    for (const id of ids) await queuesOf(deps, id, 'CEAB1'); // grants read: the four takes leave in one turn
    const got = await Promise.all(ids.map((id) => takeNextTask(deps, actor('analyst', 'CEAB1', id))));
    expect(got.map((t) => t?.requestId)).toEqual(filed.slice(0, 4).map((f) => f.id));
    expect(got.map((t) => t?.assigneeStaffId)).toEqual(ids);
  });

  it('overlapping queues taking together, and more analysts than tasks: each task to exactly one', async () => {
    const filed: string[] = [];
    for (let d = 1; d <= 6; d++) {
      deps.clock.set(`2026-06-${String(d).padStart(2, '0')}T10:00:00-03:00`);
      filed.push((await file('APS1B', '41')).request.id);
    }
    const whole = await Promise.all([1, 2, 3, 4].map(() => staff('APS1B')));
    const b41 = await Promise.all([1, 2, 3, 4].map(() => staff('APS1B')));
    for (const id of whole)
      await grantQueue(deps, null, { staffId: id, unitId: 'APS1B', queue: 'regular', species: '*' });
    for (const id of b41)
      await grantQueue(deps, null, { staffId: id, unitId: 'APS1B', queue: 'regular', species: '41' });
    const order = [whole[0]!, b41[0]!, whole[1]!, b41[1]!, whole[2]!, whole[3]!, b41[2]!, b41[3]!];
    for (const id of order) await queuesOf(deps, id, 'APS1B');
    const got = await Promise.all(order.map((id) => takeNextTask(deps, actor('analyst', 'APS1B', id))));
    expect(
      got
        .filter((t) => t !== null)
        .map((t) => t!.requestId)
        .sort(),
    ).toEqual([...filed].sort());
    expect(got.filter((t) => t === null)).toHaveLength(2);
    const twice = await q(
      `SELECT task_id FROM req_task_actions WHERE action = 'assigned' GROUP BY task_id HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
    const assignees = await q(
      `SELECT count(DISTINCT t.assignee_staff_id)::int AS n FROM req_tasks t
        WHERE t.request_id = ANY($1::uuid[]) AND t.status = 'assigned'`,
      [filed],
    );
    expect(assignees[0].n).toBe(6);
  });
});

describe('the write cost of a take', () => {
  it('moves the request filed → in_analysis without touching an index of req_requests (HOT update)', async () => {
    // PostgreSQL writes a status change heap-only (no new entry in any index) only when no index
    // of the table names a changed column, in its keys or in its predicate — migration 0003.
    const changed = ['status', 'holder_staff_id', 'version', 'updated_at'];
    const defs = await q(
      `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
         FROM pg_index WHERE indrelid = 'req_requests'::regclass`,
    );
    expect(defs.length).toBeGreaterThanOrEqual(4);
    for (const { name, def } of defs as { name: string; def: string }[]) {
      expect(def, name).toContain(' USING ');
      const onColumns = def.slice(def.indexOf(' USING '));
      for (const col of changed) expect(onColumns, name).not.toMatch(new RegExp(`\\b${col}\\b`));
    }
    // and room on each page for the new version of the row
    const [rel] = await q(`SELECT reloptions FROM pg_class WHERE oid = 'req_requests'::regclass`);
    expect(rel.reloptions).toContain('fillfactor=90');
  });
});
