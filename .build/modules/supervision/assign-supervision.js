import { eq } from "drizzle-orm";
import { actionNotAllowed, notFound, unprocessable } from "../../platform/errors.js";
import { supSupervisions } from "./schema.js";
import { unitScope } from "./store.js";
async function assignSupervision(deps, ctx, staff, input) {
  const scope = await unitScope(deps, ctx);
  const [s0] = await deps.db.orm.select().from(supSupervisions).where(eq(supSupervisions.id, input.id));
  if (!s0 || scope !== null && !scope.includes(s0.unitId)) throw notFound("Supervis\xE3o");
  const team = await staff.supervisorTeamOf(s0.unitId);
  if (!team.includes(input.supervisorId)) {
    throw unprocessable("O supervisor n\xE3o integra a equipe de supervis\xE3o da SR (art. 7\xBA, \xA73\xBA).", [
      { field: "supervisorId", message: "fora da equipe da SR" }
    ]);
  }
  if (input.supervisorId === s0.serverId) {
    throw unprocessable("O servidor que concluiu a tarefa n\xE3o pode supervision\xE1-la.", [
      { field: "supervisorId", message: "autor da tarefa" }
    ]);
  }
  return deps.db.tx(async (tx) => {
    const [s] = await tx.select().from(supSupervisions).where(eq(supSupervisions.id, input.id)).for("update");
    if (!s) throw notFound("Supervis\xE3o");
    if (s.status !== "pending") throw actionNotAllowed("designar", s.status, []);
    await tx.update(supSupervisions).set({ assignedTo: input.supervisorId }).where(eq(supSupervisions.id, s.id));
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "supervision",
      resourceId: s.id,
      details: { assignedTo: input.supervisorId, previous: s.assignedTo }
    });
    return { id: s.id, assignedTo: input.supervisorId };
  });
}
export {
  assignSupervision
};
