import { conflict, notFound, unprocessable } from "../../platform/errors.js";
import { LocalDate } from "../../platform/values/dates.js";
import { scopeOf } from "./domain/scope.js";
import { createCycle, loadFrameTasks, resolveTeams, unitScope } from "./store.js";
const ERROR_INDICATION_DUE_DAYS = 30;
async function createErrorIndication(deps, ctx, staff, input) {
  const scope = await unitScope(deps, ctx);
  const task = (await loadFrameTasks(deps.db.orm, [input.taskId])).get(input.taskId);
  const teams = task ? await resolveTeams(staff, [task.unitId]) : /* @__PURE__ */ new Map();
  return deps.db.tx(async (tx) => {
    if (!task || scope !== null && !scope.includes(task.unitId)) throw notFound("Tarefa conclu\xEDda");
    const d = scopeOf({ species: task.species, system: task.system, subtasks: task.subtasks });
    if (!d.inScope) {
      throw unprocessable(
        `${d.reason} (${d.rule}). Abra o servi\xE7o ${d.revisionService} para a unidade que concluiu a tarefa.`
      );
    }
    const today = LocalDate.today(deps.clock.now());
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    const { cycle, supervisionIds } = await createCycle(
      deps,
      ctx,
      tx,
      teams,
      {
        kind: "error_indication",
        label: quarter,
        seed: "-",
        params: {},
        frameSha256: "-",
        frameSize: 0,
        result: {},
        dueDate: LocalDate.addDays(today, ERROR_INDICATION_DUE_DAYS)
      },
      [{ task, origin: "error_indication", criterion: input.description }],
      { reuseExisting: true }
    );
    if (!supervisionIds[0])
      throw conflict("Esta tarefa j\xE1 tem supervis\xE3o por indica\xE7\xE3o de erro neste trimestre.");
    return { cycleId: cycle.id, cycle: cycle.label, supervisionId: supervisionIds[0] };
  });
}
export {
  ERROR_INDICATION_DUE_DAYS,
  createErrorIndication
};
