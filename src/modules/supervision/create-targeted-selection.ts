import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { unprocessable } from '../../platform/errors';
import { LocalDate } from '../../platform/values/dates';
import { targetedSelection } from './domain/random-sample';
import type { StaffDirectory } from './staff-directory';
import { canonicalFrameHash, createCycle, loadFrameTasks, requireNationalScope, resolveTeams } from './store';

/**
 * Targeted selection (art. 7 §1, art. 8): tasks chosen by the Dirben on a stated criterion. Recorded
 * with the criterion, origin "Seleção direcionada", and never counted in the indicators (art. 9 §1).
 */
export const TARGETED_DUE_DAYS = 30;

export async function createTargetedSelection(
  deps: Deps,
  ctx: Ctx,
  staff: StaffDirectory,
  input: { label: string; taskIds: string[]; criterion: string },
) {
  await requireNationalScope(deps, ctx);
  let sel: ReturnType<typeof targetedSelection>;
  try {
    sel = targetedSelection(input.taskIds, input.criterion);
  } catch (e) {
    throw unprocessable((e as Error).message, [{ field: 'criterion', message: (e as Error).message }]);
  }
  const tasks = await loadFrameTasks(deps.db.orm, sel.taskIds);
  const teams = await resolveTeams(
    staff,
    [...tasks.values()].map((t) => t.unitId),
  );
  return deps.db.tx(async (tx) => {
    const missing = sel.taskIds.filter((id) => !tasks.has(id));
    if (missing.length)
      throw unprocessable(
        `Tarefas não encontradas no quadro de tarefas concluídas: ${missing.slice(0, 10).join(', ')}.`,
      );
    const outOfScope = sel.taskIds.filter((id) => !tasks.get(id)!.inScope);
    if (outOfScope.length) {
      throw unprocessable(
        `Tarefas fora do escopo da Supervisão Técnica (art. 4 §1): ${outOfScope.slice(0, 10).join(', ')}.`,
      );
    }
    const dueDate = LocalDate.addDays(LocalDate.today(deps.clock.now()), TARGETED_DUE_DAYS);
    const { cycle, supervisionIds } = await createCycle(
      deps,
      ctx,
      tx,
      teams,
      {
        kind: 'targeted',
        label: input.label,
        seed: '-',
        params: { criterion: sel.criterion },
        frameSha256: canonicalFrameHash([...sel.taskIds]),
        frameSize: sel.taskIds.length,
        result: { taskIds: sel.taskIds },
        dueDate,
      },
      sel.taskIds.map((id) => ({
        task: tasks.get(id)!,
        origin: 'targeted' as const,
        criterion: sel.criterion,
      })),
    );
    return { cycleId: cycle.id, label: cycle.label, dueDate, supervisions: supervisionIds.length };
  });
}
