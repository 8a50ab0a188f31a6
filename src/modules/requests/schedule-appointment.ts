import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/auth/roles';
import type { Executor } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, conflict, notFound, unprocessable } from '../../platform/errors';
import { LocalDate } from '../../platform/values/dates';
import { uuidv7 } from '../../platform/values/ids';
import { assertVisible, scopeOf } from './access';
import { requiredAssessments } from './domain/species';
import { appendAction, findRequest, one, putTaskOnHold, type RequestRow, today } from './store';

export const scheduleInput = z.object({
  kind: z.enum(['medical_exam', 'social_evaluation']),
  slotId: z.string().uuid().describe('Vaga escolhida (GET /appointment-slots)'),
});

export interface SlotRow {
  id: string;
  unit_id: string;
  kind: 'medical_exam' | 'social_evaluation';
  slot_date: string;
  start_time: string;
  capacity: number;
  booked: number;
}

export interface AppointmentRow {
  id: string;
  request_id: string;
  slot_id: string;
  kind: 'medical_exam' | 'social_evaluation';
  unit_id: string;
  appointment_date: string;
  start_time: string;
  status: 'scheduled' | 'rescheduled' | 'attended' | 'no_show';
  scheduled_at: Date;
  scheduled_on: string;
  attended_on: string | null;
  replaces_id: string | null;
}

/** Takes one place of a slot; no place left → 409 (capacity is enforced by the row's CHECK too). */
async function bookSlot(
  tx: Parameters<Parameters<Deps['db']['tx']>[0]>[0],
  slotId: string,
  kind: string,
  on: string,
): Promise<SlotRow> {
  const slot = await one<SlotRow>(
    tx,
    sql`UPDATE req_appointment_slots SET booked = booked + 1 WHERE id = ${slotId} AND kind = ${kind} AND booked < capacity AND slot_date > ${on} RETURNING *`,
  );
  if (!slot) {
    const exists = await one<SlotRow>(tx, sql`SELECT * FROM req_appointment_slots WHERE id = ${slotId}`);
    if (!exists || exists.kind !== kind) throw notFound('Vaga de agendamento');
    if (LocalDate.daysBetween(on, exists.slot_date) <= 0)
      throw unprocessable('Escolha uma vaga em data futura.', [{ field: 'slotId', message: 'data passada' }]);
    throw conflict('Não há mais vagas neste horário. Escolha outro.');
  }
  return slot;
}

/**
 * Schedules the medical exam or social evaluation the species requires (Lei 8.213/1991 arts. 42,
 * 59, 86; Lei 8.742/1993 art. 20 § 6º). The task waits until attendance; the time from scheduling
 * to attendance is kept for the action-plan indicator.
 */
export async function scheduleAppointment(
  deps: Deps,
  ctx: Ctx,
  requestId: string,
  raw: z.input<typeof scheduleInput>,
) {
  const input = scheduleInput.parse(raw);
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    if (!requiredAssessments(req.species).includes(input.kind)) {
      throw unprocessable(
        `A espécie ${req.species} não exige ${input.kind === 'medical_exam' ? 'perícia médica' : 'avaliação social'}.`,
        [{ field: 'kind', message: 'não exigido para a espécie' }],
      );
    }
    const done = await one<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM req_appointments WHERE request_id = ${req.id} AND kind = ${input.kind} AND status IN ('scheduled','attended')`,
    );
    if ((done?.n ?? 0) > 0)
      throw conflict('Já existe agendamento deste tipo para o requerimento; use o reagendamento.');
    const slot = await bookSlot(tx, input.slotId, input.kind, on);
    const after = await appendAction(tx, deps, ctx, req, 'SCHEDULE_APPOINTMENT', {
      details: { kind: input.kind, slotId: slot.id },
    });
    const appt = await insertAppointment(tx, deps, after, slot, null, on);
    await putTaskOnHold(tx, req.id);
    await deps.audit.record(tx, ctx, {
      action: 'create',
      resourceType: 'appointment',
      resourceId: appt.id,
      details: { requestId: req.id },
    });
    await publishScheduled(tx, deps, req, appt, on);
    return presentAppointment(appt);
  });
}

export async function insertAppointment(
  tx: Parameters<Parameters<Deps['db']['tx']>[0]>[0],
  deps: Pick<Deps, 'clock'>,
  req: RequestRow,
  slot: SlotRow,
  replacesId: string | null,
  on: string,
): Promise<AppointmentRow> {
  return (await one<AppointmentRow>(
    tx,
    sql`INSERT INTO req_appointments (id, request_id, slot_id, kind, unit_id, appointment_date, start_time, status, scheduled_at, scheduled_on, replaces_id)
        VALUES (${uuidv7()}, ${req.id}, ${slot.id}, ${slot.kind}, ${slot.unit_id}, ${slot.slot_date}, ${slot.start_time}, 'scheduled',
                ${deps.clock.now()}, ${on}, ${replacesId})
        RETURNING *`,
  )) as AppointmentRow;
}

export function presentAppointment(a: AppointmentRow) {
  return {
    id: a.id,
    requestId: a.request_id,
    kind: a.kind,
    unitId: a.unit_id,
    date: a.appointment_date,
    time: a.start_time,
    status: a.status,
    scheduledOn: a.scheduled_on,
    attendedOn: a.attended_on,
    replacesId: a.replaces_id,
  };
}

/** Moves a scheduled appointment to another slot (frees the old place). */
export async function rescheduleAppointment(
  deps: Deps,
  ctx: Ctx,
  appointmentId: string,
  slotId: string,
  reason: string,
) {
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const old = await one<AppointmentRow>(
      tx,
      sql`SELECT * FROM req_appointments WHERE id = ${appointmentId} FOR UPDATE`,
    );
    if (!old) throw notFound('Agendamento');
    const req = assertVisible(scope, await findRequest(tx, old.request_id, true));
    if (old.status !== 'scheduled') throw actionNotAllowed('RESCHEDULE_APPOINTMENT', old.status, []);
    const slot = await bookSlot(tx, slotId, old.kind, on);
    const after = await appendAction(tx, deps, ctx, req, 'RESCHEDULE_APPOINTMENT', {
      details: { from: old.id, slotId, reason },
    });
    await tx.execute(sql`UPDATE req_appointments SET status = 'rescheduled' WHERE id = ${old.id}`);
    await tx.execute(sql`UPDATE req_appointment_slots SET booked = booked - 1 WHERE id = ${old.slot_id}`);
    const appt = await insertAppointment(tx, deps, after, slot, old.id, on);
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'appointment',
      resourceId: appt.id,
      details: { replaces: old.id },
    });
    await publishScheduled(tx, deps, req, appt, on, { replacesId: old.id, reason });
    return presentAppointment(appt);
  });
}

/** appointment.scheduled, for a first scheduling or a rescheduling (which names what it replaces). */
function publishScheduled(
  tx: Executor,
  deps: Deps,
  req: { id: string; protocol: string },
  appt: { id: string; kind: string; unit_id: string; appointment_date: string; start_time: string },
  on: string,
  extra: Record<string, unknown> = {},
) {
  return deps.outbox.publish(tx, {
    type: 'appointment.scheduled',
    aggregateType: 'request',
    aggregateId: req.id,
    payload: {
      appointmentId: appt.id,
      requestId: req.id,
      protocol: req.protocol,
      kind: appt.kind,
      unitId: appt.unit_id,
      date: appt.appointment_date,
      time: appt.start_time,
      scheduledOn: on,
      ...extra,
    },
  });
}
