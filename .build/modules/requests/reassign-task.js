import { sql } from "drizzle-orm";
import { z } from "zod";
import { actionNotAllowed, unprocessable } from "../../platform/errors.js";
import { findStaffByIds } from "../organization/list-staff.js";
import { assertVisible, scopeOf } from "./access.js";
import { queueKey } from "./domain/queues.js";
import { appendAction, findRequest, getTaskForUpdate, logTaskAction } from "./store.js";
const reassignInput = z.object({
  toStaffId: z.string().uuid().optional().describe("Servidor que passa a ficar com a tarefa"),
  toQueue: z.enum(["regular", "extraordinary", "training"]).optional().describe("Nova fila (ex.: trilha de capacita\xE7\xE3o)"),
  reason: z.string().min(3).max(500)
}).refine((v) => v.toStaffId || v.toQueue, { message: "Informe o servidor ou a fila de destino." });
async function reassignTask(deps, ctx, taskId, raw) {
  const input = reassignInput.parse(raw);
  if (input.toStaffId) {
    const [staff] = await findStaffByIds(deps, [input.toStaffId]);
    if (!staff?.active)
      throw unprocessable("Servidor de destino inexistente ou inativo.", [
        { field: "toStaffId", message: "servidor inv\xE1lido" }
      ]);
  }
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const task = await getTaskForUpdate(tx, taskId);
    let req = assertVisible(scope, await findRequest(tx, task.request_id, true));
    if (task.status !== "open" && task.status !== "assigned")
      throw actionNotAllowed("REASSIGN", task.status, []);
    const queue = input.toQueue ?? task.queue;
    const now = deps.clock.now();
    const assignee = input.toStaffId ?? (input.toQueue ? null : task.assignee_staff_id);
    await tx.execute(sql`
      UPDATE req_tasks SET queue = ${queue}, queue_key = ${queueKey(queue, task.unit_id, task.species)},
             assignee_staff_id = ${assignee}, assigned_at = ${assignee ? now : null},
             status = ${assignee ? "assigned" : "open"}, version = version + 1
       WHERE id = ${task.id}`);
    if (task.kind === "analysis") {
      if (req.status === "in_analysis")
        req = await appendAction(tx, deps, ctx, req, "RELEASE", { details: { reason: input.reason } });
      if (assignee)
        await appendAction(tx, deps, ctx, req, "ASSIGN", {
          staffId: assignee,
          details: { reason: input.reason, via: "reassign" }
        });
    }
    await logTaskAction(tx, deps, ctx, task.id, "reassigned", {
      toStaffId: assignee,
      reason: input.reason,
      details: { fromQueue: task.queue, toQueue: queue }
    });
    await deps.audit.record(tx, ctx, { action: "reassign", resourceType: "task", resourceId: task.id });
    if (assignee) {
      await deps.outbox.publish(tx, {
        type: "task.assigned",
        aggregateType: "task",
        aggregateId: task.id,
        payload: {
          taskId: task.id,
          requestId: req.id,
          staffId: assignee,
          unitId: task.unit_id,
          queue,
          via: "reassign",
          reason: input.reason
        }
      });
    }
    return {
      taskId: task.id,
      queue,
      assigneeStaffId: assignee,
      status: assignee ? "assigned" : "open"
    };
  });
}
export {
  reassignInput,
  reassignTask
};
