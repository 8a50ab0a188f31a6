import { unprocessable } from "../../platform/errors.js";
import { LocalDate } from "../../platform/values/dates.js";
import { targetedSelection } from "./domain/random-sample.js";
import { canonicalFrameHash, createCycle, loadFrameTasks, requireNationalScope, resolveTeams } from "./store.js";
const TARGETED_DUE_DAYS = 30;
async function createTargetedSelection(deps, ctx, staff, input) {
  await requireNationalScope(deps, ctx);
  let sel;
  try {
    sel = targetedSelection(input.taskIds, input.criterion);
  } catch (e) {
    throw unprocessable(e.message, [{ field: "criterion", message: e.message }]);
  }
  const tasks = await loadFrameTasks(deps.db.orm, sel.taskIds);
  const teams = await resolveTeams(
    staff,
    [...tasks.values()].map((t) => t.unitId)
  );
  return deps.db.tx(async (tx) => {
    const missing = sel.taskIds.filter((id) => !tasks.has(id));
    if (missing.length)
      throw unprocessable(
        `Tarefas n\xE3o encontradas no quadro de tarefas conclu\xEDdas: ${missing.slice(0, 10).join(", ")}.`
      );
    const outOfScope = sel.taskIds.filter((id) => !tasks.get(id).inScope);
    if (outOfScope.length) {
      throw unprocessable(
        `Tarefas fora do escopo da Supervis\xE3o T\xE9cnica (art. 4 \xA71): ${outOfScope.slice(0, 10).join(", ")}.`
      );
    }
    const dueDate = LocalDate.addDays(LocalDate.today(deps.clock.now()), TARGETED_DUE_DAYS);
    const { cycle, supervisionIds } = await createCycle(
      deps,
      ctx,
      tx,
      teams,
      {
        kind: "targeted",
        label: input.label,
        seed: "-",
        params: { criterion: sel.criterion },
        frameSha256: canonicalFrameHash([...sel.taskIds]),
        frameSize: sel.taskIds.length,
        result: { taskIds: sel.taskIds },
        dueDate
      },
      sel.taskIds.map((id) => ({
        task: tasks.get(id),
        origin: "targeted",
        criterion: sel.criterion
      }))
    );
    return { cycleId: cycle.id, label: cycle.label, dueDate, supervisions: supervisionIds.length };
  });
}
export {
  TARGETED_DUE_DAYS,
  createTargetedSelection
};
