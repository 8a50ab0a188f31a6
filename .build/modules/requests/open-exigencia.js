import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { assertVisible, scopeOf } from "./access.js";
import { clockState } from "./domain/deadline.js";
import { DEFAULT_EXIGENCIA_DAYS, exigenciaDueDate } from "./domain/exigencia.js";
import { DOCUMENT_CATEGORIES } from "./domain/files.js";
import {
  appendAction,
  appendClockEvent,
  assertHolder,
  findRequest,
  loadClock,
  putTaskOnHold,
  today
} from "./store.js";
const openExigenciaInput = z.object({
  items: z.array(
    z.object({
      kind: z.enum(["document", "information"]),
      category: z.enum(DOCUMENT_CATEGORIES).optional(),
      description: z.string().min(3).max(500)
    })
  ).min(1).max(20),
  days: z.number().int().min(1).max(90).default(DEFAULT_EXIGENCIA_DAYS).describe("Prazo em dias (padr\xE3o 30)"),
  expectedVersion: z.number().int().optional()
});
async function openExigencia(deps, ctx, requestId, raw) {
  const input = openExigenciaInput.parse(raw);
  const on = today(deps);
  const dueDate = exigenciaDueDate(on, input.days);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    assertHolder(ctx, req);
    await appendAction(tx, deps, ctx, req, "OPEN_EXIGENCIA", {
      details: { dueDate },
      expectedVersion: input.expectedVersion
    });
    const id = randomUUID();
    const task = await tx.execute(
      sql`SELECT id FROM req_tasks WHERE request_id = ${req.id} AND kind = 'analysis' AND status IN ('open','assigned','waiting') LIMIT 1`
    );
    await tx.execute(sql`
      INSERT INTO req_exigencias (id, request_id, task_id, items, opened_on, due_date, status, opened_by_staff_id)
      VALUES (${id}, ${req.id}, ${task.rows[0]?.id ?? null}, ${JSON.stringify(input.items)}::jsonb,
              ${on}, ${dueDate}, 'open', ${ctx.actor.staffId})`);
    if (clockState(await loadClock(tx, req.id)) === "running") {
      await appendClockEvent(tx, req.id, "pause", on, `exig\xEAncia ${id} aberta`);
    }
    await putTaskOnHold(tx, req.id);
    await deps.audit.record(tx, ctx, {
      action: "create",
      resourceType: "exigencia",
      resourceId: id,
      details: { requestId: req.id }
    });
    await deps.outbox.publish(tx, {
      type: "exigencia.opened",
      aggregateType: "request",
      aggregateId: req.id,
      payload: {
        exigenciaId: id,
        requestId: req.id,
        protocol: req.protocol,
        openedOn: on,
        dueDate,
        items: input.items
      }
    });
    return { id, requestId: req.id, openedOn: on, dueDate, items: input.items, status: "open" };
  });
}
export {
  openExigencia,
  openExigenciaInput
};
