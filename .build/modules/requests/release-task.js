import { sql } from "drizzle-orm";
import { actionNotAllowed, forbidden, unprocessable } from "../../platform/errors.js";
import { assertVisible, scopeOf } from "./access.js";
import { appendAction, findRequest, getTaskForUpdate, logTaskAction } from "./store.js";
async function releaseTask(deps, ctx, taskId, reason) {
  if (!reason || reason.trim().length < 3)
    throw unprocessable("Informe o motivo da devolu\xE7\xE3o.", [{ field: "reason", message: "obrigat\xF3rio" }]);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const task = await getTaskForUpdate(tx, taskId);
    const req = assertVisible(scope, await findRequest(tx, task.request_id, true));
    if (task.status !== "assigned") throw actionNotAllowed("RELEASE", task.status, []);
    const mine = task.assignee_staff_id === ctx.actor.staffId;
    if (!mine && !["supervisor", "manager", "admin"].includes(ctx.actor.role))
      throw forbidden("S\xF3 quem est\xE1 com a tarefa (ou a chefia) pode devolv\xEA-la.");
    await tx.execute(
      sql`UPDATE req_tasks SET status = 'open', assignee_staff_id = NULL, assigned_at = NULL, version = version + 1 WHERE id = ${task.id}`
    );
    if (task.kind === "analysis" && req.status === "in_analysis")
      await appendAction(tx, deps, ctx, req, "RELEASE", { details: { reason } });
    await logTaskAction(tx, deps, ctx, task.id, "released", { reason });
    await deps.audit.record(tx, ctx, { action: "release", resourceType: "task", resourceId: task.id });
    await deps.outbox.publish(tx, {
      type: "task.released",
      aggregateType: "task",
      aggregateId: task.id,
      payload: { taskId: task.id, requestId: req.id, staffId: task.assignee_staff_id, reason }
    });
    return { taskId: task.id, status: "open" };
  });
}
export {
  releaseTask
};
