import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, notFound, unprocessable } from '../../platform/errors';
import { LocalDate } from '../../platform/values/dates';
import { assertVisible, scopeOf } from './access';
import { clockState } from './domain/deadline';
import { requiredAssessments } from './domain/species';
import { type AppointmentRow, presentAppointment } from './schedule-appointment';
import {
  appendAction,
  appendClockEvent,
  findRequest,
  loadClock,
  one,
  returnTaskToWork,
  rows,
  today,
} from './store';

/**
 * Records whether the requester came to the exam/evaluation. When the last assessment the species
 * requires has been attended, the instruction is complete and the legal clock starts (acordo STF
 * RE 1.171.152, cláusula 2ª). A no-show returns the case to the analyst (reschedule or decide).
 */
export async function recordAttendance(
  deps: Deps,
  ctx: Ctx,
  appointmentId: string,
  outcome: 'attended' | 'no_show',
) {
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const appt = await one<AppointmentRow>(
      tx,
      sql`SELECT * FROM req_appointments WHERE id = ${appointmentId} FOR UPDATE`,
    );
    if (!appt) throw notFound('Agendamento');
    const req = assertVisible(scope, await findRequest(tx, appt.request_id, true));
    if (appt.status !== 'scheduled')
      throw actionNotAllowed(outcome === 'attended' ? 'ATTEND_APPOINTMENT' : 'NO_SHOW', appt.status, []);
    if (LocalDate.daysBetween(appt.appointment_date, on) < 0) {
      throw unprocessable('O atendimento só pode ser registrado a partir da data agendada.', [
        { field: 'appointmentId', message: 'data futura' },
      ]);
    }
    const action = outcome === 'attended' ? 'ATTEND_APPOINTMENT' : 'NO_SHOW';
    const after = await appendAction(tx, deps, ctx, req, action, {
      details: { appointmentId: appt.id, kind: appt.kind },
    });
    const updated = (await one<AppointmentRow>(
      tx,
      sql`UPDATE req_appointments SET status = ${outcome}, attended_on = ${outcome === 'attended' ? on : null} WHERE id = ${appt.id} RETURNING *`,
    )) as AppointmentRow;
    let events = await loadClock(tx, req.id);
    if (outcome === 'attended' && clockState(events) === 'not_started' && req.max_days !== null) {
      const attended = await rows<{ kind: string }>(
        tx,
        sql`SELECT DISTINCT kind FROM req_appointments WHERE request_id = ${req.id} AND status = 'attended'`,
      );
      const have = new Set(attended.map((a) => a.kind));
      if (requiredAssessments(req.species).every((k) => have.has(k))) {
        events = await appendClockEvent(
          tx,
          req.id,
          'start',
          on,
          'instrução concluída (perícia/avaliação social realizadas)',
        );
      }
    }
    await returnTaskToWork(tx, after, events, on);
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'appointment',
      resourceId: appt.id,
      details: { outcome },
    });
    await deps.outbox.publish(tx, {
      type: outcome === 'attended' ? 'appointment.attended' : 'appointment.no_show',
      aggregateType: 'request',
      aggregateId: req.id,
      payload: {
        appointmentId: appt.id,
        requestId: req.id,
        protocol: req.protocol,
        kind: appt.kind,
        unitId: appt.unit_id,
        scheduledOn: appt.scheduled_on,
        appointmentDate: appt.appointment_date,
        attendedOn: outcome === 'attended' ? on : null,
        // Action plan: time between scheduling and the in-person attendance.
        waitDays: outcome === 'attended' ? LocalDate.daysBetween(appt.scheduled_on, on) : null,
      },
    });
    return presentAppointment(updated);
  });
}
