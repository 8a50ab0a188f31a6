import { sql } from "drizzle-orm";
import { notFound } from "../../platform/errors.js";
import { actorUnitScope } from "../organization/directory.js";
import { rows } from "./store.js";
async function scopeOf(deps, actor) {
  if (actor.role === "citizen") return { kind: "citizen", cpf: actor.cpf };
  if (actor.role === "partner") return { kind: "partner", partnerEntityId: actor.partnerEntityId };
  const units = await actorUnitScope(deps, actor);
  if (units === null || !actor.staffId) return { kind: "units", unitIds: units };
  const granted = await rows(
    deps.db.orm,
    sql`SELECT DISTINCT unit_id FROM req_queue_grants WHERE staff_id = ${actor.staffId}`
  );
  return { kind: "units", unitIds: [.../* @__PURE__ */ new Set([...units, ...granted.map((g) => g.unit_id)])] };
}
function canSee(scope, r) {
  switch (scope.kind) {
    case "citizen":
      return scope.cpf !== null && scope.cpf === r.citizen_cpf;
    case "partner":
      return scope.partnerEntityId !== null && scope.partnerEntityId === r.partner_entity_id;
    case "units":
      return scope.unitIds === null || scope.unitIds.includes(r.unit_id);
  }
}
function assertVisible(scope, r) {
  if (!r || !canSee(scope, r)) throw notFound("Requerimento");
  return r;
}
const isStaff = (actor) => ["analyst", "supervisor", "manager", "admin"].includes(actor.role);
export {
  assertVisible,
  canSee,
  isStaff,
  scopeOf
};
