import { sql } from "drizzle-orm";
import { actionNotAllowed, notFound, unprocessable } from "../../platform/errors.js";
import { LocalDate } from "../../platform/values/dates.js";
import { assertVisible, scopeOf } from "./access.js";
import { clockState } from "./domain/deadline.js";
import { requiredAssessments } from "./domain/species.js";
import { presentAppointment } from "./schedule-appointment.js";
import {
  appendAction,
  appendClockEvent,
  findRequest,
  loadClock,
  one,
  returnTaskToWork,
  rows,
  today
} from "./store.js";
async function recordAttendance(deps, ctx, appointmentId, outcome) {
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const appt = await one(
      tx,
      sql`SELECT * FROM req_appointments WHERE id = ${appointmentId} FOR UPDATE`
    );
    if (!appt) throw notFound("Agendamento");
    const req = assertVisible(scope, await findRequest(tx, appt.request_id, true));
    if (appt.status !== "scheduled")
      throw actionNotAllowed(outcome === "attended" ? "ATTEND_APPOINTMENT" : "NO_SHOW", appt.status, []);
    if (LocalDate.daysBetween(appt.appointment_date, on) < 0) {
      throw unprocessable("O atendimento s\xF3 pode ser registrado a partir da data agendada.", [
        { field: "appointmentId", message: "data futura" }
      ]);
    }
    const action = outcome === "attended" ? "ATTEND_APPOINTMENT" : "NO_SHOW";
    const after = await appendAction(tx, deps, ctx, req, action, {
      details: { appointmentId: appt.id, kind: appt.kind }
    });
    const updated = await one(
      tx,
      sql`UPDATE req_appointments SET status = ${outcome}, attended_on = ${outcome === "attended" ? on : null} WHERE id = ${appt.id} RETURNING *`
    );
    let events = await loadClock(tx, req.id);
    if (outcome === "attended" && clockState(events) === "not_started" && req.max_days !== null) {
      const attended = await rows(
        tx,
        sql`SELECT DISTINCT kind FROM req_appointments WHERE request_id = ${req.id} AND status = 'attended'`
      );
      const have = new Set(attended.map((a) => a.kind));
      if (requiredAssessments(req.species).every((k) => have.has(k))) {
        events = await appendClockEvent(
          tx,
          req.id,
          "start",
          on,
          "instru\xE7\xE3o conclu\xEDda (per\xEDcia/avalia\xE7\xE3o social realizadas)"
        );
      }
    }
    await returnTaskToWork(tx, after, events, on);
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "appointment",
      resourceId: appt.id,
      details: { outcome }
    });
    await deps.outbox.publish(tx, {
      type: outcome === "attended" ? "appointment.attended" : "appointment.no_show",
      aggregateType: "request",
      aggregateId: req.id,
      payload: {
        appointmentId: appt.id,
        requestId: req.id,
        protocol: req.protocol,
        kind: appt.kind,
        unitId: appt.unit_id,
        scheduledOn: appt.scheduled_on,
        appointmentDate: appt.appointment_date,
        attendedOn: outcome === "attended" ? on : null,
        // Action plan: time between scheduling and the in-person attendance.
        waitDays: outcome === "attended" ? LocalDate.daysBetween(appt.scheduled_on, on) : null
      }
    });
    return presentAppointment(updated);
  });
}
export {
  recordAttendance
};
