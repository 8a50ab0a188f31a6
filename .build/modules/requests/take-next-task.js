import { sql } from "drizzle-orm";
import { actionNotAllowed, unprocessable } from "../../platform/errors.js";
import { ACTION_TARGET, availableActions, isActionAllowed } from "./domain/lifecycle.js";
import { eligibleQueueKeys } from "./domain/queues.js";
import { FILEABLE_SPECIES } from "./domain/species.js";
import { clockOf, one, pgTextArray, rows, today } from "./store.js";
import { presentTask } from "./views.js";
if (!isActionAllowed("filed", "ASSIGN") || ACTION_TARGET.ASSIGN !== "in_analysis") {
  throw new Error(
    "take-next-task: a tabela do ciclo de vida mudou para ASSIGN; revise a reivindica\xE7\xE3o em SQL."
  );
}
const KEYS_TTL_MS = 3e4;
const keyCache = /* @__PURE__ */ new WeakMap();
async function queueKeysOf(deps, staffId, unitId) {
  let cache = keyCache.get(deps.db);
  if (!cache) {
    cache = /* @__PURE__ */ new Map();
    keyCache.set(deps.db, cache);
  }
  const hit = cache.get(staffId);
  if (hit && Date.now() - hit.at < KEYS_TTL_MS) return hit.keys;
  const grants = await rows(
    deps.db.orm,
    sql`SELECT queue, unit_id, species FROM req_queue_grants WHERE staff_id = ${staffId}`
  );
  const list = grants.map((g) => ({
    queue: g.queue,
    unitId: g.unit_id,
    species: g.species === "*" ? null : g.species
  }));
  if (list.length === 0 && unitId) list.push({ queue: "regular", unitId, species: null });
  const keys = eligibleQueueKeys(list, FILEABLE_SPECIES);
  cache.set(staffId, { at: Date.now(), keys });
  return keys;
}
function forgetQueueKeys(deps, staffId) {
  keyCache.get(deps.db)?.delete(staffId);
}
async function takeNextTask(deps, ctx) {
  const staffId = ctx.actor.staffId;
  if (!staffId) {
    throw unprocessable(
      "Sua conta n\xE3o est\xE1 vinculada a um servidor (matr\xEDcula): n\xE3o h\xE1 filas para pegar tarefas.",
      [{ field: "staffId", message: "conta sem servidor vinculado" }]
    );
  }
  const keys = await queueKeysOf(deps, staffId, ctx.actor.unitId);
  if (keys.length === 0) return null;
  const on = today(deps);
  const now = deps.clock.now();
  const keyArray = pgTextArray(keys);
  const actor = ctx.actor;
  return deps.db.tx(async (tx) => {
    let found;
    for (const n of [8, 64, null]) {
      const candidates = n === null ? sql`SELECT id, due_date, created_at FROM req_tasks WHERE status = 'open' AND queue_key = ANY(${keyArray}::text[])` : sql`SELECT c.id, c.due_date, c.created_at FROM unnest(${keyArray}::text[]) k(key)
                 CROSS JOIN LATERAL (
                   SELECT id, due_date, created_at FROM req_tasks
                    WHERE status = 'open' AND queue_key = k.key
                    ORDER BY due_date NULLS LAST, created_at LIMIT ${n}) c`;
      found = await one(
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
              FROM claimed`
      );
      if (found) break;
    }
    if (!found) return null;
    const { task, request, clock } = found;
    if (task.kind === "analysis" && request.status !== "in_analysis") {
      throw actionNotAllowed("ASSIGN", request.status, availableActions(request.status));
    }
    await deps.outbox.publish(tx, {
      type: "task.assigned",
      aggregateType: "task",
      aggregateId: task.id,
      payload: {
        taskId: task.id,
        requestId: request.id,
        staffId,
        unitId: task.unit_id,
        queue: task.queue,
        via: "take_next"
      }
    });
    return presentTask(task, clockOf(request, clock, on), { protocol: request.protocol });
  });
}
export {
  forgetQueueKeys,
  queueKeysOf,
  takeNextTask
};
