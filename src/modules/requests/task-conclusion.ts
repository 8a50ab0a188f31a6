import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Executor } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { unitLineage } from '../organization/directory';
import { logTaskAction, one, type RequestRow, type TaskRow } from './store';

/** Payload of `task.concluded`, consumed by the supervision module (exact shape agreed with it). */
export interface TaskConcludedPayload {
  taskId: string;
  requestId: string;
  protocol: string;
  serviceCode: string;
  species: string;
  srCode: string | null;
  gexCode: string | null;
  unitId: string;
  serverId: string | null;
  queue: 'regular' | 'extraordinary' | 'training';
  system: 'PAT' | 'SABI';
  subtasks: string[];
  concludedAt: string;
  decision: 'granted' | 'denied' | 'other';
  automatic: boolean;
  [key: string]: unknown;
}

/**
 * Concludes a task: records who concluded it, in which queue, with what result, and publishes
 * `task.concluded`. The unit directory must already be loaded (callers resolve the scope before
 * their transaction), so unitLineage reads the cache and not the pool.
 */
export async function concludeTask(
  tx: Executor,
  deps: Deps,
  ctx: Ctx,
  task: TaskRow,
  req: RequestRow,
  result: { decision: 'granted' | 'denied' | 'other'; automatic: boolean; on: string; subtasks?: string[] },
): Promise<TaskConcludedPayload> {
  const serverId = result.automatic ? null : (ctx.actor.staffId ?? task.assignee_staff_id);
  const subtasks = result.subtasks ?? task.subtasks ?? [];
  await tx.execute(sql`
    UPDATE req_tasks SET status = 'concluded', concluded_at = ${deps.clock.now()}, concluded_on = ${result.on},
           concluded_by_staff_id = ${serverId}, concluded_queue = ${task.queue}, conclusion = ${result.decision},
           is_automatic = ${result.automatic}, subtasks = ${`{${subtasks.map((s) => `"${s.replace(/"/g, '')}"`).join(',')}}`}::text[],
           due_date = due_date, version = version + 1
     WHERE id = ${task.id}`);
  await logTaskAction(tx, deps, ctx, task.id, 'concluded', {
    details: { decision: result.decision, automatic: result.automatic },
  });
  const lineage = await unitLineage(deps, task.unit_id).catch(() => null);
  const payload: TaskConcludedPayload = {
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
    automatic: result.automatic,
  };
  await deps.outbox.publish(tx, {
    type: 'task.concluded',
    aggregateType: 'task',
    aggregateId: task.id,
    payload,
  });
  return payload;
}

export async function currentTaskOfKind(
  tx: Executor,
  requestId: string,
  kinds: readonly TaskRow['kind'][],
): Promise<TaskRow | undefined> {
  return one<TaskRow>(
    tx,
    sql`SELECT * FROM req_tasks WHERE request_id = ${requestId} AND status IN ('open','assigned','waiting')
         AND kind = ANY(${`{${kinds.join(',')}}`}::text[]) ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
  );
}
