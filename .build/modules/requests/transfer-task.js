import { sql } from "drizzle-orm";
import { actionNotAllowed, unprocessable } from "../../platform/errors.js";
import { findUnit } from "../organization/directory.js";
import { assertVisible, scopeOf } from "./access.js";
import { queueKey } from "./domain/queues.js";
import { appendAction, findRequest, getTaskForUpdate, logTaskAction } from "./store.js";
async function transferTask(deps, ctx, taskId, toUnitId, reason) {
  if (!reason || reason.trim().length < 3)
    throw unprocessable("Informe o motivo da transfer\xEAncia.", [{ field: "reason", message: "obrigat\xF3rio" }]);
  const unit = await findUnit(deps, toUnitId);
  if (!unit?.active)
    throw unprocessable("Unidade de destino inexistente ou inativa.", [
      { field: "toUnitId", message: "unidade inv\xE1lida" }
    ]);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const task = await getTaskForUpdate(tx, taskId);
    const req = assertVisible(scope, await findRequest(tx, task.request_id, true));
    if (task.status !== "open" && task.status !== "assigned")
      throw actionNotAllowed("TRANSFER", task.status, []);
    if (task.unit_id === toUnitId)
      throw unprocessable("A tarefa j\xE1 est\xE1 nessa unidade.", [
        { field: "toUnitId", message: "mesma unidade" }
      ]);
    await tx.execute(sql`
      UPDATE req_tasks SET status = 'open', assignee_staff_id = NULL, assigned_at = NULL, unit_id = ${toUnitId},
             queue_key = ${queueKey(task.queue, toUnitId, task.species)}, version = version + 1
       WHERE id = ${task.id}`);
    if (task.kind === "analysis") {
      await appendAction(tx, deps, ctx, req, "TRANSFER", {
        details: { fromUnitId: req.unit_id, toUnitId, reason }
      });
      await tx.execute(sql`UPDATE req_requests SET unit_id = ${toUnitId} WHERE id = ${req.id}`);
    }
    await logTaskAction(tx, deps, ctx, task.id, "transferred", {
      fromUnitId: task.unit_id,
      toUnitId,
      reason
    });
    await deps.audit.record(tx, ctx, {
      action: "transfer",
      resourceType: "task",
      resourceId: task.id,
      details: { toUnitId }
    });
    await deps.outbox.publish(tx, {
      type: "task.transferred",
      aggregateType: "task",
      aggregateId: task.id,
      payload: { taskId: task.id, requestId: req.id, fromUnitId: task.unit_id, toUnitId, reason }
    });
    return { taskId: task.id, unitId: toUnitId, status: "open" };
  });
}
export {
  transferTask
};
