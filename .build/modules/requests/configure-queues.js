import { sql } from "drizzle-orm";
import { forbidden, notFound, unprocessable } from "../../platform/errors.js";
import { BusinessDays, LocalDate } from "../../platform/values/dates.js";
import { actorUnitScope, findUnit } from "../organization/directory.js";
import { findStaffByIds } from "../organization/list-staff.js";
import { createAppointmentSlots } from "./list-appointment-slots.js";
import { rows } from "./store.js";
const QUEUES = ["regular", "extraordinary", "training"];
async function assertUnitInScope(deps, ctx, unitId) {
  if (!await findUnit(deps, unitId))
    throw unprocessable("Unidade inexistente.", [{ field: "unitId", message: "n\xE3o encontrada" }]);
  if (!ctx) return;
  const scope = await actorUnitScope(deps, ctx.actor);
  if (scope !== null && !scope.includes(unitId)) throw forbidden("Unidade fora do seu escopo.");
}
async function grantQueue(deps, ctx, input) {
  if (input.species !== "*" && !/^\d{2}$/.test(input.species)) {
    throw unprocessable("Esp\xE9cie inv\xE1lida.", [
      { field: "species", message: "use o c\xF3digo de 2 d\xEDgitos ou *" }
    ]);
  }
  await assertUnitInScope(deps, ctx, input.unitId);
  const [staff] = await findStaffByIds(deps, [input.staffId]);
  if (!staff) throw notFound("Servidor");
  await deps.db.tx(async (tx) => {
    await tx.execute(sql`
      INSERT INTO req_queue_grants (staff_id, queue, unit_id, species)
      VALUES (${input.staffId}, ${input.queue}, ${input.unitId}, ${input.species}) ON CONFLICT DO NOTHING`);
    if (ctx)
      await deps.audit.record(tx, ctx, {
        action: "grant",
        resourceType: "queue_grant",
        resourceId: input.staffId,
        details: { ...input }
      });
  });
  return input;
}
async function revokeQueueGrant(deps, ctx, input) {
  await assertUnitInScope(deps, ctx, input.unitId);
  await deps.db.tx(async (tx) => {
    const r = await tx.execute(sql`
      DELETE FROM req_queue_grants
       WHERE staff_id = ${input.staffId} AND queue = ${input.queue} AND unit_id = ${input.unitId} AND species = ${input.species}`);
    if (!r.rowCount) throw notFound("Concess\xE3o de fila");
    if (ctx)
      await deps.audit.record(tx, ctx, {
        action: "revoke",
        resourceType: "queue_grant",
        resourceId: input.staffId,
        details: { ...input }
      });
  });
}
async function listQueueGrants(deps, ctx, f) {
  const scope = await actorUnitScope(deps, ctx.actor);
  const list = await rows(
    deps.db.orm,
    sql`SELECT staff_id, queue, unit_id, species, created_at FROM req_queue_grants
         WHERE (${f.unitId ?? null}::text IS NULL OR unit_id = ${f.unitId ?? null})
           AND (${f.staffId ?? null}::text IS NULL OR staff_id = ${f.staffId ?? null})
         ORDER BY unit_id, queue, staff_id LIMIT 2000`
  );
  return list.filter((g) => scope === null || scope.includes(g.unit_id)).map((g) => ({
    staffId: g.staff_id,
    queue: g.queue,
    unitId: g.unit_id,
    species: g.species,
    createdAt: new Date(g.created_at).toISOString()
  }));
}
async function setEscalationRule(deps, ctx, input) {
  if (input.unitId === "*") {
    if (ctx && ctx.actor.role !== "admin") throw forbidden("Somente administradores definem a regra padr\xE3o.");
  } else {
    await assertUnitInScope(deps, ctx, input.unitId);
  }
  if (input.target !== "@gex" && input.target !== "@sr" && !await findUnit(deps, input.target)) {
    throw unprocessable("Destino inv\xE1lido.", [
      { field: "target", message: "use uma unidade existente, @gex ou @sr" }
    ]);
  }
  await deps.db.tx(async (tx) => {
    await tx.execute(sql`
      INSERT INTO req_escalation_rules (unit_id, target_unit_id, days_past_due) VALUES (${input.unitId}, ${input.target}, ${input.daysPastDue})
      ON CONFLICT (unit_id) DO UPDATE SET target_unit_id = EXCLUDED.target_unit_id, days_past_due = EXCLUDED.days_past_due`);
    if (ctx)
      await deps.audit.record(tx, ctx, {
        action: "update",
        resourceType: "escalation_rule",
        resourceId: input.unitId,
        details: { ...input }
      });
  });
  return input;
}
async function openAppointmentSlots(deps, ctx, input) {
  const errors = [];
  if (!LocalDate.isValid(input.from)) errors.push({ field: "from", message: "data inv\xE1lida (AAAA-MM-DD)" });
  if (!LocalDate.isValid(input.to)) errors.push({ field: "to", message: "data inv\xE1lida (AAAA-MM-DD)" });
  if (errors.length === 0 && LocalDate.daysBetween(input.from, input.to) < 0)
    errors.push({ field: "to", message: "anterior ao in\xEDcio" });
  if (errors.length === 0 && LocalDate.daysBetween(input.from, input.to) > 366)
    errors.push({ field: "to", message: "no m\xE1ximo um ano por vez" });
  for (const t of input.times)
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(t))
      errors.push({ field: "times", message: `hor\xE1rio inv\xE1lido: ${t}` });
  if (errors.length) throw unprocessable("N\xE3o foi poss\xEDvel abrir as vagas.", errors);
  const unit = await findUnit(deps, input.unitId);
  if (unit?.kind !== "aps")
    throw unprocessable("Vagas s\xE3o abertas em ag\xEAncias (APS).", [
      { field: "unitId", message: "n\xE3o \xE9 uma APS" }
    ]);
  await assertUnitInScope(deps, ctx, input.unitId);
  const created = await createAppointmentSlots(deps, input);
  if (ctx) {
    await deps.audit.recordNow(ctx, {
      action: "create",
      resourceType: "appointment_slots",
      resourceId: input.unitId,
      details: { ...input, created, businessDaysFirst: BusinessDays.add(input.from, 0) }
    });
  }
  return { created };
}
export {
  QUEUES,
  grantQueue,
  listQueueGrants,
  openAppointmentSlots,
  revokeQueueGrant,
  setEscalationRule
};
