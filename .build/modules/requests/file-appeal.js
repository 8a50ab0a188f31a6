import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { LocalDate } from "../../platform/values/dates.js";
import { assertVisible, scopeOf } from "./access.js";
import { APPEAL_TERM_DAYS } from "./domain/exigencia.js";
import { appendAction, findRequest, one, today } from "./store.js";
const fileAppealInput = z.object({
  grounds: z.string().min(10).max(1e4).describe("Raz\xF5es do recurso")
});
async function fileAppeal(deps, ctx, requestId, raw) {
  const input = fileAppealInput.parse(raw);
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    await appendAction(tx, deps, ctx, req, "FILE_APPEAL");
    const decision = await one(
      tx,
      sql`SELECT id, decided_on FROM req_decisions WHERE request_id = ${req.id} AND outcome = 'denied' ORDER BY created_at DESC LIMIT 1`
    );
    const id = randomUUID();
    const isTimely = decision ? LocalDate.daysBetween(decision.decided_on, on) <= APPEAL_TERM_DAYS : false;
    await tx.execute(sql`
      INSERT INTO req_appeals (id, request_id, decision_id, filed_on, filed_by_account_id, grounds, status)
      VALUES (${id}, ${req.id}, ${decision?.id ?? null}, ${on}, ${ctx.actor.accountId}, ${input.grounds}, 'filed')`);
    await deps.audit.record(tx, ctx, {
      action: "create",
      resourceType: "appeal",
      resourceId: id,
      details: { requestId: req.id }
    });
    await deps.outbox.publish(tx, {
      type: "appeal.filed",
      aggregateType: "request",
      aggregateId: req.id,
      payload: {
        appealId: id,
        requestId: req.id,
        protocol: req.protocol,
        decisionId: decision?.id ?? null,
        filedOn: on,
        isTimely
      }
    });
    return { id, requestId: req.id, filedOn: on, isTimely, status: "filed" };
  });
}
export {
  fileAppeal,
  fileAppealInput
};
