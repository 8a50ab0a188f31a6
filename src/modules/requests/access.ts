import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorUnitScope } from '../organization/directory';
import { type RequestRow, rows } from './store';

/**
 * Who may see a request: the citizen it belongs to (CPF), the partner entity that filed it, staff
 * whose unit subtree contains the request's unit (national scope and admins see all). Anything
 * else answers 404, never 403, so that existence does not leak.
 *
 * The scope is resolved BEFORE a transaction opens (it may read the unit tree through the pool;
 * on the embedded PGlite a second connection waits for an open transaction to finish).
 */
export type Scope =
  | { kind: 'citizen'; cpf: string | null }
  | { kind: 'partner'; partnerEntityId: string | null }
  | { kind: 'units'; unitIds: readonly string[] | null };

export async function scopeOf(deps: Pick<Deps, 'db'>, actor: Actor): Promise<Scope> {
  if (actor.role === 'citizen') return { kind: 'citizen', cpf: actor.cpf };
  if (actor.role === 'partner') return { kind: 'partner', partnerEntityId: actor.partnerEntityId };
  const units = await actorUnitScope(deps, actor);
  if (units === null || !actor.staffId) return { kind: 'units', unitIds: units };
  // Analysts also see the units whose queues they were granted (e.g. a CEAB working APS queues).
  const granted = await rows<{ unit_id: string }>(
    deps.db.orm,
    sql`SELECT DISTINCT unit_id FROM req_queue_grants WHERE staff_id = ${actor.staffId}`,
  );
  return { kind: 'units', unitIds: [...new Set([...units, ...granted.map((g) => g.unit_id)])] };
}

export function canSee(
  scope: Scope,
  r: Pick<RequestRow, 'citizen_cpf' | 'partner_entity_id' | 'unit_id'>,
): boolean {
  switch (scope.kind) {
    case 'citizen':
      return scope.cpf !== null && scope.cpf === r.citizen_cpf;
    case 'partner':
      return scope.partnerEntityId !== null && scope.partnerEntityId === r.partner_entity_id;
    case 'units':
      return scope.unitIds === null || scope.unitIds.includes(r.unit_id);
  }
}

export function assertVisible(scope: Scope, r: RequestRow | undefined): RequestRow {
  if (!r || !canSee(scope, r)) throw notFound('Requerimento');
  return r;
}

export const isStaff = (actor: Actor) => ['analyst', 'supervisor', 'manager', 'admin'].includes(actor.role);
