import { STAFF_ROLES } from "../../platform/auth/roles.js";
import { notFound } from "../../platform/errors.js";
function assertCanAccessPerson(ctx, cpf) {
  const a = ctx.actor;
  if (STAFF_ROLES.includes(a.role)) return;
  if (a.role === "citizen" && a.cpf === cpf) return;
  if (a.role === "integration") return;
  throw notFound("Pessoa");
}
export {
  assertCanAccessPerson
};
