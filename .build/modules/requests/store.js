import { sql } from "drizzle-orm";
import { actionNotAllowed, conflict, forbidden, notFound } from "../../platform/errors.js";
import { LocalDate } from "../../platform/values/dates.js";
import {
  computeClock,
  validateClockEvents
} from "./domain/deadline.js";
import { applyAction, LifecycleError } from "./domain/lifecycle.js";
async function rows(exec, query) {
  const r = await exec.execute(query);
  return r.rows;
}
async function one(exec, query) {
  return (await rows(exec, query))[0];
}
function pgTextArray(values) {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}
const today = (deps) => LocalDate.ofInstant(deps.clock.now());
async function findRequest(exec, id, forUpdate = false) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return void 0;
  return one(
    exec,
    forUpdate ? sql`SELECT * FROM req_requests WHERE id = ${id} FOR UPDATE` : sql`SELECT * FROM req_requests WHERE id = ${id}`
  );
}
async function getRequestForUpdate(exec, id) {
  const r = await findRequest(exec, id, true);
  if (!r) throw notFound("Requerimento");
  return r;
}
async function appendAction(tx, deps, ctx, req, action, opts = {}) {
  let next;
  try {
    next = applyAction(
      { status: req.status, holder: req.holder_staff_id },
      { action, staffId: opts.staffId ?? null }
    );
  } catch (e) {
    if (e instanceof LifecycleError) throw actionNotAllowed(action, req.status, e.allowed);
    throw e;
  }
  const expected = opts.expectedVersion ?? req.version;
  const updated = await one(
    tx,
    sql`WITH u AS (
          UPDATE req_requests SET status = ${next.status}, holder_staff_id = ${next.holder}, version = version + 1, updated_at = ${deps.clock.now()}
           WHERE id = ${req.id} AND version = ${expected} RETURNING *),
        a AS (
          INSERT INTO req_request_actions (request_id, seq, action, status_after, actor_account_id, actor_role, staff_id, at, details)
          SELECT u.id, u.version, ${action}, ${next.status}, ${ctx.actor.accountId}, ${ctx.actor.role}, ${opts.staffId ?? ctx.actor.staffId},
                 ${deps.clock.now()}, ${JSON.stringify(opts.details ?? {})}::jsonb FROM u)
        SELECT * FROM u`
  );
  if (!updated) {
    throw conflict(
      "O requerimento foi alterado por outra pessoa desde que voc\xEA o abriu. Recarregue e tente de novo.",
      {
        currentVersion: req.version
      }
    );
  }
  return updated;
}
async function loadClock(exec, requestId) {
  const r = await rows(
    exec,
    sql`SELECT kind, on_date FROM req_clock_events WHERE request_id = ${requestId} ORDER BY id`
  );
  return r.map((e) => ({ kind: e.kind, on: e.on_date }));
}
async function appendClockEvent(tx, requestId, kind, on, reason) {
  const events = await loadClock(tx, requestId);
  const next = [...events, { kind, on }];
  validateClockEvents(next);
  await tx.execute(
    sql`INSERT INTO req_clock_events (request_id, kind, on_date, reason) VALUES (${requestId}, ${kind}, ${on}, ${reason})`
  );
  return next;
}
function clockOf(req, events, at) {
  if (req.max_days === null) return null;
  return computeClock(events, req.max_days, at);
}
async function findTask(exec, id, forUpdate = false) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return void 0;
  return one(
    exec,
    forUpdate ? sql`SELECT * FROM req_tasks WHERE id = ${id} FOR UPDATE` : sql`SELECT * FROM req_tasks WHERE id = ${id}`
  );
}
async function activeTask(exec, requestId, forUpdate = false) {
  return one(
    exec,
    forUpdate ? sql`SELECT * FROM req_tasks WHERE request_id = ${requestId} AND status IN ('open','assigned','waiting') ORDER BY created_at DESC LIMIT 1 FOR UPDATE` : sql`SELECT * FROM req_tasks WHERE request_id = ${requestId} AND status IN ('open','assigned','waiting') ORDER BY created_at DESC LIMIT 1`
  );
}
async function logTaskAction(tx, deps, ctx, taskId, action, extra = {}) {
  await tx.execute(sql`
    INSERT INTO req_task_actions (task_id, action, actor_account_id, staff_id, from_unit_id, to_unit_id, to_staff_id, reason, at, details)
    VALUES (${taskId}, ${action}, ${ctx.actor.accountId}, ${ctx.actor.staffId}, ${extra.fromUnitId ?? null}, ${extra.toUnitId ?? null},
            ${extra.toStaffId ?? null}, ${extra.reason ?? null}, ${deps.clock.now()}, ${JSON.stringify(extra.details ?? {})}::jsonb)`);
}
async function refreshTaskDeadline(tx, req, events, on) {
  const clock = clockOf(req, events, on);
  const due = clock && clock.state === "running" ? clock.dueDate : clock?.state === "paused" ? null : clock?.dueDate ?? null;
  await tx.execute(sql`
    UPDATE req_tasks SET due_date = ${due}
     WHERE request_id = ${req.id} AND kind = 'analysis' AND status IN ('open','assigned','waiting')`);
}
async function getTaskForUpdate(exec, id) {
  const t = await findTask(exec, id, true);
  if (!t) throw notFound("Tarefa");
  return t;
}
async function returnTaskToWork(tx, req, events, on) {
  await tx.execute(sql`
    UPDATE req_tasks SET status = ${req.holder_staff_id ? "assigned" : "open"}, assignee_staff_id = ${req.holder_staff_id},
           version = version + 1
     WHERE request_id = ${req.id} AND kind = 'analysis' AND status IN ('open','assigned','waiting')`);
  await refreshTaskDeadline(tx, req, events, on);
}
async function putTaskOnHold(tx, requestId) {
  await tx.execute(sql`
    UPDATE req_tasks SET status = 'waiting', due_date = NULL, version = version + 1
     WHERE request_id = ${requestId} AND kind = 'analysis' AND status IN ('open','assigned','waiting')`);
}
function assertHolder(ctx, req) {
  if (req.holder_staff_id && req.holder_staff_id === ctx.actor.staffId) return;
  if (["supervisor", "manager", "admin"].includes(ctx.actor.role) || ctx.actor.via === "system") return;
  throw forbidden(
    "Esta tarefa est\xE1 com outro servidor (ou n\xE3o foi atribu\xEDda a voc\xEA). Pegue a tarefa antes de agir."
  );
}
export {
  activeTask,
  appendAction,
  appendClockEvent,
  assertHolder,
  clockOf,
  findRequest,
  findTask,
  getRequestForUpdate,
  getTaskForUpdate,
  loadClock,
  logTaskAction,
  one,
  pgTextArray,
  putTaskOnHold,
  refreshTaskDeadline,
  returnTaskToWork,
  rows,
  today
};
