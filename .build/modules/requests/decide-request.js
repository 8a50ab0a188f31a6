import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { actionNotAllowed, forbidden, unprocessable } from "../../platform/errors.js";
import { calculateRmi, loadParameterTables } from "../calculation/calculate-rmi.js";
import { assertVisible, scopeOf } from "./access.js";
import { clockState } from "./domain/deadline.js";
import { appendAction, appendClockEvent, assertHolder, findRequest, loadClock, today } from "./store.js";
import { concludeTask, currentTaskOfKind } from "./task-conclusion.js";
const decideInput = z.object({
  outcome: z.enum(["granted", "denied"]),
  reasons: z.array(z.object({ code: z.string().regex(/^[A-Z0-9_.-]{2,20}$/), text: z.string().min(3).max(1e3) })).min(1).max(20).describe("Motivos codificados (motiva\xE7\xE3o: Lei 9.784/1999, art. 50)"),
  legalBasis: z.string().min(3).max(500).describe("Fundamento legal (artigos)"),
  expectedVersion: z.number().int().describe("Vers\xE3o do requerimento lida pelo analista (concorr\xEAncia otimista)"),
  calculationInput: z.record(z.string(), z.unknown()).optional().describe(
    "Dados para o motor de c\xE1lculo da RMI (contrato do m\xF3dulo calculation); o resultado \xE9 gravado na decis\xE3o"
  ),
  calculation: z.record(z.string(), z.unknown()).optional().describe("Resultado do c\xE1lculo da RMI (obrigat\xF3rio no deferimento)"),
  subtasks: z.array(z.string().min(1).max(40)).max(20).optional()
});
async function decideRequest(deps, ctx, requestId, raw) {
  const input = decideInput.parse(raw);
  if (input.outcome === "granted" && !input.calculation && !input.calculationInput) {
    throw unprocessable("O deferimento deve trazer o c\xE1lculo do benef\xEDcio.", [
      {
        field: "calculationInput",
        message: "obrigat\xF3rio no deferimento (ou calculation, resultado j\xE1 calculado)"
      }
    ]);
  }
  let calculation = null;
  if (input.outcome === "granted" && input.calculationInput) {
    const result = calculateRmi(
      input.calculationInput,
      await loadParameterTables(deps)
    );
    if (!result.eligible || result.rmi === null) {
      throw unprocessable(
        "O c\xE1lculo n\xE3o encontrou regra em que o requerente seja eleg\xEDvel: o deferimento n\xE3o pode usar este c\xE1lculo.",
        [{ field: "calculationInput", message: "requerente n\xE3o eleg\xEDvel segundo o c\xE1lculo" }]
      );
    }
    calculation = { source: "calculation-engine", input: input.calculationInput, result };
  } else if (input.outcome === "granted" && input.calculation) {
    calculation = { source: "submitted", result: input.calculation };
  }
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    const calcSpecies = input.calculationInput?.benefit;
    if (calcSpecies !== void 0 && calcSpecies !== `B${req.species}`) {
      throw unprocessable(
        `O c\xE1lculo \xE9 da esp\xE9cie ${String(calcSpecies)}, mas o requerimento \xE9 B${req.species}.`,
        [{ field: "calculationInput.benefit", message: "esp\xE9cie diferente da do requerimento" }]
      );
    }
    const automatic = req.status === "awaiting_automatic";
    if (automatic && !(ctx.actor.role === "integration" || ctx.actor.via === "system")) {
      throw forbidden("Em an\xE1lise autom\xE1tica: a decis\xE3o \xE9 do sistema de reconhecimento autom\xE1tico.");
    }
    if (!automatic && ctx.actor.role === "integration")
      throw actionNotAllowed(input.outcome === "granted" ? "GRANT" : "DENY", req.status, [
        "REGISTER_PENDENCY"
      ]);
    if (req.status === "in_analysis") assertHolder(ctx, req);
    const action = input.outcome === "granted" ? "GRANT" : "DENY";
    const after = await appendAction(tx, deps, ctx, req, action, {
      expectedVersion: input.expectedVersion,
      details: { reasons: input.reasons.map((r) => r.code), automatic }
    });
    const decisionId = randomUUID();
    const task = await currentTaskOfKind(tx, req.id, ["analysis", "revision"]);
    if (task?.kind === "revision" && task.assignee_staff_id !== ctx.actor.staffId && !["supervisor", "manager", "admin"].includes(ctx.actor.role)) {
      throw forbidden("Pegue a tarefa de revis\xE3o antes de decidir.");
    }
    await tx.execute(sql`
      INSERT INTO req_decisions (id, request_id, task_id, outcome, reasons, legal_basis, calculation, decided_by_staff_id, is_automatic, decided_on)
      VALUES (${decisionId}, ${req.id}, ${task?.id ?? null}, ${input.outcome}, ${JSON.stringify(input.reasons)}::jsonb, ${input.legalBasis},
              ${calculation ? JSON.stringify(calculation) : null}::jsonb, ${automatic ? null : ctx.actor.staffId}, ${automatic}, ${on})`);
    await tx.execute(
      sql`UPDATE req_requests SET decision = ${input.outcome}, decided_on = ${on}, is_automatic = ${automatic} WHERE id = ${req.id}`
    );
    const events = await loadClock(tx, req.id);
    const state = clockState(events);
    if (state === "running" || state === "paused")
      await appendClockEvent(tx, req.id, "stop", on, `decis\xE3o ${decisionId}`);
    const concluded = task ? await concludeTask(tx, deps, ctx, task, after, {
      decision: input.outcome,
      automatic,
      on,
      subtasks: input.subtasks
    }) : null;
    await deps.audit.record(tx, ctx, {
      action: "decide",
      resourceType: "request",
      resourceId: req.id,
      details: { outcome: input.outcome, automatic }
    });
    await deps.outbox.publish(tx, {
      type: "decision.made",
      aggregateType: "request",
      aggregateId: req.id,
      payload: {
        decisionId,
        requestId: req.id,
        protocol: req.protocol,
        species: req.species,
        outcome: input.outcome,
        reasons: input.reasons,
        legalBasis: input.legalBasis,
        automatic,
        decidedOn: on,
        unitId: req.unit_id,
        taskId: task?.id ?? null,
        revision: task?.kind === "revision"
      }
    });
    return {
      decisionId,
      requestId: req.id,
      outcome: input.outcome,
      automatic,
      decidedOn: on,
      version: after.version,
      task: concluded
    };
  });
}
export {
  decideInput,
  decideRequest
};
