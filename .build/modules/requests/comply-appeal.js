import { sql } from "drizzle-orm";
import { forbidden, notFound } from "../../platform/errors.js";
import { LocalDate } from "../../platform/values/dates.js";
import { assertVisible, scopeOf } from "./access.js";
import { appendAction, findRequest, today } from "./store.js";
import { concludeTask, currentTaskOfKind } from "./task-conclusion.js";
async function complyAppeal(deps, ctx, requestId, note) {
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    const task = await currentTaskOfKind(tx, req.id, ["appeal_compliance"]);
    if (!task) throw notFound("Tarefa de cumprimento de decis\xE3o recursal");
    if (task.assignee_staff_id !== ctx.actor.staffId && !["supervisor", "manager", "admin"].includes(ctx.actor.role)) {
      throw forbidden("Pegue a tarefa de cumprimento antes de conclu\xED-la.");
    }
    const after = await appendAction(tx, deps, ctx, req, "COMPLY_APPEAL", {
      details: { taskId: task.id, note }
    });
    await tx.execute(
      sql`UPDATE req_requests SET decision = 'granted', decided_on = ${on} WHERE id = ${req.id}`
    );
    const payload = await concludeTask(tx, deps, ctx, task, after, {
      decision: "granted",
      automatic: false,
      on
    });
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "request",
      resourceId: req.id,
      details: { complied: task.id }
    });
    return {
      requestId: req.id,
      status: after.status,
      task: payload,
      ageDays: LocalDate.daysBetween(task.created_on, on)
    };
  });
}
export {
  complyAppeal
};
