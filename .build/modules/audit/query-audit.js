import { actorUnitScope } from "../organization/directory.js";
async function queryAudit(deps, ctx, q) {
  const scope = await actorUnitScope(deps, ctx.actor);
  const where = [];
  const params = [];
  const add = (cond, v) => {
    params.push(v);
    where.push(cond.replace("?", `$${params.length}`));
  };
  if (scope !== null) add("actor_unit_id = ANY(?)", scope);
  if (q.actorId) add("actor_id = ?", q.actorId);
  if (q.resourceType) add("resource_type = ?", q.resourceType);
  if (q.resourceId) add("resource_id = ?", q.resourceId);
  if (q.action) add("action = ?", q.action);
  if (q.outcome) add("outcome = ?", q.outcome);
  if (q.from) add("at >= ?::timestamptz", q.from);
  if (q.to) add("at < ?::timestamptz", q.to);
  if (q.cursor) add("seq < ?", q.cursor);
  params.push(q.limit + 1);
  const { rows } = await deps.db.pool.query(
    `SELECT seq, at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome, request_id, details
       FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY seq DESC LIMIT $${params.length}`,
    params
  );
  const page = rows.slice(0, q.limit);
  await deps.audit.recordNow(ctx, {
    action: "read",
    resourceType: "audit_log",
    details: { filters: { ...q, limit: void 0, cursor: void 0 }, count: page.length }
  });
  return {
    items: page.map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorRole: r.actor_role,
      actorUnitId: r.actor_unit_id,
      action: r.action,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      outcome: r.outcome,
      requestId: r.request_id,
      details: r.details
    })),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1].seq) : null
  };
}
export {
  queryAudit
};
