import { z } from "zod";
import { scopeOf } from "./domain/scope.js";
import { supFrameTasks } from "./schema.js";
const TaskConcludedPayload = z.object({
  taskId: z.string().min(1),
  requestId: z.string().min(1),
  protocol: z.string().min(1),
  serviceCode: z.string().min(1),
  species: z.string().min(1),
  // null when the unit is not under an SR/GEX
  srCode: z.string().min(1).nullable(),
  gexCode: z.string().min(1).nullable(),
  unitId: z.string().min(1),
  // null for automatic conclusions (no server acted): still in the frame of the random sample
  serverId: z.string().min(1).nullable(),
  queue: z.enum(["regular", "extraordinary", "training"]),
  system: z.enum(["PAT", "SABI"]),
  subtasks: z.array(z.string()),
  concludedAt: z.iso.date(),
  decision: z.enum(["granted", "denied", "other"]),
  automatic: z.boolean()
});
async function recordConcludedTask(exec, payload) {
  const p = TaskConcludedPayload.parse(payload);
  const inScope = scopeOf({ species: p.species, system: p.system, subtasks: p.subtasks }).inScope;
  const row = {
    taskId: p.taskId,
    requestId: p.requestId,
    protocol: p.protocol,
    serviceCode: p.serviceCode,
    species: p.species,
    srCode: p.srCode,
    gexCode: p.gexCode,
    unitId: p.unitId,
    serverId: p.serverId,
    queue: p.queue,
    system: p.system,
    subtasks: p.subtasks,
    concludedAt: p.concludedAt,
    decision: p.decision,
    automatic: p.automatic,
    inScope
  };
  await exec.insert(supFrameTasks).values(row).onConflictDoUpdate({ target: supFrameTasks.taskId, set: row });
}
const taskConcludedConsumer = {
  name: "supervision.frame",
  events: ["task.concluded"],
  async handle(event, tx) {
    await recordConcludedTask(tx, event.payload);
  }
};
export {
  TaskConcludedPayload,
  recordConcludedTask,
  taskConcludedConsumer
};
