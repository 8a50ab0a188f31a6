import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, forbidden, notFound, unprocessable } from '../../platform/errors';
import { LocalDate } from '../../platform/values/dates';
import { checkAnswers, criteriaFor, criterionLabel, nonconformitiesOf } from './domain/checklist';
import { revisionServiceFor } from './domain/scope';
import { OUTCOME_LABEL, type Outcome } from './domain/types';
import { supFrameTasks, supSupervisions } from './schema';
import { currentChecklist, unitScope } from './store';

/**
 * Concludes a supervision (art. 5: material and formal criteria; art. 9: outcome). Only the
 * assigned supervisor (or an administrator) concludes. Full ratification admits no nonconformity;
 * a revision outcome needs at least one, and emits `supervision.revision_requested` so the
 * requests module opens REVOFICIO 5172 (or REVOFIBI 17475 for SABI incapacity cases, art. 4 §5)
 * for the unit that concluded the request.
 */
export async function concludeSupervision(
  deps: Deps,
  ctx: Ctx,
  input: { id: string; outcome: Outcome; answers: Record<string, boolean>; notes?: string | null },
) {
  const scope = await unitScope(deps, ctx);
  return deps.db.tx(async (tx) => {
    const [s] = await tx.select().from(supSupervisions).where(eq(supSupervisions.id, input.id)).for('update');
    if (!s || (scope !== null && !scope.includes(s.unitId))) throw notFound('Supervisão');
    if (s.status !== 'pending') throw actionNotAllowed('concluir', s.status, []);
    if (ctx.actor.role !== 'admin' && s.assignedTo !== ctx.actor.staffId) {
      throw forbidden('Somente o supervisor designado conclui esta supervisão.');
    }
    if (ctx.actor.staffId !== null && ctx.actor.staffId === s.serverId) {
      throw forbidden('O servidor que concluiu a tarefa não pode supervisioná-la.');
    }
    const checklist = await currentChecklist(tx);
    const criteria = criteriaFor(checklist, s.species);
    const problems = checkAnswers(criteria, input.answers);
    if (problems.length) {
      throw unprocessable(
        'Checklist incompleto ou com critérios que não se aplicam à espécie.',
        problems.map((m) => ({ field: 'answers', message: m })),
      );
    }
    const nonconformities = nonconformitiesOf(input.answers);
    if (input.outcome === 'full_ratification' && nonconformities.length > 0) {
      throw unprocessable('Ratificação plena não admite critério não conforme (art. 9 §2).', [
        { field: 'outcome', message: 'há critérios marcados como não conformes' },
      ]);
    }
    if (input.outcome !== 'full_ratification' && nonconformities.length === 0) {
      throw unprocessable(
        'Informe ao menos um critério não conforme para concluir com revisão ou não ratificação.',
        [{ field: 'answers', message: 'nenhum critério não conforme' }],
      );
    }
    const [task] = await tx.select().from(supFrameTasks).where(eq(supFrameTasks.taskId, s.taskId));
    const revisionService =
      input.outcome === 'full_ratification'
        ? null
        : revisionServiceFor({
            species: s.species,
            system: s.system as 'PAT' | 'SABI',
            subtasks: task?.subtasks ?? [],
          });
    const today = LocalDate.today(deps.clock.now());
    await tx
      .update(supSupervisions)
      .set({
        status: 'concluded',
        outcome: input.outcome,
        answers: input.answers,
        nonconformities,
        notes: input.notes ?? null,
        revisionService,
        concludedAt: today,
        concludedBy: ctx.actor.staffId ?? ctx.actor.accountId,
      })
      .where(eq(supSupervisions.id, s.id));
    if (revisionService) {
      const reason = `Supervisão técnica concluída como "${OUTCOME_LABEL[input.outcome]}": ${nonconformities
        .map((c) => `${c} — ${criterionLabel(checklist, c)}`)
        .join('; ')}.`;
      await deps.outbox.publish(tx, {
        type: 'supervision.revision_requested',
        aggregateType: 'supervision',
        aggregateId: s.id,
        payload: {
          supervisionId: s.id,
          taskId: s.taskId,
          requestId: s.requestId,
          unitId: s.unitId,
          serviceCode: revisionService,
          reason,
        },
      });
    }
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'supervision',
      resourceId: s.id,
      details: { outcome: input.outcome, nonconformities: nonconformities.length, revisionService },
    });
    return {
      id: s.id,
      status: 'concluded' as const,
      outcome: input.outcome,
      nonconformities,
      revisionService,
      concludedAt: today,
    };
  });
}
