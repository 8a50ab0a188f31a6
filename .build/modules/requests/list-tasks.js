import { sql } from "drizzle-orm";
import { z } from "zod";
import { forbidden, notFound } from "../../platform/errors.js";
import { scopeOf } from "./access.js";
import { decodeCursor, encodeCursor } from "./pagination.js";
import {
  clockOf,
  findRequest,
  findTask,
  loadClock,
  pgTextArray,
  rows,
  today
} from "./store.js";
import { presentTask } from "./views.js";
const listTasksQuery = z.object({
  status: z.enum(["open", "assigned", "waiting", "concluded", "cancelled"]).optional(),
  kind: z.enum(["analysis", "appeal_compliance", "revision"]).optional(),
  queue: z.enum(["regular", "extraordinary", "training"]).optional(),
  unitId: z.string().max(40).optional(),
  species: z.string().regex(/^\d{2}$/).optional(),
  mine: z.enum(["true", "false"]).optional().describe("Somente as tarefas atribu\xEDdas a mim"),
  overdue: z.enum(["true", "false"]).optional(),
  escalatedTo: z.string().max(40).optional().describe("Tarefas escalonadas para esta unidade"),
  sort: z.enum(["dueDate", "-createdAt"]).default("dueDate"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional()
});
async function listTasks(deps, ctx, raw) {
  const q = listTasksQuery.parse(raw);
  const scope = await scopeOf(deps, ctx.actor);
  if (scope.kind !== "units") throw forbidden();
  const where = [];
  if (scope.unitIds !== null) {
    const ids = pgTextArray(scope.unitIds);
    where.push(sql`(unit_id = ANY(${ids}::text[]) OR escalated_to_unit_id = ANY(${ids}::text[]))`);
  }
  if (q.status) where.push(sql`status = ${q.status}`);
  if (q.kind) where.push(sql`kind = ${q.kind}`);
  if (q.queue) where.push(sql`queue = ${q.queue}`);
  if (q.unitId) where.push(sql`unit_id = ${q.unitId}`);
  if (q.species) where.push(sql`species = ${q.species}`);
  if (q.mine === "true") where.push(sql`assignee_staff_id = ${ctx.actor.staffId ?? "-"}`);
  if (q.overdue) where.push(sql`is_overdue = ${q.overdue === "true"}`);
  if (q.escalatedTo) where.push(sql`escalated_to_unit_id = ${q.escalatedTo}`);
  const cur = decodeCursor(q.cursor);
  const byDue = q.sort === "dueDate";
  if (cur) {
    where.push(
      byDue ? sql`(COALESCE(due_date, '9999-12-31'::date), id) > (${cur.value}::date, ${cur.id}::uuid)` : sql`(created_at, id) < (${cur.value}::timestamptz, ${cur.id}::uuid)`
    );
  }
  const order = byDue ? sql`ORDER BY COALESCE(due_date, '9999-12-31'::date), id` : sql`ORDER BY created_at DESC, id DESC`;
  const whereSql = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const list = await rows(
    deps.db.orm,
    sql`SELECT * FROM req_tasks ${whereSql} ${order} LIMIT ${q.limit + 1}`
  );
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((t) => presentTask(t, null)),
    nextCursor: list.length > q.limit && last ? encodeCursor(
      byDue ? last.due_date ?? "9999-12-31" : new Date(last.created_at).toISOString(),
      last.id
    ) : null
  };
}
async function getTask(deps, ctx, id) {
  const scope = await scopeOf(deps, ctx.actor);
  if (scope.kind !== "units") throw notFound("Tarefa");
  const on = today(deps);
  return deps.db.tx(async (tx) => {
    const task = await findTask(tx, id);
    if (!task) throw notFound("Tarefa");
    const req = await findRequest(tx, task.request_id);
    const visible = scope.unitIds === null || scope.unitIds.includes(task.unit_id) || task.escalated_to_unit_id !== null && scope.unitIds.includes(task.escalated_to_unit_id);
    if (!visible) throw notFound("Tarefa");
    const history = await rows(
      tx,
      sql`SELECT action, staff_id, from_unit_id, to_unit_id, to_staff_id, reason, at FROM req_task_actions WHERE task_id = ${task.id} ORDER BY id`
    );
    await deps.audit.record(tx, ctx, {
      action: "read",
      resourceType: "task",
      resourceId: task.id,
      details: { requestId: req.id }
    });
    const clock = task.kind === "analysis" ? clockOf(req, await loadClock(tx, req.id), on) : null;
    return {
      ...presentTask(task, clock, { protocol: req.protocol }),
      requestStatus: req.status,
      requestVersion: req.version,
      history: history.map((h) => ({
        action: h.action,
        staffId: h.staff_id,
        fromUnitId: h.from_unit_id,
        toUnitId: h.to_unit_id,
        toStaffId: h.to_staff_id,
        reason: h.reason,
        at: new Date(h.at).toISOString()
      }))
    };
  });
}
export {
  getTask,
  listTasks,
  listTasksQuery
};
