import { sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "../../platform/auth/roles.js";
import { LocalDate } from "../../platform/values/dates.js";
import { clockState } from "./domain/deadline.js";
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
async function expireExigencias(deps, opts = {}) {
  const on = today(deps);
  const ctx = { actor: SYSTEM_ACTOR, requestId: `job:expire-exigencias:${on}` };
  const due = await rows(
    deps.db.orm,
    sql`SELECT id FROM req_exigencias WHERE status = 'open' AND due_date < ${on} ORDER BY due_date LIMIT ${opts.limit ?? 1e4}`
  );
  let expired = 0;
  for (const { id } of due) {
    await deps.db.tx(async (tx) => {
      const ex = await one(
        tx,
        sql`SELECT id, request_id, status, due_date FROM req_exigencias WHERE id = ${id} FOR UPDATE SKIP LOCKED`
      );
      if (ex?.status !== "open") return;
      const req = await findRequest(tx, ex.request_id, true);
      if (!req) return;
      const resumeOn = LocalDate.addDays(ex.due_date, 1);
      const after = await appendAction(tx, deps, ctx, req, "EXPIRE_EXIGENCIA", {
        details: { exigenciaId: ex.id, dueDate: ex.due_date }
      });
      await tx.execute(
        sql`UPDATE req_exigencias SET status = 'expired', expired_on = ${resumeOn} WHERE id = ${ex.id}`
      );
      let events = await loadClock(tx, req.id);
      if (clockState(events) === "paused")
        events = await appendClockEvent(
          tx,
          req.id,
          "resume",
          resumeOn,
          `exig\xEAncia ${ex.id} sem resposta no prazo`
        );
      await returnTaskToWork(tx, after, events, on);
      await deps.outbox.publish(tx, {
        type: "exigencia.expired",
        aggregateType: "request",
        aggregateId: req.id,
        payload: {
          exigenciaId: ex.id,
          requestId: req.id,
          protocol: req.protocol,
          dueDate: ex.due_date,
          resumedOn: resumeOn
        }
      });
      expired++;
    });
  }
  return { checked: due.length, expired };
}
export {
  expireExigencias
};
