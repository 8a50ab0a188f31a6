import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../platform/auth/roles';
import type { Executor } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import type { EventConsumer } from '../../platform/outbox/types';
import { LocalDate } from '../../platform/values/dates';
import { uuidv7 } from '../../platform/values/ids';
import { isActionAllowed } from './domain/lifecycle';
import { queueKey } from './domain/queues';
import { systemFor } from './domain/species';
import { appendAction, findRequest, logTaskAction, one } from './store';

/** Event from the supervision module (Portaria DIRBEN 1.309: revision of a concluded task). */
export const revisionRequested = z.object({
  supervisionId: z.string().min(1),
  taskId: z.string().uuid(),
  requestId: z.string().uuid(),
  unitId: z.string().min(1),
  serviceCode: z.enum(['5172', '17475']),
  reason: z.string().min(1),
});

/**
 * Creates the revision task the supervision asked for, in the regular queue of the given unit.
 * Idempotent per supervisionId (a redelivered event finds its task). When the request is in a
 * final decision the lifecycle moves to "under_revision"; otherwise the task is created and the
 * lifecycle left as it is (the revision happens when the case can take it).
 */
export async function createRevisionTask(tx: Executor, deps: Deps, raw: unknown, eventId: string) {
  const ev = revisionRequested.parse(raw);
  const existing = await one<{ id: string }>(
    tx,
    sql`SELECT id FROM req_tasks WHERE supervision_id = ${ev.supervisionId} AND kind = 'revision'`,
  );
  if (existing) return { taskId: existing.id, created: false };
  const req = await findRequest(tx, ev.requestId, true);
  if (!req) throw new Error(`revisão pedida para requerimento inexistente: ${ev.requestId}`);
  const ctx = { actor: SYSTEM_ACTOR, requestId: `event:${eventId}` };
  const on = LocalDate.ofInstant(deps.clock.now());
  const taskId = uuidv7();
  await tx.execute(sql`
    INSERT INTO req_tasks (id, request_id, kind, service_code, species, unit_id, queue, queue_key, system, status, supervision_id, reason, created_at, created_on)
    VALUES (${taskId}, ${req.id}, 'revision', ${ev.serviceCode}, ${req.species}, ${ev.unitId}, 'regular',
            ${queueKey('regular', ev.unitId, req.species)}, ${systemFor(req.species)}, 'open', ${ev.supervisionId}, ${ev.reason},
            ${deps.clock.now()}, ${on})`);
  await logTaskAction(tx, deps, ctx, taskId, 'created', {
    toUnitId: ev.unitId,
    reason: ev.reason,
    details: { supervisionId: ev.supervisionId, revisedTaskId: ev.taskId },
  });
  if (isActionAllowed(req.status, 'REQUEST_REVISION')) {
    await appendAction(tx, deps, ctx, req, 'REQUEST_REVISION', {
      details: { supervisionId: ev.supervisionId, taskId },
    });
  }
  await deps.outbox.publish(tx, {
    type: 'task.created',
    aggregateType: 'task',
    aggregateId: taskId,
    payload: {
      taskId,
      requestId: req.id,
      kind: 'revision',
      serviceCode: ev.serviceCode,
      species: req.species,
      unitId: ev.unitId,
      queue: 'regular',
      dueDate: null,
      supervisionId: ev.supervisionId,
    },
  });
  return { taskId, created: true };
}

export const revisionConsumer: EventConsumer = {
  name: 'requests.revision-tasks',
  events: ['supervision.revision_requested'],
  async handle(event, tx, deps) {
    await createRevisionTask(tx, deps, event.payload, event.id);
  },
};
