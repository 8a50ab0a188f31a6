import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { actorUnitScope } from '../organization/directory';

export interface AuditQuery {
  actorId?: string;
  resourceType?: string;
  resourceId?: string;
  action?: string;
  outcome?: 'success' | 'denied' | 'error';
  from?: string;
  to?: string;
  /** seq to continue after (newest first: rows with seq < cursor). */
  cursor?: number;
  limit: number;
}

/**
 * The audit trail, newest first. A manager sees the rows of actors of their unit subtree;
 * national managers and administrators see everything. Querying the trail is itself audited.
 */
export async function queryAudit(deps: Deps, ctx: Ctx, q: AuditQuery) {
  const scope = await actorUnitScope(deps, ctx.actor);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => {
    params.push(v);
    where.push(cond.replace('?', `$${params.length}`));
  };
  if (scope !== null) add('actor_unit_id = ANY(?)', scope);
  if (q.actorId) add('actor_id = ?', q.actorId);
  if (q.resourceType) add('resource_type = ?', q.resourceType);
  if (q.resourceId) add('resource_id = ?', q.resourceId);
  if (q.action) add('action = ?', q.action);
  if (q.outcome) add('outcome = ?', q.outcome);
  if (q.from) add('at >= ?::timestamptz', q.from);
  if (q.to) add('at < ?::timestamptz', q.to);
  if (q.cursor) add('seq < ?', q.cursor);
  params.push(q.limit + 1);
  const { rows } = await deps.db.pool.query(
    `SELECT seq, at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome, request_id, details
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY seq DESC LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, q.limit);
  await deps.audit.recordNow(ctx, {
    action: 'read',
    resourceType: 'audit_log',
    details: { filters: { ...q, limit: undefined, cursor: undefined }, count: page.length },
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
      details: r.details,
    })),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.seq) : null,
  };
}
