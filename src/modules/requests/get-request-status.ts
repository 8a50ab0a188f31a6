import type { Ctx } from '../../platform/auth/roles';
import { statement } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { assertVisible, scopeOf } from './access';
import type { ClockEvent } from './domain/deadline';
import { ACTION_LABEL, availableActions, STATUS_LABEL } from './domain/lifecycle';
import { clockOf, type RequestRow, today } from './store';
import { presentClock } from './views';

/** One round trip, prepared once per connection: the row and its clock events. */
const STATUS_QUERY = statement(
  'req_status_by_id',
  `SELECT r.id, r.protocol, r.status, r.version, r.updated_at, r.max_days, r.citizen_cpf, r.partner_entity_id, r.unit_id,
                COALESCE((SELECT json_agg(json_build_object('kind', e.kind, 'on', e.on_date) ORDER BY e.id)
                            FROM req_clock_events e WHERE e.request_id = r.id), '[]'::json) AS clock
           FROM req_requests r WHERE r.id = $1`,
);

/**
 * The status of a request — what a citizen or partner polls: situation, allowed actions and the
 * legal clock. It carries no personal data (no CPF, name, declared data, documents or species),
 * so, unlike GET /requests/:id, it writes no audit row; scoping is the same (404 if not yours).
 */
export async function getRequestStatus(deps: Deps, ctx: Ctx, id: string) {
  const scope = await scopeOf(deps, ctx.actor);
  const res = await deps.db.query<RequestRow & { clock: ClockEvent[] }>(STATUS_QUERY, [id]);
  const req = assertVisible(scope, res.rows[0]);
  const clock = clockOf(req, (req as RequestRow & { clock: ClockEvent[] }).clock, today(deps));
  return {
    id: req.id,
    protocol: req.protocol,
    status: req.status,
    statusLabel: STATUS_LABEL[req.status],
    allowedActions: availableActions(req.status).map((a) => ({ action: a, label: ACTION_LABEL[a] })),
    version: req.version,
    updatedAt: new Date(req.updated_at).toISOString(),
    deadline: presentClock(clock),
  };
}
