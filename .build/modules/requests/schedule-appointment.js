import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { actionNotAllowed, conflict, notFound, unprocessable } from "../../platform/errors.js";
import { LocalDate } from "../../platform/values/dates.js";
import { assertVisible, scopeOf } from "./access.js";
import { requiredAssessments } from "./domain/species.js";
import { appendAction, findRequest, one, putTaskOnHold, today } from "./store.js";
const scheduleInput = z.object({
  kind: z.enum(["medical_exam", "social_evaluation"]),
  slotId: z.string().uuid().describe("Vaga escolhida (GET /appointment-slots)")
});
async function bookSlot(tx, slotId, kind, on) {
  const slot = await one(
    tx,
    sql`UPDATE req_appointment_slots SET booked = booked + 1 WHERE id = ${slotId} AND kind = ${kind} AND booked < capacity AND slot_date > ${on} RETURNING *`
  );
  if (!slot) {
    const exists = await one(tx, sql`SELECT * FROM req_appointment_slots WHERE id = ${slotId}`);
    if (!exists || exists.kind !== kind) throw notFound("Vaga de agendamento");
    if (LocalDate.daysBetween(on, exists.slot_date) <= 0)
      throw unprocessable("Escolha uma vaga em data futura.", [{ field: "slotId", message: "data passada" }]);
    throw conflict("N\xE3o h\xE1 mais vagas neste hor\xE1rio. Escolha outro.");
  }
  return slot;
}
async function scheduleAppointment(deps, ctx, requestId, raw) {
  const input = scheduleInput.parse(raw);
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    if (!requiredAssessments(req.species).includes(input.kind)) {
      throw unprocessable(
        `A esp\xE9cie ${req.species} n\xE3o exige ${input.kind === "medical_exam" ? "per\xEDcia m\xE9dica" : "avalia\xE7\xE3o social"}.`,
        [{ field: "kind", message: "n\xE3o exigido para a esp\xE9cie" }]
      );
    }
    const done = await one(
      tx,
      sql`SELECT count(*)::int AS n FROM req_appointments WHERE request_id = ${req.id} AND kind = ${input.kind} AND status IN ('scheduled','attended')`
    );
    if ((done?.n ?? 0) > 0)
      throw conflict("J\xE1 existe agendamento deste tipo para o requerimento; use o reagendamento.");
    const slot = await bookSlot(tx, input.slotId, input.kind, on);
    const after = await appendAction(tx, deps, ctx, req, "SCHEDULE_APPOINTMENT", {
      details: { kind: input.kind, slotId: slot.id }
    });
    const appt = await insertAppointment(tx, deps, after, slot, null, on);
    await putTaskOnHold(tx, req.id);
    await deps.audit.record(tx, ctx, {
      action: "create",
      resourceType: "appointment",
      resourceId: appt.id,
      details: { requestId: req.id }
    });
    await publishScheduled(tx, deps, req, appt, on);
    return presentAppointment(appt);
  });
}
async function insertAppointment(tx, deps, req, slot, replacesId, on) {
  return await one(
    tx,
    sql`INSERT INTO req_appointments (id, request_id, slot_id, kind, unit_id, appointment_date, start_time, status, scheduled_at, scheduled_on, replaces_id)
        VALUES (${randomUUID()}, ${req.id}, ${slot.id}, ${slot.kind}, ${slot.unit_id}, ${slot.slot_date}, ${slot.start_time}, 'scheduled',
                ${deps.clock.now()}, ${on}, ${replacesId})
        RETURNING *`
  );
}
function presentAppointment(a) {
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
    replacesId: a.replaces_id
  };
}
async function rescheduleAppointment(deps, ctx, appointmentId, slotId, reason) {
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const old = await one(
      tx,
      sql`SELECT * FROM req_appointments WHERE id = ${appointmentId} FOR UPDATE`
    );
    if (!old) throw notFound("Agendamento");
    const req = assertVisible(scope, await findRequest(tx, old.request_id, true));
    if (old.status !== "scheduled") throw actionNotAllowed("RESCHEDULE_APPOINTMENT", old.status, []);
    const slot = await bookSlot(tx, slotId, old.kind, on);
    const after = await appendAction(tx, deps, ctx, req, "RESCHEDULE_APPOINTMENT", {
      details: { from: old.id, slotId, reason }
    });
    await tx.execute(sql`UPDATE req_appointments SET status = 'rescheduled' WHERE id = ${old.id}`);
    await tx.execute(sql`UPDATE req_appointment_slots SET booked = booked - 1 WHERE id = ${old.slot_id}`);
    const appt = await insertAppointment(tx, deps, after, slot, old.id, on);
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "appointment",
      resourceId: appt.id,
      details: { replaces: old.id }
    });
    await publishScheduled(tx, deps, req, appt, on, { replacesId: old.id, reason });
    return presentAppointment(appt);
  });
}
function publishScheduled(tx, deps, req, appt, on, extra = {}) {
  return deps.outbox.publish(tx, {
    type: "appointment.scheduled",
    aggregateType: "request",
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
      ...extra
    }
  });
}
export {
  insertAppointment,
  presentAppointment,
  rescheduleAppointment,
  scheduleAppointment,
  scheduleInput
};
