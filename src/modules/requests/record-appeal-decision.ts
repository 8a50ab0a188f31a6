import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, notFound } from '../../platform/errors';
import { LocalDate } from '../../platform/values/dates';
import { uuidv7 } from '../../platform/values/ids';
import { assertVisible, scopeOf } from './access';
import { queueKey } from './domain/queues';
import { APPEAL_COMPLIANCE_SERVICE, systemFor } from './domain/species';
import { appendAction, findRequest, logTaskAction, one, today } from './store';

export const appealDecisionInput = z.object({
  outcome: z
    .enum(['upheld', 'dismissed'])
    .describe('upheld = provido (favorável ao segurado); dismissed = não provido'),
  boardReference: z.string().min(3).max(80).describe('Número do acórdão / processo no CRPS'),
  decidedOn: z.string().refine(LocalDate.isValid, 'data inválida').describe('Data da decisão da junta'),
});

/**
 * Records the external board's decision on an appeal. When upheld, a compliance task
 * ("cumprimento de decisão recursal", Decreto 3.048/1999, art. 308) is created in the unit's
 * queue; its age is what the action plan tracks (backlog over 365 days).
 */
export async function recordAppealDecision(
  deps: Deps,
  ctx: Ctx,
  appealId: string,
  raw: z.input<typeof appealDecisionInput>,
) {
  const input = appealDecisionInput.parse(raw);
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const appeal = await one<{ id: string; request_id: string; status: string }>(
      tx,
      sql`SELECT id, request_id, status FROM req_appeals WHERE id = ${appealId} FOR UPDATE`,
    );
    if (!appeal) throw notFound('Recurso');
    const req = assertVisible(scope, await findRequest(tx, appeal.request_id, true));
    if (appeal.status !== 'filed')
      throw actionNotAllowed(
        input.outcome === 'upheld' ? 'APPEAL_UPHELD' : 'APPEAL_DISMISSED',
        appeal.status,
        [],
      );
    await appendAction(
      tx,
      deps,
      ctx,
      req,
      input.outcome === 'upheld' ? 'APPEAL_UPHELD' : 'APPEAL_DISMISSED',
      {
        details: { appealId: appeal.id, boardReference: input.boardReference },
      },
    );
    let taskId: string | null = null;
    if (input.outcome === 'upheld') {
      taskId = uuidv7();
      await tx.execute(sql`
        INSERT INTO req_tasks (id, request_id, kind, service_code, species, unit_id, queue, queue_key, system, status, created_at, created_on)
        VALUES (${taskId}, ${req.id}, 'appeal_compliance', ${APPEAL_COMPLIANCE_SERVICE}, ${req.species}, ${req.unit_id}, 'regular',
                ${queueKey('regular', req.unit_id, req.species)}, ${systemFor(req.species)}, 'open', ${deps.clock.now()}, ${on})`);
      await logTaskAction(tx, deps, ctx, taskId, 'created', {
        toUnitId: req.unit_id,
        details: { appealId: appeal.id },
      });
      await deps.outbox.publish(tx, {
        type: 'task.created',
        aggregateType: 'task',
        aggregateId: taskId,
        payload: {
          taskId,
          requestId: req.id,
          kind: 'appeal_compliance',
          serviceCode: APPEAL_COMPLIANCE_SERVICE,
          species: req.species,
          unitId: req.unit_id,
          queue: 'regular',
          dueDate: null,
        },
      });
    }
    await tx.execute(sql`
      UPDATE req_appeals SET status = ${input.outcome}, board_reference = ${input.boardReference}, board_decided_on = ${input.decidedOn},
             compliance_task_id = ${taskId} WHERE id = ${appeal.id}`);
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'appeal',
      resourceId: appeal.id,
      details: { outcome: input.outcome },
    });
    await deps.outbox.publish(tx, {
      type: 'appeal.decided',
      aggregateType: 'request',
      aggregateId: req.id,
      payload: {
        appealId: appeal.id,
        requestId: req.id,
        protocol: req.protocol,
        outcome: input.outcome,
        boardReference: input.boardReference,
        decidedOn: input.decidedOn,
        complianceTaskId: taskId,
      },
    });
    return { id: appeal.id, status: input.outcome, complianceTaskId: taskId };
  });
}
