import { sql } from "drizzle-orm";
import { z } from "zod";
import { scopeOf } from "./access.js";
import { decodeCursor, encodeCursor } from "./pagination.js";
import { pgTextArray, rows } from "./store.js";
const base = {
  requestId: z.string().uuid().optional(),
  status: z.string().max(20).optional(),
  unitId: z.string().max(40).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe("data inicial (inclusive)"),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe("data final (inclusive)"),
  sort: z.enum(["date", "-date"]).default("-date"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional()
};
const listExigenciasQuery = z.object({
  ...base,
  status: z.enum(["open", "answered", "expired"]).optional()
});
const listAppointmentsQuery = z.object({
  ...base,
  status: z.enum(["scheduled", "rescheduled", "attended", "no_show"]).optional(),
  kind: z.enum(["medical_exam", "social_evaluation"]).optional()
});
const listDecisionsQuery = z.object({
  ...base,
  status: z.enum(["granted", "denied"]).optional().describe("resultado"),
  automatic: z.enum(["true", "false"]).optional()
});
const listAppealsQuery = z.object({
  ...base,
  status: z.enum(["filed", "upheld", "dismissed"]).optional()
});
function scopeSql(scope) {
  switch (scope.kind) {
    case "citizen":
      return sql`r.citizen_cpf = ${scope.cpf ?? "-"}`;
    case "partner":
      return sql`r.partner_entity_id = ${scope.partnerEntityId ?? "-"}`;
    case "units":
      return scope.unitIds === null ? sql`true` : sql`r.unit_id = ANY(${pgTextArray(scope.unitIds)}::text[])`;
  }
}
async function listRecords(deps, ctx, q, spec) {
  const scope = await scopeOf(deps, ctx.actor);
  const t = sql.raw(spec.table);
  const dateCol = sql.raw(`x.${spec.dateColumn}`);
  const where = [scopeSql(scope)];
  if (q.requestId) where.push(sql`x.request_id = ${q.requestId}`);
  if (q.status) where.push(sql`${sql.raw(`x.${spec.statusColumn}`)} = ${q.status}`);
  if (q.unitId) where.push(sql`r.unit_id = ${q.unitId}`);
  if (q.from) where.push(sql`${dateCol} >= ${q.from}::date`);
  if (q.to) where.push(sql`${dateCol} <= ${q.to}::date`);
  where.push(...spec.extra?.() ?? []);
  const desc = q.sort === "-date";
  const cur = decodeCursor(q.cursor);
  if (cur)
    where.push(
      desc ? sql`(${dateCol}, x.id) < (${cur.value}::date, ${cur.id}::uuid)` : sql`(${dateCol}, x.id) > (${cur.value}::date, ${cur.id}::uuid)`
    );
  const order = desc ? sql`ORDER BY ${dateCol} DESC, x.id DESC` : sql`ORDER BY ${dateCol} ASC, x.id ASC`;
  return deps.db.tx(async (tx) => {
    const list = await rows(
      tx,
      sql`SELECT ${sql.raw(spec.columns)}, r.protocol, ${dateCol}::text AS sort_date
            FROM ${t} x JOIN req_requests r ON r.id = x.request_id
           WHERE ${sql.join(where, sql` AND `)} ${order} LIMIT ${q.limit + 1}`
    );
    const page = list.slice(0, q.limit);
    await deps.audit.record(tx, ctx, {
      action: "read",
      resourceType: spec.resource,
      resourceId: null,
      details: { list: true, count: page.length, filters: { ...q, cursor: void 0 } }
    });
    const last = page.at(-1);
    return {
      items: page.map((r) => ({ protocol: r.protocol, ...spec.present(r) })),
      nextCursor: list.length > q.limit && last ? encodeCursor(String(last.sort_date), String(last.id)) : null
    };
  });
}
async function listExigencias(deps, ctx, raw) {
  return listRecords(deps, ctx, listExigenciasQuery.parse(raw), {
    table: "req_exigencias",
    resource: "exigencia",
    dateColumn: "due_date",
    statusColumn: "status",
    columns: "x.id, x.request_id, x.items, x.opened_on::text AS opened_on, x.due_date::text AS due_date, x.status, x.extensions, x.answered_on::text AS answered_on, x.expired_on::text AS expired_on",
    present: (r) => ({
      id: r.id,
      requestId: r.request_id,
      items: r.items,
      openedOn: r.opened_on,
      dueDate: r.due_date,
      status: r.status,
      extensions: r.extensions,
      answeredOn: r.answered_on,
      expiredOn: r.expired_on
    })
  });
}
async function listAppointments(deps, ctx, raw) {
  const q = listAppointmentsQuery.parse(raw);
  return listRecords(deps, ctx, q, {
    table: "req_appointments",
    resource: "appointment",
    dateColumn: "appointment_date",
    statusColumn: "status",
    columns: "x.id, x.request_id, x.kind, x.unit_id, x.appointment_date::text AS appointment_date, x.start_time, x.status, x.scheduled_on::text AS scheduled_on, x.attended_on::text AS attended_on",
    extra: () => q.kind ? [sql`x.kind = ${q.kind}`] : [],
    present: (r) => ({
      id: r.id,
      requestId: r.request_id,
      kind: r.kind,
      unitId: r.unit_id,
      date: r.appointment_date,
      time: r.start_time,
      status: r.status,
      scheduledOn: r.scheduled_on,
      attendedOn: r.attended_on
    })
  });
}
async function listDecisions(deps, ctx, raw) {
  const q = listDecisionsQuery.parse(raw);
  return listRecords(deps, ctx, q, {
    table: "req_decisions",
    resource: "decision",
    dateColumn: "decided_on",
    statusColumn: "outcome",
    columns: "x.id, x.request_id, x.outcome, x.reasons, x.legal_basis, x.is_automatic, x.decided_on::text AS decided_on",
    extra: () => q.automatic ? [sql`x.is_automatic = ${q.automatic === "true"}`] : [],
    present: (r) => ({
      id: r.id,
      requestId: r.request_id,
      outcome: r.outcome,
      reasons: r.reasons,
      legalBasis: r.legal_basis,
      isAutomatic: r.is_automatic,
      decidedOn: r.decided_on
    })
  });
}
async function listAppeals(deps, ctx, raw) {
  return listRecords(deps, ctx, listAppealsQuery.parse(raw), {
    table: "req_appeals",
    resource: "appeal",
    dateColumn: "filed_on",
    statusColumn: "status",
    columns: "x.id, x.request_id, x.filed_on::text AS filed_on, x.status, x.board_reference, x.board_decided_on::text AS board_decided_on, x.compliance_task_id",
    present: (r) => ({
      id: r.id,
      requestId: r.request_id,
      filedOn: r.filed_on,
      status: r.status,
      boardReference: r.board_reference,
      boardDecidedOn: r.board_decided_on,
      complianceTaskId: r.compliance_task_id
    })
  });
}
export {
  listAppeals,
  listAppealsQuery,
  listAppointments,
  listAppointmentsQuery,
  listDecisions,
  listDecisionsQuery,
  listExigencias,
  listExigenciasQuery
};
