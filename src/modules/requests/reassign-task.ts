import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, unprocessable } from '../../platform/errors';
import { findStaffByIds } from '../organization/list-staff';
import { assertVisible, scopeOf } from './access';
import { queueKey } from './domain/queues';
import { appendAction, findRequest, getTaskForUpdate, logTaskAction, type RequestRow } from './store';

export const reassignInput = z
  .object({
    toStaffId: z.string().uuid().optional().describe('Servidor que passa a ficar com a tarefa'),
    toQueue: z
      .enum(['regular', 'extraordinary', 'training'])
      .optional()
      .describe('Nova fila (ex.: trilha de capacitação)'),
    reason: z.string().min(3).max(500),
  })
  .refine((v) => v.toStaffId || v.toQueue, { message: 'Informe o servidor ou a fila de destino.' });

/**
 * Redistribution by the supervisor/manager: hand a task to a named server and/or move it to
 * another queue of the same unit (regular, extraordinary programme, new-servers training track).
 * The reason is kept in the task history.
 */
export async function reassignTask(deps: Deps, ctx: Ctx, taskId: string, raw: z.input<typeof reassignInput>) {
  const input = reassignInput.parse(raw);
  if (input.toStaffId) {
    const [staff] = await findStaffByIds(deps, [input.toStaffId]);
    if (!staff?.active)
      throw unprocessable('Servidor de destino inexistente ou inativo.', [
        { field: 'toStaffId', message: 'servidor inválido' },
      ]);
  }
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const task = await getTaskForUpdate(tx, taskId);
    let req: RequestRow = assertVisible(scope, await findRequest(tx, task.request_id, true));
    if (task.status !== 'open' && task.status !== 'assigned')
      throw actionNotAllowed('REASSIGN', task.status, []);
    const queue = input.toQueue ?? task.queue;
    const now = deps.clock.now();
    const assignee = input.toStaffId ?? (input.toQueue ? null : task.assignee_staff_id);
    await tx.execute(sql`
      UPDATE req_tasks SET queue = ${queue}, queue_key = ${queueKey(queue, task.unit_id, task.species)},
             assignee_staff_id = ${assignee}, assigned_at = ${assignee ? now : null},
             status = ${assignee ? 'assigned' : 'open'}, version = version + 1
       WHERE id = ${task.id}`);
    if (task.kind === 'analysis') {
      if (req.status === 'in_analysis')
        req = await appendAction(tx, deps, ctx, req, 'RELEASE', { details: { reason: input.reason } });
      if (assignee)
        await appendAction(tx, deps, ctx, req, 'ASSIGN', {
          staffId: assignee,
          details: { reason: input.reason, via: 'reassign' },
        });
    }
    await logTaskAction(tx, deps, ctx, task.id, 'reassigned', {
      toStaffId: assignee,
      reason: input.reason,
      details: { fromQueue: task.queue, toQueue: queue },
    });
    await deps.audit.record(tx, ctx, { action: 'reassign', resourceType: 'task', resourceId: task.id });
    if (assignee) {
      await deps.outbox.publish(tx, {
        type: 'task.assigned',
        aggregateType: 'task',
        aggregateId: task.id,
        payload: {
          taskId: task.id,
          requestId: req.id,
          staffId: assignee,
          unitId: task.unit_id,
          queue,
          via: 'reassign',
          reason: input.reason,
        },
      });
    }
    return {
      taskId: task.id,
      queue,
      assigneeStaffId: assignee,
      status: assignee ? ('assigned' as const) : ('open' as const),
    };
  });
}
