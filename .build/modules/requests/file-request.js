import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { forbidden, unprocessable } from "../../platform/errors.js";
import { Cpf } from "../../platform/values/documents.js";
import { findUnit } from "../organization/directory.js";
import { computeClock } from "./domain/deadline.js";
import { formatProtocol } from "./domain/protocol.js";
import { queueKey } from "./domain/queues.js";
import { FILEABLE_SPECIES, initialServiceCode, requiredAssessments, systemFor } from "./domain/species.js";
import { stfDeadlines } from "./reference.js";
import { one, today } from "./store.js";
const CHANNELS = ["self_service", "act_partner", "call_centre", "in_person"];
const fileRequestInput = z.object({
  cpf: z.string().describe("CPF do requerente (somente d\xEDgitos ou formatado)"),
  species: z.enum(FILEABLE_SPECIES).describe("Esp\xE9cie do benef\xEDcio (c\xF3digo B)"),
  unitId: z.string().min(1).max(40).describe("Unidade (APS) respons\xE1vel"),
  channel: z.enum(CHANNELS).optional().describe("Canal; deduzido do papel quando omitido"),
  representationTermRef: z.string().min(1).max(80).optional().describe("Termo de representa\xE7\xE3o (ACT)"),
  queue: z.enum(["regular", "extraordinary", "training"]).optional(),
  declared: z.record(z.string(), z.unknown()).default({}).describe("Dados declarados pelo requerente")
});
async function fileRequest(deps, ctx, raw) {
  const input = fileRequestInput.parse(raw);
  if (!Cpf.isValid(input.cpf))
    throw unprocessable("CPF inv\xE1lido.", [{ field: "cpf", message: "CPF inv\xE1lido" }]);
  const cpf = Cpf.parse(input.cpf);
  const actor = ctx.actor;
  let channel;
  let filedByKind;
  let partnerEntityId = null;
  if (actor.role === "citizen") {
    if (actor.cpf !== cpf) throw forbidden("O cidad\xE3o s\xF3 pode protocolar requerimentos em seu pr\xF3prio nome.");
    channel = "self_service";
    filedByKind = "citizen";
  } else if (actor.role === "partner") {
    if (!actor.partnerEntityId) throw forbidden("Conta de parceiro sem entidade vinculada.");
    if (!input.representationTermRef) {
      throw unprocessable("Informe o termo de representa\xE7\xE3o assinado pelo requerente.", [
        { field: "representationTermRef", message: "obrigat\xF3rio para entidade parceira" }
      ]);
    }
    channel = "act_partner";
    filedByKind = "partner_representative";
    partnerEntityId = actor.partnerEntityId;
  } else {
    channel = input.channel === "call_centre" ? "call_centre" : "in_person";
    filedByKind = "staff";
  }
  const unit = await findUnit(deps, input.unitId);
  if (!unit?.active)
    throw unprocessable("Unidade inexistente ou inativa.", [
      { field: "unitId", message: "unidade inv\xE1lida" }
    ]);
  const queue = actor.role === "citizen" || actor.role === "partner" ? "regular" : input.queue ?? "regular";
  const der = today(deps);
  const maxDays = stfDeadlines().get(input.species) ?? null;
  const id = randomUUID();
  const taskId = randomUUID();
  const now = deps.clock.now();
  const serviceCode = initialServiceCode(input.species);
  const needsAssessment = requiredAssessments(input.species).length > 0;
  return deps.db.tx(async (tx) => {
    const seq = await one(tx, sql`SELECT nextval('req_protocol_seq') AS n`);
    const protocol = formatProtocol(Number(der.slice(0, 4)), Number(seq?.n));
    const startsNow = !needsAssessment && maxDays !== null;
    const dueDate = startsNow && maxDays !== null ? computeClock([{ kind: "start", on: der }], maxDays, der).dueDate : null;
    const req = await one(
      tx,
      sql`WITH r AS (
            INSERT INTO req_requests (id, protocol, citizen_cpf, species, service_code, channel, filed_by_kind, filed_by_account_id,
                                      partner_entity_id, representation_term_ref, der, declared, unit_id, status, max_days, version, created_at, updated_at)
            VALUES (${id}, ${protocol}, ${cpf}, ${input.species}, ${serviceCode}, ${channel}, ${filedByKind}, ${actor.accountId},
                    ${partnerEntityId}, ${input.representationTermRef ?? null}, ${der}, ${JSON.stringify(input.declared)}::jsonb,
                    ${input.unitId}, 'filed', ${maxDays}, 1, ${now}, ${now})
            RETURNING *),
          a AS (
            INSERT INTO req_request_actions (request_id, seq, action, status_after, actor_account_id, actor_role, staff_id, at, details)
            SELECT r.id, 1, 'FILE', 'filed', ${actor.accountId}, ${actor.role}, ${actor.staffId}, ${now},
                   ${JSON.stringify({ channel, filedByKind })}::jsonb FROM r),
          c AS (
            INSERT INTO req_clock_events (request_id, kind, on_date, reason)
            SELECT r.id, 'start', ${der}, 'instrução completa no protocolo' FROM r WHERE ${startsNow}),
          t AS (
            INSERT INTO req_tasks (id, request_id, kind, service_code, species, unit_id, queue, queue_key, system, status, due_date, created_at, created_on)
            SELECT ${taskId}, r.id, 'analysis', ${serviceCode}, ${input.species}, ${input.unitId}, ${queue},
                   ${queueKey(queue, input.unitId, input.species)}, ${systemFor(input.species)}, 'open', ${dueDate}, ${now}, ${der} FROM r
            RETURNING id),
          ta AS (
            INSERT INTO req_task_actions (task_id, action, actor_account_id, staff_id, to_unit_id, at, details)
            SELECT t.id, 'created', ${actor.accountId}, ${actor.staffId}, ${input.unitId}, ${now}, ${JSON.stringify({ queue })}::jsonb FROM t)
          SELECT * FROM r`
    );
    await deps.outbox.publish(tx, {
      type: "request.filed",
      aggregateType: "request",
      aggregateId: id,
      payload: {
        requestId: id,
        protocol,
        citizenCpf: cpf,
        species: input.species,
        serviceCode,
        channel,
        filedByKind,
        partnerEntityId,
        representationTermRef: input.representationTermRef ?? null,
        unitId: input.unitId,
        der,
        maxDays
      }
    });
    await deps.outbox.publish(tx, {
      type: "task.created",
      aggregateType: "task",
      aggregateId: taskId,
      payload: {
        taskId,
        requestId: id,
        kind: "analysis",
        serviceCode,
        species: input.species,
        unitId: input.unitId,
        queue,
        dueDate
      }
    });
    await deps.audit.record(tx, ctx, {
      action: "create",
      resourceType: "request",
      resourceId: id,
      details: { channel, species: input.species }
    });
    return { request: req, taskId, dueDate };
  });
}
export {
  CHANNELS,
  fileRequest,
  fileRequestInput
};
