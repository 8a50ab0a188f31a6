import { assertVisible, scopeOf } from "./access.js";
import {
  appendAction,
  assertHolder,
  findRequest,
  loadClock,
  putTaskOnHold,
  returnTaskToWork,
  today
} from "./store.js";
async function registerPendency(deps, ctx, requestId, reason) {
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    if (req.status === "in_analysis") assertHolder(ctx, req);
    const after = await appendAction(tx, deps, ctx, req, "REGISTER_PENDENCY", { details: { reason } });
    await putTaskOnHold(tx, req.id);
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "request",
      resourceId: req.id,
      details: { pendency: true }
    });
    await deps.outbox.publish(tx, {
      type: "request.pendency_registered",
      aggregateType: "request",
      aggregateId: req.id,
      payload: { requestId: req.id, protocol: req.protocol, species: req.species, reason }
    });
    return { requestId: req.id, status: after.status, version: after.version };
  });
}
async function resolvePendency(deps, ctx, requestId, reason) {
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    const after = await appendAction(tx, deps, ctx, req, "RESOLVE_PENDENCY", { details: { reason } });
    await returnTaskToWork(tx, after, await loadClock(tx, req.id), on);
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "request",
      resourceId: req.id,
      details: { pendency: false }
    });
    await deps.outbox.publish(tx, {
      type: "request.pendency_resolved",
      aggregateType: "request",
      aggregateId: req.id,
      payload: { requestId: req.id, protocol: req.protocol, reason }
    });
    return { requestId: req.id, status: after.status, version: after.version };
  });
}
export {
  registerPendency,
  resolvePendency
};
