import { eq } from "drizzle-orm";
import { actionNotAllowed, forbidden, notFound, unprocessable } from "../../platform/errors.js";
import { LocalDate } from "../../platform/values/dates.js";
import { checkAnswers, criteriaFor, criterionLabel, nonconformitiesOf } from "./domain/checklist.js";
import { revisionServiceFor } from "./domain/scope.js";
import { OUTCOME_LABEL } from "./domain/types.js";
import { supFrameTasks, supSupervisions } from "./schema.js";
import { currentChecklist, unitScope } from "./store.js";
async function concludeSupervision(deps, ctx, input) {
  const scope = await unitScope(deps, ctx);
  return deps.db.tx(async (tx) => {
    const [s] = await tx.select().from(supSupervisions).where(eq(supSupervisions.id, input.id)).for("update");
    if (!s || scope !== null && !scope.includes(s.unitId)) throw notFound("Supervis\xE3o");
    if (s.status !== "pending") throw actionNotAllowed("concluir", s.status, []);
    if (ctx.actor.role !== "admin" && s.assignedTo !== ctx.actor.staffId) {
      throw forbidden("Somente o supervisor designado conclui esta supervis\xE3o.");
    }
    if (ctx.actor.staffId !== null && ctx.actor.staffId === s.serverId) {
      throw forbidden("O servidor que concluiu a tarefa n\xE3o pode supervision\xE1-la.");
    }
    const checklist = await currentChecklist(tx);
    const criteria = criteriaFor(checklist, s.species);
    const problems = checkAnswers(criteria, input.answers);
    if (problems.length) {
      throw unprocessable(
        "Checklist incompleto ou com crit\xE9rios que n\xE3o se aplicam \xE0 esp\xE9cie.",
        problems.map((m) => ({ field: "answers", message: m }))
      );
    }
    const nonconformities = nonconformitiesOf(input.answers);
    if (input.outcome === "full_ratification" && nonconformities.length > 0) {
      throw unprocessable("Ratifica\xE7\xE3o plena n\xE3o admite crit\xE9rio n\xE3o conforme (art. 9 \xA72).", [
        { field: "outcome", message: "h\xE1 crit\xE9rios marcados como n\xE3o conformes" }
      ]);
    }
    if (input.outcome !== "full_ratification" && nonconformities.length === 0) {
      throw unprocessable(
        "Informe ao menos um crit\xE9rio n\xE3o conforme para concluir com revis\xE3o ou n\xE3o ratifica\xE7\xE3o.",
        [{ field: "answers", message: "nenhum crit\xE9rio n\xE3o conforme" }]
      );
    }
    const [task] = await tx.select().from(supFrameTasks).where(eq(supFrameTasks.taskId, s.taskId));
    const revisionService = input.outcome === "full_ratification" ? null : revisionServiceFor({
      species: s.species,
      system: s.system,
      subtasks: task?.subtasks ?? []
    });
    const today = LocalDate.today(deps.clock.now());
    await tx.update(supSupervisions).set({
      status: "concluded",
      outcome: input.outcome,
      answers: input.answers,
      nonconformities,
      notes: input.notes ?? null,
      revisionService,
      concludedAt: today,
      concludedBy: ctx.actor.staffId ?? ctx.actor.accountId
    }).where(eq(supSupervisions.id, s.id));
    if (revisionService) {
      const reason = `Supervis\xE3o t\xE9cnica conclu\xEDda como "${OUTCOME_LABEL[input.outcome]}": ${nonconformities.map((c) => `${c} \u2014 ${criterionLabel(checklist, c)}`).join("; ")}.`;
      await deps.outbox.publish(tx, {
        type: "supervision.revision_requested",
        aggregateType: "supervision",
        aggregateId: s.id,
        payload: {
          supervisionId: s.id,
          taskId: s.taskId,
          requestId: s.requestId,
          unitId: s.unitId,
          serviceCode: revisionService,
          reason
        }
      });
    }
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "supervision",
      resourceId: s.id,
      details: { outcome: input.outcome, nonconformities: nonconformities.length, revisionService }
    });
    return {
      id: s.id,
      status: "concluded",
      outcome: input.outcome,
      nonconformities,
      revisionService,
      concludedAt: today
    };
  });
}
export {
  concludeSupervision
};
