import { sql } from "drizzle-orm";
import { z } from "zod";
import { actionNotAllowed, notFound, unprocessable } from "../../platform/errors.js";
import { assertVisible, scopeOf } from "./access.js";
import { clockState } from "./domain/deadline.js";
import { isExigenciaExpired } from "./domain/exigencia.js";
import {
  appendAction,
  appendClockEvent,
  findRequest,
  loadClock,
  one,
  pgTextArray,
  returnTaskToWork,
  rows,
  today
} from "./store.js";
const answerExigenciaInput = z.object({
  documentIds: z.array(z.string().uuid()).max(50).default([]).describe("Documentos j\xE1 anexados ao requerimento que cumprem a exig\xEAncia"),
  note: z.string().max(2e3).optional()
});
async function answerExigencia(deps, ctx, exigenciaId, raw) {
  const input = answerExigenciaInput.parse(raw);
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const ex = await one(
      tx,
      sql`SELECT id, request_id, status, due_date FROM req_exigencias WHERE id = ${exigenciaId} FOR UPDATE`
    );
    if (!ex) throw notFound("Exig\xEAncia");
    const req = assertVisible(scope, await findRequest(tx, ex.request_id, true));
    if (ex.status !== "open") throw actionNotAllowed("ANSWER_EXIGENCIA", ex.status, []);
    if (isExigenciaExpired(ex.due_date, on)) throw actionNotAllowed("ANSWER_EXIGENCIA", "expired", []);
    if (input.documentIds.length > 0) {
      const found = await rows(
        tx,
        sql`SELECT id FROM req_documents WHERE request_id = ${req.id} AND id = ANY(${pgTextArray(input.documentIds)}::uuid[])`
      );
      if (found.length !== new Set(input.documentIds).size) {
        throw unprocessable("Documento n\xE3o pertence a este requerimento.", [
          { field: "documentIds", message: "documento inv\xE1lido" }
        ]);
      }
      await tx.execute(
        sql`UPDATE req_documents SET exigencia_id = ${ex.id} WHERE request_id = ${req.id} AND id = ANY(${pgTextArray(input.documentIds)}::uuid[])`
      );
    } else if (!input.note) {
      throw unprocessable("Anexe documentos ou informe a resposta.", [
        { field: "documentIds", message: "resposta vazia" }
      ]);
    }
    const after = await appendAction(tx, deps, ctx, req, "ANSWER_EXIGENCIA", {
      details: { exigenciaId: ex.id, documents: input.documentIds.length }
    });
    await tx.execute(
      sql`UPDATE req_exigencias SET status = 'answered', answered_on = ${on}, answer_note = ${input.note ?? null} WHERE id = ${ex.id}`
    );
    let events = await loadClock(tx, req.id);
    if (clockState(events) === "paused")
      events = await appendClockEvent(tx, req.id, "resume", on, `exig\xEAncia ${ex.id} cumprida`);
    await returnTaskToWork(tx, after, events, on);
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "exigencia",
      resourceId: ex.id,
      details: { requestId: req.id }
    });
    await deps.outbox.publish(tx, {
      type: "exigencia.answered",
      aggregateType: "request",
      aggregateId: req.id,
      payload: {
        exigenciaId: ex.id,
        requestId: req.id,
        protocol: req.protocol,
        answeredOn: on,
        documentIds: input.documentIds
      }
    });
    return { id: ex.id, requestId: req.id, status: "answered", answeredOn: on };
  });
}
export {
  answerExigencia,
  answerExigenciaInput
};
