import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { assertVisible, scopeOf } from './access';
import {
  appendAction,
  assertHolder,
  findRequest,
  loadClock,
  putTaskOnHold,
  returnTaskToWork,
  today,
} from './store';

/**
 * Registers a pendency for automatic analysis: the case waits for the automatic-recognition
 * engine (e.g. a CNIS update), which then decides it (an automatic conclusion) or returns it.
 * The legal clock keeps running: the wait is the Institute's, not the requester's.
 */
export async function registerPendency(deps: Deps, ctx: Ctx, requestId: string, reason: string) {
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    if (req.status === 'in_analysis') assertHolder(ctx, req);
    const after = await appendAction(tx, deps, ctx, req, 'REGISTER_PENDENCY', { details: { reason } });
    await putTaskOnHold(tx, req.id);
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'request',
      resourceId: req.id,
      details: { pendency: true },
    });
    await deps.outbox.publish(tx, {
      type: 'request.pendency_registered',
      aggregateType: 'request',
      aggregateId: req.id,
      payload: { requestId: req.id, protocol: req.protocol, species: req.species, reason },
    });
    return { requestId: req.id, status: after.status, version: after.version };
  });
}

/** The automatic engine hands the case back to people (it could not decide). */
export async function resolvePendency(deps: Deps, ctx: Ctx, requestId: string, reason: string) {
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    const after = await appendAction(tx, deps, ctx, req, 'RESOLVE_PENDENCY', { details: { reason } });
    await returnTaskToWork(tx, after, await loadClock(tx, req.id), on);
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'request',
      resourceId: req.id,
      details: { pendency: false },
    });
    await deps.outbox.publish(tx, {
      type: 'request.pendency_resolved',
      aggregateType: 'request',
      aggregateId: req.id,
      payload: { requestId: req.id, protocol: req.protocol, reason },
    });
    return { requestId: req.id, status: after.status, version: after.version };
  });
}
