import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, forbidden, unprocessable } from '../../platform/errors';
import { uuidv7 } from '../../platform/values/ids';
import { calculateRmi, loadParameterTables, type RmiRequest } from '../calculation/calculate-rmi';
import { assertVisible, scopeOf } from './access';
import { clockState } from './domain/deadline';
import { appendAction, appendClockEvent, assertHolder, findRequest, loadClock, today } from './store';
import { concludeTask, currentTaskOfKind } from './task-conclusion';

export const decideInput = z.object({
  outcome: z.enum(['granted', 'denied']),
  reasons: z
    .array(z.object({ code: z.string().regex(/^[A-Z0-9_.-]{2,20}$/), text: z.string().min(3).max(1000) }))
    .min(1)
    .max(20)
    .describe('Motivos codificados (motivação: Lei 9.784/1999, art. 50)'),
  legalBasis: z.string().min(3).max(500).describe('Fundamento legal (artigos)'),
  expectedVersion: z
    .number()
    .int()
    .describe('Versão do requerimento lida pelo analista (concorrência otimista)'),
  calculationInput: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'Dados para o motor de cálculo da RMI (contrato do módulo calculation); o resultado é gravado na decisão',
    ),
  calculation: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Resultado do cálculo da RMI (obrigatório no deferimento)'),
  subtasks: z.array(z.string().min(1).max(40)).max(20).optional(),
});
export type DecideInput = z.input<typeof decideInput>;

/**
 * Decides a request: granted or denied, with coded reasons and legal basis (Lei 9.784/1999,
 * arts. 48–50: the Administration must decide, with stated reasons). A grant carries the RMI
 * calculation. The update is conditional on the version the analyst read, so when two people
 * decide the same case at once one wins and the other gets 409. The legal clock stops, the task
 * is concluded (who, which queue, automatic or not) and decision.made / task.concluded are
 * published. A decision taken while the case is in automatic analysis is the automatic one.
 */
export async function decideRequest(deps: Deps, ctx: Ctx, requestId: string, raw: DecideInput) {
  const input = decideInput.parse(raw);
  if (input.outcome === 'granted' && !input.calculation && !input.calculationInput) {
    throw unprocessable('O deferimento deve trazer o cálculo do benefício.', [
      {
        field: 'calculationInput',
        message: 'obrigatório no deferimento (ou calculation, resultado já calculado)',
      },
    ]);
  }
  // A grant carries the calculation: run the engine (tables loaded before the transaction opens)
  // or keep a result calculated elsewhere, saying which.
  let calculation: Record<string, unknown> | null = null;
  if (input.outcome === 'granted' && input.calculationInput) {
    const result = calculateRmi(
      input.calculationInput as unknown as RmiRequest,
      await loadParameterTables(deps),
    );
    if (!result.eligible || result.rmi === null) {
      throw unprocessable(
        'O cálculo não encontrou regra em que o requerente seja elegível: o deferimento não pode usar este cálculo.',
        [{ field: 'calculationInput', message: 'requerente não elegível segundo o cálculo' }],
      );
    }
    calculation = { source: 'calculation-engine', input: input.calculationInput, result };
  } else if (input.outcome === 'granted' && input.calculation) {
    calculation = { source: 'submitted', result: input.calculation };
  }
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    const calcSpecies = (input.calculationInput as { benefit?: unknown } | undefined)?.benefit;
    if (calcSpecies !== undefined && calcSpecies !== `B${req.species}`) {
      throw unprocessable(
        `O cálculo é da espécie ${String(calcSpecies)}, mas o requerimento é B${req.species}.`,
        [{ field: 'calculationInput.benefit', message: 'espécie diferente da do requerimento' }],
      );
    }
    const automatic = req.status === 'awaiting_automatic';
    if (automatic && !(ctx.actor.role === 'integration' || ctx.actor.via === 'system')) {
      throw forbidden('Em análise automática: a decisão é do sistema de reconhecimento automático.');
    }
    if (!automatic && ctx.actor.role === 'integration')
      throw actionNotAllowed(input.outcome === 'granted' ? 'GRANT' : 'DENY', req.status, [
        'REGISTER_PENDENCY',
      ]);
    if (req.status === 'in_analysis') assertHolder(ctx, req);
    const action = input.outcome === 'granted' ? 'GRANT' : 'DENY';
    const after = await appendAction(tx, deps, ctx, req, action, {
      expectedVersion: input.expectedVersion,
      details: { reasons: input.reasons.map((r) => r.code), automatic },
    });
    const decisionId = uuidv7();
    const task = await currentTaskOfKind(tx, req.id, ['analysis', 'revision']);
    if (
      task?.kind === 'revision' &&
      task.assignee_staff_id !== ctx.actor.staffId &&
      !['supervisor', 'manager', 'admin'].includes(ctx.actor.role)
    ) {
      throw forbidden('Pegue a tarefa de revisão antes de decidir.');
    }
    await tx.execute(sql`
      INSERT INTO req_decisions (id, request_id, task_id, outcome, reasons, legal_basis, calculation, decided_by_staff_id, is_automatic, decided_on)
      VALUES (${decisionId}, ${req.id}, ${task?.id ?? null}, ${input.outcome}, ${JSON.stringify(input.reasons)}::jsonb, ${input.legalBasis},
              ${calculation ? JSON.stringify(calculation) : null}::jsonb, ${automatic ? null : ctx.actor.staffId}, ${automatic}, ${on})`);
    await tx.execute(
      sql`UPDATE req_requests SET decision = ${input.outcome}, decided_on = ${on}, is_automatic = ${automatic} WHERE id = ${req.id}`,
    );
    const events = await loadClock(tx, req.id);
    const state = clockState(events);
    if (state === 'running' || state === 'paused')
      await appendClockEvent(tx, req.id, 'stop', on, `decisão ${decisionId}`);
    const concluded = task
      ? await concludeTask(tx, deps, ctx, task, after, {
          decision: input.outcome,
          automatic,
          on,
          subtasks: input.subtasks,
        })
      : null;
    await deps.audit.record(tx, ctx, {
      action: 'decide',
      resourceType: 'request',
      resourceId: req.id,
      details: { outcome: input.outcome, automatic },
    });
    await deps.outbox.publish(tx, {
      type: 'decision.made',
      aggregateType: 'request',
      aggregateId: req.id,
      payload: {
        decisionId,
        requestId: req.id,
        protocol: req.protocol,
        species: req.species,
        outcome: input.outcome,
        reasons: input.reasons,
        legalBasis: input.legalBasis,
        automatic,
        decidedOn: on,
        unitId: req.unit_id,
        taskId: task?.id ?? null,
        revision: task?.kind === 'revision',
      },
    });
    return {
      decisionId,
      requestId: req.id,
      outcome: input.outcome,
      automatic,
      decidedOn: on,
      version: after.version,
      task: concluded,
    };
  });
}
