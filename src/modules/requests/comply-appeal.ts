import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { forbidden, notFound } from '../../platform/errors';
import { LocalDate } from '../../platform/values/dates';
import { assertVisible, scopeOf } from './access';
import { appendAction, findRequest, today } from './store';
import { concludeTask, currentTaskOfKind } from './task-conclusion';

/**
 * Concludes the compliance task of an upheld appeal: the benefit is granted as the board decided.
 * The task's age (created → concluded) feeds the "cumprimento de decisão recursal > 365 dias"
 * indicator.
 */
export async function complyAppeal(deps: Deps, ctx: Ctx, requestId: string, note: string) {
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    const task = await currentTaskOfKind(tx, req.id, ['appeal_compliance']);
    if (!task) throw notFound('Tarefa de cumprimento de decisão recursal');
    if (
      task.assignee_staff_id !== ctx.actor.staffId &&
      !['supervisor', 'manager', 'admin'].includes(ctx.actor.role)
    ) {
      throw forbidden('Pegue a tarefa de cumprimento antes de concluí-la.');
    }
    const after = await appendAction(tx, deps, ctx, req, 'COMPLY_APPEAL', {
      details: { taskId: task.id, note },
    });
    await tx.execute(
      sql`UPDATE req_requests SET decision = 'granted', decided_on = ${on} WHERE id = ${req.id}`,
    );
    const payload = await concludeTask(tx, deps, ctx, task, after, {
      decision: 'granted',
      automatic: false,
      on,
    });
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'request',
      resourceId: req.id,
      details: { complied: task.id },
    });
    return {
      requestId: req.id,
      status: after.status,
      task: payload,
      ageDays: LocalDate.daysBetween(task.created_on, on),
    };
  });
}
