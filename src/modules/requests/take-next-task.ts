import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, unprocessable } from '../../platform/errors';
import type { ClockEvent } from './domain/deadline';
import { ACTION_TARGET, availableActions, isActionAllowed } from './domain/lifecycle';
import { eligibleQueueKeys, type QueueGrant, type QueueKind } from './domain/queues';
import { FILEABLE_SPECIES } from './domain/species';
import { clockOf, one, pgTextArray, type RequestRow, rows, type TaskRow, today } from './store';
import { presentTask } from './views';

// The claim below moves the request filed → in_analysis in SQL (one round trip); it is only
// valid while the lifecycle table says so. Checked when the module loads.
if (!isActionAllowed('filed', 'ASSIGN') || ACTION_TARGET.ASSIGN !== 'in_analysis') {
  throw new Error(
    'take-next-task: a tabela do ciclo de vida mudou para ASSIGN; revise a reivindicação em SQL.',
  );
}

const KEYS_TTL_MS = 30_000;
const keyCache = new WeakMap<object, Map<string, { at: number; keys: string[] }>>();

/**
 * The queues a server may take from: their grants, or by default the regular queue of their own
 * unit. Cached for 30 s per server (a new grant takes effect within that).
 */
export async function queueKeysOf(
  deps: Pick<Deps, 'db'>,
  staffId: string,
  unitId: string | null,
): Promise<string[]> {
  let cache = keyCache.get(deps.db);
  if (!cache) {
    cache = new Map();
    keyCache.set(deps.db, cache);
  }
  const hit = cache.get(staffId);
  if (hit && Date.now() - hit.at < KEYS_TTL_MS) return hit.keys;
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
  const keys = eligibleQueueKeys(list, FILEABLE_SPECIES);
  cache.set(staffId, { at: Date.now(), keys });
  return keys;
}

export function forgetQueueKeys(deps: Pick<Deps, 'db'>, staffId: string) {
  keyCache.get(deps.db)?.delete(staffId);
}

/**
 * "Pegar próxima tarefa": the most urgent open task of the caller's queues — earliest legal due
 * date first, tasks whose clock has not started after those, then the oldest. SELECT … FOR UPDATE
 * SKIP LOCKED makes concurrent analysts skip a row another one is taking instead of waiting for
 * it, so no task is ever handed out twice.
 *
 * One statement picks, claims, moves the request to "in_analysis" (ASSIGN) and writes both
 * histories; candidates are read queue by queue from the partial take index (top `n` of each),
 * and a deeper tier runs only when every candidate is being taken by someone else at that instant.
 * No audit row: taking a task reads no personal data (the view has no CPF, name or declared data)
 * and who took what is the append-only task and request history written here.
 */
export async function takeNextTask(deps: Deps, ctx: Ctx) {
  const staffId = ctx.actor.staffId;
  if (!staffId) {
    throw unprocessable(
      'Sua conta não está vinculada a um servidor (matrícula): não há filas para pegar tarefas.',
      [{ field: 'staffId', message: 'conta sem servidor vinculado' }],
    );
  }
  const keys = await queueKeysOf(deps, staffId, ctx.actor.unitId);
  if (keys.length === 0) return null;
  const on = today(deps);
  const now = deps.clock.now();
  const keyArray = pgTextArray(keys);
  const actor = ctx.actor;
  return deps.db.tx(async (tx) => {
    let found: { task: TaskRow; request: RequestRow; clock: ClockEvent[] } | undefined;
    for (const n of [8, 64, null] as const) {
      const candidates =
        n === null
          ? sql`SELECT id, due_date, created_at FROM req_tasks WHERE status = 'open' AND queue_key = ANY(${keyArray}::text[])`
          : sql`SELECT c.id, c.due_date, c.created_at FROM unnest(${keyArray}::text[]) k(key)
                 CROSS JOIN LATERAL (
                   SELECT id, due_date, created_at FROM req_tasks
                    WHERE status = 'open' AND queue_key = k.key
                    ORDER BY due_date NULLS LAST, created_at LIMIT ${n}) c`;
      found = await one<{ task: TaskRow; request: RequestRow; clock: ClockEvent[] }>(
        tx,
        sql`WITH cand AS (${candidates}),
            picked AS (
              SELECT t.id FROM req_tasks t JOIN cand ON cand.id = t.id
               WHERE t.status = 'open'
               ORDER BY cand.due_date NULLS LAST, cand.created_at
               LIMIT 1
               FOR UPDATE OF t SKIP LOCKED),
            claimed AS (
              UPDATE req_tasks t SET status = 'assigned', assignee_staff_id = ${staffId}, assigned_at = ${now}, version = t.version + 1
                FROM picked WHERE t.id = picked.id
              RETURNING t.*),
            req AS (
              UPDATE req_requests r SET status = 'in_analysis', holder_staff_id = ${staffId}, version = r.version + 1, updated_at = ${now}
                FROM claimed WHERE r.id = claimed.request_id AND claimed.kind = 'analysis' AND r.status = 'filed'
              RETURNING r.*),
            ra AS (
              INSERT INTO req_request_actions (request_id, seq, action, status_after, actor_account_id, actor_role, staff_id, at, details)
              SELECT req.id, req.version, 'ASSIGN', 'in_analysis', ${actor.accountId}, ${actor.role}, ${staffId}, ${now},
                     json_build_object('taskId', claimed.id, 'via', 'take_next')::jsonb
                FROM req JOIN claimed ON claimed.request_id = req.id),
            ta AS (
              INSERT INTO req_task_actions (task_id, action, actor_account_id, staff_id, to_staff_id, at, details)
              SELECT claimed.id, 'assigned', ${actor.accountId}, ${staffId}, ${staffId}, ${now}, '{"via":"take_next"}'::jsonb FROM claimed)
            SELECT row_to_json(claimed.*) AS task,
                   COALESCE((SELECT row_to_json(req.*) FROM req),
                            (SELECT row_to_json(r2.*) FROM req_requests r2 WHERE r2.id = claimed.request_id)) AS request,
                   COALESCE((SELECT json_agg(json_build_object('kind', e.kind, 'on', e.on_date) ORDER BY e.id)
                               FROM req_clock_events e WHERE e.request_id = claimed.request_id), '[]'::json) AS clock
              FROM claimed`,
      );
      if (found) break;
    }
    if (!found) return null;
    const { task, request, clock } = found;
    if (task.kind === 'analysis' && request.status !== 'in_analysis') {
      // The task was open but its request is not "filed": inconsistent data; refuse (rolls back).
      throw actionNotAllowed('ASSIGN', request.status, availableActions(request.status));
    }
    await deps.outbox.publish(tx, {
      type: 'task.assigned',
      aggregateType: 'task',
      aggregateId: task.id,
      payload: {
        taskId: task.id,
        requestId: request.id,
        staffId,
        unitId: task.unit_id,
        queue: task.queue,
        via: 'take_next',
      },
    });
    return presentTask(task, clockOf(request, clock, on), { protocol: request.protocol });
  });
}
