import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { LocalDate } from '../../platform/values/dates';
import { scopeOf } from './domain/scope';
import type { StaffDirectory } from './staff-directory';
import { createCycle, loadFrameTasks, resolveTeams, unitScope } from './store';

/**
 * Indication of administrative error (art. 3 §1) sent to the SGBEN: becomes a supervision with
 * origin "Indicação de erro administrativo", in the quarter's error-indication cycle (it counts for
 * the performance index of art. 13). Out-of-scope tasks are not supervised: the error is corrected
 * through REVOFICIO 5172 or, for SABI incapacity cases, REVOFIBI 17475 (art. 4 §§2 and 5).
 */
export const ERROR_INDICATION_DUE_DAYS = 30;

export async function createErrorIndication(
  deps: Deps,
  ctx: Ctx,
  staff: StaffDirectory,
  input: { taskId: string; description: string },
) {
  const scope = await unitScope(deps, ctx);
  const task = (await loadFrameTasks(deps.db.orm, [input.taskId])).get(input.taskId);
  const teams = task ? await resolveTeams(staff, [task.unitId]) : new Map<string, string[]>();
  return deps.db.tx(async (tx) => {
    if (!task || (scope !== null && !scope.includes(task.unitId))) throw notFound('Tarefa concluída');
    const d = scopeOf({ species: task.species, system: task.system, subtasks: task.subtasks });
    if (!d.inScope) {
      throw unprocessable(
        `${d.reason} (${d.rule}). Abra o serviço ${d.revisionService} para a unidade que concluiu a tarefa.`,
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
        kind: 'error_indication',
        label: quarter,
        seed: '-',
        params: {},
        frameSha256: '-',
        frameSize: 0,
        result: {},
        dueDate: LocalDate.addDays(today, ERROR_INDICATION_DUE_DAYS),
      },
      [{ task, origin: 'error_indication', criterion: input.description }],
      { reuseExisting: true },
    );
    if (!supervisionIds[0])
      throw conflict('Esta tarefa já tem supervisão por indicação de erro neste trimestre.');
    return { cycleId: cycle.id, cycle: cycle.label, supervisionId: supervisionIds[0] };
  });
}
