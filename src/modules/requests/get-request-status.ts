import type { Ctx } from '../../platform/auth/roles';
import { type Coalescer, createCoalescer } from '../../platform/db/coalescer';
import { statement } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { assertVisible, scopeOf } from './access';
import type { ClockEvent } from './domain/deadline';
import { ACTION_LABEL, availableActions, STATUS_LABEL } from './domain/lifecycle';
import { clockOf, type RequestRow, today } from './store';
import { presentClock } from './views';

/**
 * The rows and their clock events, for the ids asked at once: concurrent status reads share one
 * prepared statement (platform/db/coalescer.ts). Nothing is cached between reads.
 */
const STATUS_QUERY = statement(
  'req_status_by_ids',
  `SELECT r.id, r.protocol, r.status, r.version, r.updated_at, r.max_days, r.citizen_cpf, r.partner_entity_id, r.unit_id,
          COALESCE((SELECT json_agg(json_build_object('kind', e.kind, 'on', e.on_date) ORDER BY e.id)
                      FROM req_clock_events e WHERE e.request_id = r.id), '[]'::json) AS clock
     FROM req_requests r WHERE r.id = ANY($1::uuid[])`,
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type StatusRow = RequestRow & { clock: ClockEvent[] };
const readers = new WeakMap<object, Coalescer<string, StatusRow | undefined>>();

function statusReader(deps: Pick<Deps, 'db'>) {
  let c = readers.get(deps.db);
  if (!c) {
    c = createCoalescer(async (ids: readonly string[]) => {
      const { rows } = await deps.db.query<StatusRow>(STATUS_QUERY, [[...new Set(ids)]]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    });
    readers.set(deps.db, c);
  }
  return c;
}

/**
 * The status of a request — what a citizen or partner polls: situation, allowed actions and the
 * legal clock. It carries no personal data (no CPF, name, declared data, documents or species),
 * so, unlike GET /requests/:id, it writes no audit row; scoping is the same (404 if not yours).
 */
export async function getRequestStatus(deps: Deps, ctx: Ctx, id: string) {
  const scope = await scopeOf(deps, ctx.actor);
  const row = UUID.test(id) ? await statusReader(deps).submit(id.toLowerCase()) : undefined;
  const req = assertVisible(scope, row) as StatusRow;
  const clock = clockOf(req, req.clock, today(deps));
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
