import { assertVisible, scopeOf } from "./access.js";
import { ACTION_LABEL, availableActions, STATUS_LABEL } from "./domain/lifecycle.js";
import { clockOf, today } from "./store.js";
import { presentClock } from "./views.js";
const STATUS_QUERY = {
  name: "req_status_by_id",
  text: `SELECT r.id, r.protocol, r.status, r.version, r.updated_at, r.max_days, r.citizen_cpf, r.partner_entity_id, r.unit_id,
                COALESCE((SELECT json_agg(json_build_object('kind', e.kind, 'on', e.on_date) ORDER BY e.id)
                            FROM req_clock_events e WHERE e.request_id = r.id), '[]'::json) AS clock
           FROM req_requests r WHERE r.id = $1`
};
async function getRequestStatus(deps, ctx, id) {
  const scope = await scopeOf(deps, ctx.actor);
  const res = await deps.db.pool.query({
    ...STATUS_QUERY,
    values: [id]
  });
  const req = assertVisible(scope, res.rows[0]);
  const clock = clockOf(req, req.clock, today(deps));
  return {
    id: req.id,
    protocol: req.protocol,
    status: req.status,
    statusLabel: STATUS_LABEL[req.status],
    allowedActions: availableActions(req.status).map((a) => ({ action: a, label: ACTION_LABEL[a] })),
    version: req.version,
    updatedAt: new Date(req.updated_at).toISOString(),
    deadline: presentClock(clock)
  };
}
export {
  getRequestStatus
};
