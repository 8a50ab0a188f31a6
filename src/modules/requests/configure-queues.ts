import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { forbidden, notFound, unprocessable } from '../../platform/errors';
import { BusinessDays, LocalDate } from '../../platform/values/dates';
import { actorUnitScope, findUnit } from '../organization/directory';
import { findStaffByIds } from '../organization/list-staff';
import { createAppointmentSlots } from './list-appointment-slots';
import { rows } from './store';
import { forgetQueueGrants } from './take-next-task';

/**
 * Queue administration by managers: who may take tasks from which queue, where overdue tasks are
 * escalated, and the agencies' appointment slots. Each change is scoped to the manager's unit
 * subtree and audited (ctx null = the CLI, run by an operator with database access).
 */
export const QUEUES = ['regular', 'extraordinary', 'training'] as const;
export type QueueKind = (typeof QUEUES)[number];

async function assertUnitInScope(deps: Deps, ctx: Ctx | null, unitId: string) {
  if (!(await findUnit(deps, unitId)))
    throw unprocessable('Unidade inexistente.', [{ field: 'unitId', message: 'não encontrada' }]);
  if (!ctx) return;
  const scope = await actorUnitScope(deps, ctx.actor);
  if (scope !== null && !scope.includes(unitId)) throw forbidden('Unidade fora do seu escopo.');
}

export async function grantQueue(
  deps: Deps,
  ctx: Ctx | null,
  input: { staffId: string; unitId: string; queue: QueueKind; species: string },
) {
  if (input.species !== '*' && !/^\d{2}$/.test(input.species)) {
    throw unprocessable('Espécie inválida.', [
      { field: 'species', message: 'use o código de 2 dígitos ou *' },
    ]);
  }
  await assertUnitInScope(deps, ctx, input.unitId);
  const [staff] = await findStaffByIds(deps, [input.staffId]);
  if (!staff) throw notFound('Servidor');
  await deps.db.tx(async (tx) => {
    await tx.execute(sql`
      INSERT INTO req_queue_grants (staff_id, queue, unit_id, species)
      VALUES (${input.staffId}, ${input.queue}, ${input.unitId}, ${input.species}) ON CONFLICT DO NOTHING`);
    if (ctx)
      await deps.audit.record(tx, ctx, {
        action: 'grant',
        resourceType: 'queue_grant',
        resourceId: input.staffId,
        details: { ...input },
      });
  });
  forgetQueueGrants(deps, input.staffId);
  return input;
}

export async function revokeQueueGrant(
  deps: Deps,
  ctx: Ctx | null,
  input: { staffId: string; unitId: string; queue: QueueKind; species: string },
) {
  await assertUnitInScope(deps, ctx, input.unitId);
  await deps.db.tx(async (tx) => {
    const r = await tx.execute(sql`
      DELETE FROM req_queue_grants
       WHERE staff_id = ${input.staffId} AND queue = ${input.queue} AND unit_id = ${input.unitId} AND species = ${input.species}`);
    if (!r.rowCount) throw notFound('Concessão de fila');
    if (ctx)
      await deps.audit.record(tx, ctx, {
        action: 'revoke',
        resourceType: 'queue_grant',
        resourceId: input.staffId,
        details: { ...input },
      });
  });
  forgetQueueGrants(deps, input.staffId);
}

export async function listQueueGrants(deps: Deps, ctx: Ctx, f: { unitId?: string; staffId?: string }) {
  const scope = await actorUnitScope(deps, ctx.actor);
  const list = await rows<{
    staff_id: string;
    queue: QueueKind;
    unit_id: string;
    species: string;
    created_at: Date;
  }>(
    deps.db.orm,
    sql`SELECT staff_id, queue, unit_id, species, created_at FROM req_queue_grants
         WHERE (${f.unitId ?? null}::text IS NULL OR unit_id = ${f.unitId ?? null})
           AND (${f.staffId ?? null}::text IS NULL OR staff_id = ${f.staffId ?? null})
         ORDER BY unit_id, queue, staff_id LIMIT 2000`,
  );
  return list
    .filter((g) => scope === null || scope.includes(g.unit_id))
    .map((g) => ({
      staffId: g.staff_id,
      queue: g.queue,
      unitId: g.unit_id,
      species: g.species,
      createdAt: new Date(g.created_at).toISOString(),
    }));
}

/** Where overdue tasks of a unit go, and after how many days past due ("*" = the default rule, admins only). */
export async function setEscalationRule(
  deps: Deps,
  ctx: Ctx | null,
  input: { unitId: string; target: string; daysPastDue: number },
) {
  if (input.unitId === '*') {
    if (ctx && ctx.actor.role !== 'admin') throw forbidden('Somente administradores definem a regra padrão.');
  } else {
    await assertUnitInScope(deps, ctx, input.unitId);
  }
  if (input.target !== '@gex' && input.target !== '@sr' && !(await findUnit(deps, input.target))) {
    throw unprocessable('Destino inválido.', [
      { field: 'target', message: 'use uma unidade existente, @gex ou @sr' },
    ]);
  }
  await deps.db.tx(async (tx) => {
    await tx.execute(sql`
      INSERT INTO req_escalation_rules (unit_id, target_unit_id, days_past_due) VALUES (${input.unitId}, ${input.target}, ${input.daysPastDue})
      ON CONFLICT (unit_id) DO UPDATE SET target_unit_id = EXCLUDED.target_unit_id, days_past_due = EXCLUDED.days_past_due`);
    if (ctx)
      await deps.audit.record(tx, ctx, {
        action: 'update',
        resourceType: 'escalation_rule',
        resourceId: input.unitId,
        details: { ...input },
      });
  });
  return input;
}

export async function openAppointmentSlots(
  deps: Deps,
  ctx: Ctx | null,
  input: {
    unitId: string;
    kind: 'medical_exam' | 'social_evaluation';
    from: string;
    to: string;
    times: string[];
    capacity: number;
  },
) {
  const errors: { field: string; message: string }[] = [];
  if (!LocalDate.isValid(input.from)) errors.push({ field: 'from', message: 'data inválida (AAAA-MM-DD)' });
  if (!LocalDate.isValid(input.to)) errors.push({ field: 'to', message: 'data inválida (AAAA-MM-DD)' });
  if (errors.length === 0 && LocalDate.daysBetween(input.from, input.to) < 0)
    errors.push({ field: 'to', message: 'anterior ao início' });
  if (errors.length === 0 && LocalDate.daysBetween(input.from, input.to) > 366)
    errors.push({ field: 'to', message: 'no máximo um ano por vez' });
  for (const t of input.times)
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(t))
      errors.push({ field: 'times', message: `horário inválido: ${t}` });
  if (errors.length) throw unprocessable('Não foi possível abrir as vagas.', errors);
  const unit = await findUnit(deps, input.unitId);
  if (unit?.kind !== 'aps')
    throw unprocessable('Vagas são abertas em agências (APS).', [
      { field: 'unitId', message: 'não é uma APS' },
    ]);
  await assertUnitInScope(deps, ctx, input.unitId);
  const created = await createAppointmentSlots(deps, input);
  if (ctx) {
    await deps.audit.recordNow(ctx, {
      action: 'create',
      resourceType: 'appointment_slots',
      resourceId: input.unitId,
      details: { ...input, created, businessDaysFirst: BusinessDays.add(input.from, 0) },
    });
  }
  return { created };
}
