import { sql } from "drizzle-orm";
import { unitLineage } from "../organization/directory.js";
import { logTaskAction, one } from "./store.js";
async function concludeTask(tx, deps, ctx, task, req, result) {
  const serverId = result.automatic ? null : ctx.actor.staffId ?? task.assignee_staff_id;
  const subtasks = result.subtasks ?? task.subtasks ?? [];
  await tx.execute(sql`
    UPDATE req_tasks SET status = 'concluded', concluded_at = ${deps.clock.now()}, concluded_on = ${result.on},
           concluded_by_staff_id = ${serverId}, concluded_queue = ${task.queue}, conclusion = ${result.decision},
           is_automatic = ${result.automatic}, subtasks = ${`{${subtasks.map((s) => `"${s.replace(/"/g, "")}"`).join(",")}}`}::text[],
           due_date = due_date, version = version + 1
     WHERE id = ${task.id}`);
  await logTaskAction(tx, deps, ctx, task.id, "concluded", {
    details: { decision: result.decision, automatic: result.automatic }
  });
  const lineage = await unitLineage(deps, task.unit_id).catch(() => null);
  const payload = {
    taskId: task.id,
    requestId: req.id,
    protocol: req.protocol,
    serviceCode: task.service_code,
    species: task.species,
    srCode: lineage?.sr?.code ?? null,
    gexCode: lineage?.gex?.code ?? null,
    unitId: task.unit_id,
    serverId,
    queue: task.queue,
    system: task.system,
    subtasks,
    concludedAt: result.on,
    decision: result.decision,
    automatic: result.automatic
  };
  await deps.outbox.publish(tx, {
    type: "task.concluded",
    aggregateType: "task",
    aggregateId: task.id,
    payload
  });
  return payload;
}
async function currentTaskOfKind(tx, requestId, kinds) {
  return one(
    tx,
    sql`SELECT * FROM req_tasks WHERE request_id = ${requestId} AND status IN ('open','assigned','waiting')
         AND kind = ANY(${`{${kinds.join(",")}}`}::text[]) ORDER BY created_at DESC LIMIT 1 FOR UPDATE`
  );
}
export {
  concludeTask,
  currentTaskOfKind
};
