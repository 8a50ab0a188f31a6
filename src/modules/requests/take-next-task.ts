import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { notFound, unprocessable } from '../../platform/errors';
import type { ClockEvent } from './domain/deadline';
import { eligibleQueueKeys, type QueueGrant, type QueueKind } from './domain/queues';
import { FILEABLE_SPECIES } from './domain/species';
import {
  appendAction,
  clockOf,
  logTaskAction,
  one,
  pgTextArray,
  type RequestRow,
  rows,
  type TaskRow,
  today,
} from './store';
import { presentTask } from './views';

/** The queues a server may take from: their grants, or by default the regular queue of their own unit. */
export async function queueKeysOf(
  deps: Pick<Deps, 'db'>,
  staffId: string,
  unitId: string | null,
): Promise<string[]> {
  const grants = await rows<{ queue: QueueKind; unit_id: string; species: string }>(
    deps.db.orm,
    sql`SELECT queue, unit_id, species FROM req_queue_grants WHERE staff_id = ${staffId}`,
  );
  const list: QueueGrant[] = grants.map((g) => ({
    queue: g.queue,
    unitId: g.unit_id,
    species: g.species === '*' ? null : g.species,
  }));
  if (list.length === 0 && unitId) list.push({ queue: 'regular', unitId, species: null });
  return eligibleQueueKeys(list, FILEABLE_SPECIES);
}

/**
 * "Pegar próxima tarefa": the most urgent open task of the caller's queues — earliest legal due
 * date first, tasks whose clock has not started after those, then the oldest. SELECT … FOR UPDATE
 * SKIP LOCKED makes concurrent analysts skip a row another one is taking instead of waiting for
 * it, so no task is ever handed out twice.
 */
export async function takeNextTask(deps: Deps, ctx: Ctx) {
  const staffId = ctx.actor.staffId;
  if (!staffId)
    throw unprocessable(
      'Sua conta não está vinculada a um servidor (matrícula): não há filas para pegar tarefas.',
      [{ field: 'staffId', message: 'conta sem servidor vinculado' }],
    );
  const keys = await queueKeysOf(deps, staffId, ctx.actor.unitId);
  if (keys.length === 0) return null;
  const on = today(deps);
  const now = deps.clock.now();
  return deps.db.tx(async (tx) => {
    // Pick and claim in one statement. Candidates come from the take index one queue at a time
    // (the top `n` of each queue, in due-date order), then the most urgent one nobody else holds
    // is locked (SKIP LOCKED) and claimed. When every candidate is being taken by someone else at
    // that instant, the next tier looks deeper; the last tier scans the queues whole.
    const keyArray = pgTextArray(keys);
    let task: TaskRow | undefined;
    for (const n of [8, 64, null] as const) {
      const candidates =
        n === null
          ? sql`SELECT id, due_date, created_at FROM req_tasks WHERE status = 'open' AND queue_key = ANY(${keyArray}::text[])`
          : sql`SELECT c.id, c.due_date, c.created_at FROM unnest(${keyArray}::text[]) k(key)
                 CROSS JOIN LATERAL (
                   SELECT id, due_date, created_at FROM req_tasks
                    WHERE status = 'open' AND queue_key = k.key
                    ORDER BY due_date NULLS LAST, created_at LIMIT ${n}) c`;
      task = await one<TaskRow>(
        tx,
        sql`WITH cand AS (${candidates}),
            picked AS (
              SELECT t.id FROM req_tasks t JOIN cand ON cand.id = t.id
               WHERE t.status = 'open'
               ORDER BY cand.due_date NULLS LAST, cand.created_at
               LIMIT 1
               FOR UPDATE OF t SKIP LOCKED)
            UPDATE req_tasks t SET status = 'assigned', assignee_staff_id = ${staffId}, assigned_at = ${now}, version = t.version + 1
              FROM picked WHERE t.id = picked.id
            RETURNING t.*`,
      );
      if (task) break;
    }
    if (!task) return null;
    const found = await one<RequestRow & { clock: ClockEvent[] }>(
      tx,
      sql`SELECT r.*, COALESCE((SELECT json_agg(json_build_object('kind', e.kind, 'on', e.on_date) ORDER BY e.id)
                                  FROM req_clock_events e WHERE e.request_id = r.id), '[]'::json) AS clock
            FROM req_requests r WHERE r.id = ${task.request_id} FOR UPDATE OF r`,
    );
    if (!found) throw notFound('Requerimento');
    const { clock: events, ...req } = found;
    if (task.kind === 'analysis')
      await appendAction(tx, deps, ctx, req as RequestRow, 'ASSIGN', {
        staffId,
        details: { taskId: task.id },
      });
    await logTaskAction(tx, deps, ctx, task.id, 'assigned', {
      toStaffId: staffId,
      details: { via: 'take_next' },
    });
    await deps.outbox.publish(tx, {
      type: 'task.assigned',
      aggregateType: 'task',
      aggregateId: task.id,
      payload: {
        taskId: task.id,
        requestId: req.id,
        staffId,
        unitId: task.unit_id,
        queue: task.queue,
        via: 'take_next',
      },
    });
    // No audit row here: taking a task reads no personal data (the view has no CPF, name or
    // declared data) and who took what is already the append-only task history above.
    return presentTask(task, clockOf(req as RequestRow, events, on), { protocol: req.protocol });
  });
}
