import { sql } from "drizzle-orm";
import { actionNotAllowed, notFound, unprocessable } from "../../platform/errors.js";
import { assertVisible, scopeOf } from "./access.js";
import { extendExigencia as extendTerm } from "./domain/exigencia.js";
import { appendAction, findRequest, one, today } from "./store.js";
async function extendExigencia(deps, ctx, exigenciaId, days, reason) {
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const ex = await one(
      tx,
      sql`SELECT id, request_id, status, due_date, extensions FROM req_exigencias WHERE id = ${exigenciaId} FOR UPDATE`
    );
    if (!ex) throw notFound("Exig\xEAncia");
    const req = assertVisible(scope, await findRequest(tx, ex.request_id, true));
    if (ex.status !== "open") throw actionNotAllowed("EXTEND_EXIGENCIA", ex.status, []);
    const check = extendTerm(ex.due_date, ex.extensions, days, on);
    if (!check.ok) throw unprocessable(check.message, [{ field: "days", message: check.message }]);
    await appendAction(tx, deps, ctx, req, "EXTEND_EXIGENCIA", {
      details: { exigenciaId: ex.id, days, reason }
    });
    await tx.execute(
      sql`UPDATE req_exigencias SET due_date = ${check.dueDate}, extensions = extensions + 1 WHERE id = ${ex.id}`
    );
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "exigencia",
      resourceId: ex.id,
      details: { extendedTo: check.dueDate }
    });
    await deps.outbox.publish(tx, {
      type: "exigencia.extended",
      aggregateType: "request",
      aggregateId: req.id,
      payload: {
        exigenciaId: ex.id,
        requestId: req.id,
        protocol: req.protocol,
        dueDate: check.dueDate,
        reason
      }
    });
    return { id: ex.id, dueDate: check.dueDate, extensions: ex.extensions + 1 };
  });
}
export {
  extendExigencia
};
